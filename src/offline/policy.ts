/**
 * The rules the service worker (sw.ts) and its registration (registerServiceWorker.ts) share:
 * which requests are the lab's page, how a precache entry is fetched, and the one message the
 * page sends the service worker. Pure functions of URLs, so they are tested in Node.
 */

/** The query parameter Workbox adds to the cache key of a precache entry that has a revision. */
export const REVISION_PARAM = '__WB_REVISION__';

/** A navigation waits this long for the network before the precached page is served (ms). */
export const NAVIGATION_TIMEOUT_MS = 4000;

/**
 * The URL the server knows for a precache cache key: the key without Workbox's revision
 * parameter (the server ignores it, but the browser's HTTP cache keys on it).
 */
export function withoutRevision(cacheKey: string): string {
  const url = new URL(cacheKey);
  url.searchParams.delete(REVISION_PARAM);
  return url.href;
}

/**
 * True when `url` is the lab's own page: the service worker's scope itself or scope +
 * 'index.html', with any query (`?backend=wasm`) and hash (the lesson link). Other pages
 * under the scope are not the app shell and are left to the network.
 */
export function isAppShell(url: string, scope: string): boolean {
  const { origin, pathname } = new URL(url);
  const root = new URL(scope);
  return origin === root.origin && (pathname === root.pathname || pathname === `${root.pathname}index.html`);
}

/** Page -> service worker, on a MessageChannel: "is `url` part of the build you serve?" */
export interface ServesQuery {
  type: 'autoencoder-lab/serves';
  url: string;
}

/** Service worker -> page: the answer to a ServesQuery. */
export interface ServesReply {
  type: 'autoencoder-lab/serves-reply';
  serves: boolean;
}

export function isServesQuery(data: unknown): data is ServesQuery {
  const d = data as Partial<ServesQuery> | null;
  return typeof d === 'object' && d !== null && d.type === 'autoencoder-lab/serves' && typeof d.url === 'string';
}

export function isServesReply(data: unknown): data is ServesReply {
  const d = data as Partial<ServesReply> | null;
  return typeof d === 'object' && d !== null && d.type === 'autoencoder-lab/serves-reply' && typeof d.serves === 'boolean';
}

/**
 * Response headers that make the lab's page cross-origin isolated (`crossOriginIsolated`, so
 * SharedArrayBuffer and tfjs-wasm's threads): sent by `npm start` and `npm run preview`
 * (vite.config.ts) and added by the service worker where a static host sends none. COEP is
 * `require-corp`, the value every isolating browser knows (Safari has no `credentialless`); the
 * lab loads nothing from other origins. CORP `cross-origin` lets a page of another origin that is
 * itself isolated embed the lab in a frame.
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};
