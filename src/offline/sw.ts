/**
 * The lab's service worker: after one visit the lab opens and trains without a network.
 *
 * Built by vite-plugin-pwa (injectManifest) into sw.js next to index.html; the plugin replaces
 * `self.__WB_MANIFEST` with every file of the build (index.html, hashed JS/CSS, the tfjs
 * .wasm files, public/data/*.idx.gz), each with a revision (a hash of its bytes) unless its
 * name is already hashed (assets/). Why Workbox's precache and not a hand-written one: it
 * versions every entry by content, downloads only what changed on a new deploy, installs
 * all-or-nothing and deletes the entries of the previous deploy on activate, the
 * well-trodden parts where a hand-written worker goes wrong.
 *
 * Requests:
 * - the lab's page (navigations to the scope or index.html): network first, so a new deploy
 *   is seen at once; with no answer in NAVIGATION_TIMEOUT_MS or no network, the precached
 *   index.html, which matches the precached assets of this same service worker;
 * - everything precached (assets, wasm, data, also when fetched by the lab's Web Worker):
 *   cache first;
 * - anything else: not handled, the browser goes to the network.
 *
 * A new deploy: the new worker installs (fetching what changed), skips waiting, deletes the
 * old entries and claims every open page; registerServiceWorker.ts reloads a page whose code
 * is not part of the new build, so no tab keeps running code whose files are gone.
 *
 * Threads: every response it serves carries the isolation headers (policy.ts ISOLATION_HEADERS:
 * COOP same-origin, COEP require-corp), so on a static host that cannot send them the page it
 * serves is cross-origin isolated and tfjs-wasm runs threaded. The page that installed it was
 * not served by it; registerServiceWorker.ts reloads that page once.
 */
import { clientsClaim, setCacheNameDetails } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, getCacheKeyForURL, matchPrecache, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import type { RouteHandlerCallbackOptions } from 'workbox-core/types';
import { isAppShell, isServesQuery, ISOLATION_HEADERS, NAVIGATION_TIMEOUT_MS, withoutRevision, type ServesReply } from './policy';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

// Cache names carry the scope, so two copies of the lab on one host (different sub-paths) keep apart.
setCacheNameDetails({ prefix: 'autoencoder-lab' });

self.addEventListener('install', () => {
  void self.skipWaiting();
});
clientsClaim();

/**
 * `response` with the isolation headers. An opaque response (status 0) cannot be rebuilt and
 * is never the lab's own: it passes as it is.
 */
function withIsolation(response: Response): Response {
  if (response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Workbox fetches a revisioned entry with `cache: 'reload'` at its cache key (URL plus
 * `__WB_REVISION__`), i.e. a full download even when the page fetched the same file a moment
 * ago: on the first visit the 11 MB of MNIST would cross the network twice. Fetching the
 * plain URL with `cache: 'no-cache'` revalidates the browser's copy with the server instead
 * (a 304 without a body when it is current), so it is as fresh and the data crosses once.
 * Only at install: a cache miss later (storage evicted) is Workbox's ordinary network fetch.
 */
addPlugins([
  {
    requestWillFetch: async ({ request, event }) =>
      event?.type === 'install'
        ? new Request(withoutRevision(request.url), { cache: 'no-cache', credentials: 'same-origin' })
        : request,
    // Every precached file as served to the page: the worker scripts need COEP as much as the page.
    handlerWillRespond: async ({ response }) => withIsolation(response),
  },
]);

async function appShell({ request }: RouteHandlerCallbackOptions): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer from the network')), NAVIGATION_TIMEOUT_MS);
  });
  try {
    return withIsolation(await Promise.race([fetch(request), timeout]));
  } catch {
    const cached = await matchPrecache('index.html');
    return cached ? withIsolation(cached) : Response.error();
  } finally {
    clearTimeout(timer);
  }
}

// Registered before the precache route: the first route that matches a request handles it.
registerRoute(({ request, url }) => request.mode === 'navigate' && isAppShell(url.href, self.registration.scope), appShell);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

self.addEventListener('message', (event) => {
  const port = event.ports[0];
  if (!port || !isServesQuery(event.data)) return;
  const reply: ServesReply = { type: 'autoencoder-lab/serves-reply', serves: getCacheKeyForURL(event.data.url) !== undefined };
  port.postMessage(reply);
});
