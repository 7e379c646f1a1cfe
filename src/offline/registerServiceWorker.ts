/**
 * Registers the lab's service worker (sw.ts, built to sw.js next to index.html) in production
 * builds only: `npm start` (the Vite dev server) never runs it, and a worker left on the dev
 * origin by an earlier production build is removed so it cannot serve stale files there.
 *
 * All URLs are relative to the page, so the lab works from any sub-path: sw.js is resolved
 * against the document, and the scope is sw.js's folder (the browser's default).
 *
 * Threads: the service worker adds the cross-origin isolation headers to what it serves, but
 * the page that installed it was served without them. When it takes control of such a page,
 * the page reloads once (onto a response with the headers), unless training runs (then threads
 * start with the next load; the saved model is restored either way) or the page is in a frame
 * (a reload cannot isolate a frame: isolation.ts).
 */
import { isolationWhy, pageFacts } from './isolation';
import { isServesReply, type ServesQuery } from './policy';

const SCRIPT = 'sw.js';
/** How long the page waits for the service worker to say whether it serves this build (ms). */
const ASK_TIMEOUT_MS = 5000;
/** sessionStorage key: the code URL a reload was already tried for (at most one per build). */
const RELOADED_KEY = 'autoencoder-lab/reloaded-for';
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
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    void reloadIfOutdated().then((reloading) => reloading || reloadForIsolation(mayReload));
  });
  const register = () => {
    navigator.serviceWorker.register(new URL(SCRIPT, document.baseURI)).catch((e: unknown) => {
      // Without a service worker the lab still works online; only offline use is lost.
      console.warn('The lab will not work offline: the service worker did not register.', e);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/**
 * A new service worker took over (a new deploy, or the first install claiming this page).
 * If it does not serve the code running in this page, that code belongs to an older build
 * whose files it has just deleted: reload onto the new build before the page needs one of
 * them (a worker restart, a lazy chunk). At most one reload per build and tab session, so
 * a host that serves an old index.html with a new sw.js cannot cause a reload loop.
 */
async function reloadIfOutdated(): Promise<boolean> {
  const controller = navigator.serviceWorker.controller;
  if (!controller) return false;
  // In the bundle, import.meta.url is the URL of the hashed chunk that holds this module.
  const code = import.meta.url;
  if ((await askServes(controller, code)) !== false) return false;
  try {
    if (sessionStorage.getItem(RELOADED_KEY) === code) return false;
    sessionStorage.setItem(RELOADED_KEY, code);
  } catch {
    // No session storage (a privacy mode): without the guard a reload could loop, so stay.
    return false;
  }
  location.reload();
  return true;
}

/**
 * The service worker now controls a page it did not serve: reload once onto a response with
 * the isolation headers, if that can make this page isolated and nothing is interrupted.
 */
function reloadForIsolation(mayReload: () => boolean): boolean {
  const facts = pageFacts();
  if (isolationWhy(facts) === undefined || facts.inFrame || !mayReload()) return false;
  try {
    // A browser that stays unisolated with the headers must not reload again and again.
    if (sessionStorage.getItem(ISOLATION_RELOAD_KEY) !== null) return false;
    sessionStorage.setItem(ISOLATION_RELOAD_KEY, String(Date.now()));
  } catch {
    return false;
  }
  location.reload();
  return true;
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
