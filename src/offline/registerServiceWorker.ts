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
 * Nothing reloads a tab by itself, least of all one that is training.
 */
import { isServesReply, type ServesQuery, type SkipWaiting } from './policy';

const SCRIPT = 'sw.js';
/** How long the page waits for the service worker to say whether it serves this build (ms). */
const ASK_TIMEOUT_MS = 5000;

/**
 * Call once at start-up. Registers after the page has loaded, so the service worker's
 * install (which downloads the build and MNIST into the cache) does not compete with the
 * page's own first requests.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  if (!import.meta.env.PROD) {
    void removeStaleWorker();
    return;
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => void onControllerChange());
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
 * claiming this page (nothing to do), or another tab's update. In the last case, if the new
 * worker does not serve the code running here, that code's files are gone from the cache: the
 * page says so (the update notice) and reloads when the reader chooses, never by itself.
 */
async function onControllerChange(): Promise<void> {
  if (reloadAsked) return location.reload();
  const controller = navigator.serviceWorker.controller;
  if (!controller) return;
  // In the bundle, import.meta.url is the URL of the hashed chunk that holds this module.
  if ((await askServes(controller, import.meta.url)) === false) announceUpdate();
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
