/**
 * Registers the lab's service worker (sw.ts, built to sw.js next to index.html) in production
 * builds only: `npm start` (the Vite dev server) never runs it, and a worker left on the dev
 * origin by an earlier production build is removed so it cannot serve stale files there.
 *
 * All URLs are relative to the page, so the lab works from any sub-path: sw.js is resolved
 * against the document, and the scope is sw.js's folder (the browser's default).
 *
 * Updates wait for the reader: a new version's service worker installs and waits, the page
 * hears of it (`onUpdateReady`, the "new version: reload" notice), and only the reader's click
 * (`applyUpdate`, after the page paused and saved training) lets it take over and reloads.
 * Nothing reloads a tab by itself for an update, least of all one that is training.
 *
 * Threads: the service worker adds the cross-origin isolation headers to what it serves, but
 * the page that installed it was served without them. When it first takes control of such a
 * page, the page reloads once (onto a response with the headers), unless training runs (then
 * threads start with the next load; the saved model is restored either way) or the page is in
 * a frame (a reload cannot isolate a frame: isolation.ts).
 */
import { isolationWhy, pageFacts } from './isolation';
import { isServesReply, type ServesQuery, type SkipWaiting } from './policy';

const SCRIPT = 'sw.js';
/** How long the page waits for the service worker to say whether it serves this build (ms). */
const ASK_TIMEOUT_MS = 5000;
/** sessionStorage key: set once the page reloaded to become cross-origin isolated (at most once per tab). */
const ISOLATION_RELOAD_KEY = 'autoencoder-lab/reloaded-for-isolation';

export interface RegisterOptions {
  /** False while a reload would interrupt the reader (training runs). */
  mayReload?: () => boolean;
}

/**
 * Call once at start-up. Registers after the page has loaded, so the service worker's
 * install (which downloads the build and MNIST into the cache) does not compete with the
 * page's own first requests.
 */
export function registerServiceWorker(options: RegisterOptions = {}): void {
  if (!('serviceWorker' in navigator)) return;
  if (!import.meta.env.PROD) {
    void removeStaleWorker();
    return;
  }
  const mayReload = options.mayReload ?? (() => true);
  navigator.serviceWorker.addEventListener('controllerchange', () => void onControllerChange(mayReload));
  const register = () => {
    navigator.serviceWorker.register(new URL(SCRIPT, document.baseURI)).then(watchForUpdates, (e: unknown) => {
      // Without a service worker the lab still works online; only offline use is lost.
      console.warn('The lab will not work offline: the service worker did not register.', e);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

// ---- updates wait for the reader ----

/** Whether a new version is ready, and who wants to hear it (the update notice). */
let updateReady = false;
const updateListeners = new Set<() => void>();
/** The reader asked for the new version: the next controller change reloads. */
let reloadAsked = false;
let registration: ServiceWorkerRegistration | undefined;

/** True once a new version waits (or took over from another tab): the page offers a reload. */
export function isUpdateReady(): boolean {
  return updateReady;
}

/** Calls `listener` when isUpdateReady() changes; returns the unsubscribe. */
export function onUpdateReady(listener: () => void): () => void {
  updateListeners.add(listener);
  return () => updateListeners.delete(listener);
}

function announceUpdate(): void {
  if (updateReady) return;
  updateReady = true;
  for (const listener of updateListeners) listener();
}

/** Hears of a new version waiting, now or later (an installed worker while this page has a controller). */
function watchForUpdates(r: ServiceWorkerRegistration | undefined): void {
  // A browser that blocks service workers (an automation setting, a policy) may resolve without one.
  if (!r) return;
  registration = r;
  if (r.waiting && navigator.serviceWorker.controller) announceUpdate();
  r.addEventListener('updatefound', () => {
    const installing = r.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed' && navigator.serviceWorker.controller) announceUpdate();
    });
  });
}

/**
 * The reader chose the new version: the waiting worker takes over, and the controller change
 * reloads the page. (The caller pauses training first, which saves the model.)
 */
export function applyUpdate(): void {
  reloadAsked = true;
  const waiting = registration?.waiting;
  if (!waiting) return location.reload();
  const ask: SkipWaiting = { type: 'autoencoder-lab/skip-waiting' };
  waiting.postMessage(ask);
}

/**
 * Another service worker controls the page now: the reader's choice (reload), the first install
 * claiming this page (a reload once, for isolation: reloadForIsolation), or another tab's update. In the last case, if the new
 * worker does not serve the code running here, that code's files are gone from the cache: the
 * page says so (the update notice) and reloads when the reader chooses, never by itself.
 */
async function onControllerChange(mayReload: () => boolean): Promise<void> {
  if (reloadAsked) return location.reload();
  const controller = navigator.serviceWorker.controller;
  if (!controller) return;
  // In the bundle, import.meta.url is the URL of the hashed chunk that holds this module.
  if ((await askServes(controller, import.meta.url)) === false) announceUpdate();
  else reloadForIsolation(mayReload);
}

/**
 * The service worker now controls a page it did not serve: reload once onto a response with
 * the isolation headers, if that can make this page isolated and nothing is interrupted.
 */
function reloadForIsolation(mayReload: () => boolean): void {
  const facts = pageFacts();
  if (isolationWhy(facts) === undefined || facts.inFrame || !mayReload()) return;
  try {
    // A browser that stays unisolated with the headers must not reload again and again.
    if (sessionStorage.getItem(ISOLATION_RELOAD_KEY) !== null) return;
    sessionStorage.setItem(ISOLATION_RELOAD_KEY, String(Date.now()));
  } catch {
    return;
  }
  location.reload();
}

/** Asks `worker` whether `url` is in its precache; undefined when it does not answer in time. */
function askServes(worker: ServiceWorker, url: string): Promise<boolean | undefined> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const done = (answer: boolean | undefined) => {
      clearTimeout(timer);
      channel.port1.close();
      resolve(answer);
    };
    const timer = setTimeout(() => done(undefined), ASK_TIMEOUT_MS);
    channel.port1.onmessage = (event: MessageEvent<unknown>) => done(isServesReply(event.data) ? event.data.serves : undefined);
    const query: ServesQuery = { type: 'autoencoder-lab/serves', url };
    worker.postMessage(query, [channel.port2]);
  });
}

/** Dev server: unregister a service worker of this lab left on this origin by a production build. */
async function removeStaleWorker(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration(document.baseURI);
  const script = registration?.active?.scriptURL ?? registration?.waiting?.scriptURL ?? registration?.installing?.scriptURL;
  if (registration && script && new URL(script).pathname.endsWith(`/${SCRIPT}`)) await registration.unregister();
}
