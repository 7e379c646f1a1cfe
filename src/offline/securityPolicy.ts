/**
 * The lab's Content-Security-Policy (issue 11): everything from the lab's own origin, nothing
 * else, and only what the lab really needs beyond that:
 * - `'wasm-unsafe-eval'`: compiling the tfjs .wasm files (WebAssembly.instantiate); no JS eval;
 * - `script-src blob:`: tfjs-wasm's threads: each pthread worker (itself a blob: worker, which
 *   inherits this policy) runs `importScripts` on a blob: of the Emscripten factory's text; without
 *   it every thread fails to load and the wasm backend never starts (blob: URLs are made only by
 *   the page's own scripts);
 * - `worker-src 'self' blob:`: the lab's Web Workers and service worker are files of the build;
 *   blob: for tfjs-wasm's threads, whose helper workers a threaded build may start from a blob;
 * - `connect-src 'self' blob:`: the data files, the .wasm files (fetched as blobs too);
 * - `img-src data: blob:`: canvases and digit images the page makes itself;
 * - `style-src 'unsafe-inline'`: KaTeX sets inline `style` attributes in the lessons' formulas
 *   (markdown-it's output, rendered as HTML); scripts stay strict.
 * Sent as a header by `npm run preview` and the e2e server (vite.config.ts), written as the
 * sample files for static hosts (public/_headers, vercel.json, deploy/nginx.conf: checked
 * against this file by securityPolicy.test.ts), and as much of it as a meta tag can carry in
 * the built index.html (no frame-ancestors there: browsers ignore it in a meta tag).
 */

/** The directives, in the order they are written. */
export const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval' blob:"],
  ['worker-src', "'self' blob:"],
  ['connect-src', "'self' blob:"],
  ['img-src', "'self' data: blob:"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['font-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'none'"],
  // Any page may frame the lab: course pages and slide decks embed lessons (an iframe).
  ['frame-ancestors', '*'],
];

/** Directives a <meta http-equiv> policy cannot carry (browsers ignore them there). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

const policy = (directives: readonly (readonly [string, string])[]) => directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** The policy as a response header sends it. */
export const CSP_HEADER_VALUE = policy(CSP_DIRECTIVES);

/** The policy as the built index.html's meta tag carries it. */
export const CSP_META_VALUE = policy(CSP_DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));

/** Every header the lab asks a host to send with its files (besides wasm threads' isolation headers). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER_VALUE,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
