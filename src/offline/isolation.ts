/**
 * Cross-origin isolation as the page sees it, for wasm's threads (worker/wasmThreads.ts).
 *
 * A page is isolated when its own response carries COOP same-origin and COEP require-corp: the
 * dev and preview servers send them (vite.config.ts), and on a static host that sends none the
 * lab's service worker adds them (sw.ts) from the first load it controls; a page opened before
 * that reloads once (registerServiceWorker.ts). A page inside a frame is isolated only if the
 * embedding page is isolated too and lets the frame be (`allow="cross-origin-isolated"` for
 * another origin); otherwise the lab runs on one thread and says why.
 */
import type { IsolationWhy, ThreadRequest } from '../worker/backendReport';

/** What the page knows about itself. */
export interface PageFacts {
  isolated: boolean;
  inFrame: boolean;
  /** The browser has service workers and this is a production build (which registers sw.js). */
  serviceWorkerExpected: boolean;
  /** A service worker controls this page (then its response carried the headers). */
  controlled: boolean;
}

/** Why the page is not isolated, or undefined when it is. */
export function isolationWhy(facts: PageFacts): IsolationWhy | undefined {
  if (facts.isolated) return undefined;
  if (facts.inFrame) return 'frame';
  if (facts.serviceWorkerExpected && !facts.controlled) return 'firstVisit';
  return 'noHeaders';
}

/** `?threads=N` (a whole number >= 1), or undefined. */
export function threadsFromSearch(search: string): number | undefined {
  const value = new URLSearchParams(search).get('threads');
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

function inFrame(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    // A cross-origin parent cannot be compared with: a frame.
    return true;
  }
}

/** The facts of this page now. */
export function pageFacts(): PageFacts {
  const serviceWorker = typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
  return {
    isolated: globalThis.crossOriginIsolated === true,
    inFrame: inFrame(),
    serviceWorkerExpected: serviceWorker && import.meta.env.PROD,
    controlled: serviceWorker && navigator.serviceWorker.controller !== null,
  };
}

/** What the page tells the lab worker about threads (InitOptions.threads). */
export function pageThreadRequest(search: string = location.search): ThreadRequest {
  return { requested: threadsFromSearch(search), notIsolated: isolationWhy(pageFacts()) };
}
