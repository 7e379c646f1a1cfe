/**
 * What the backend report says about each candidate and about wasm's threads, as codes with
 * parameters: the worker decides, the page words them in the reader's language (the
 * `backendWhy` strings, components/BackendBadge.tsx). Types only: the page imports them with
 * `import type`.
 */
import type { BackendName } from './api';

/**
 * Why a candidate backend has its status. Free text appears only where it comes from outside
 * the lab (a browser's or tfjs's error message, the self-check's finding) as `error`/`detail`.
 */
export type CandidateReason =
  | { code: 'notTried' }
  /** Crashed or lost its device earlier in this session (the page restarted the worker). */
  | { code: 'crashedEarlier' }
  /** `?backend=X` asks for X only. */
  | { code: 'forcedOther'; forced: BackendName }
  /** Chosen by `?backend=`, after its self-check passed. */
  | { code: 'forcedChecked' }
  | { code: 'noWebGpu' }
  | { code: 'noAdapter'; error?: string }
  | { code: 'noOffscreenCanvas' }
  | { code: 'noWebGl' }
  /** tf.setBackend failed; `error` when tfjs or the browser gave one. */
  | { code: 'initFailed'; error?: string }
  | { code: 'selfCheckFailed'; detail: string; maxError?: number }
  /** The probe worker gave no answer by its deadline. */
  | { code: 'probeLate'; seconds: number }
  | { code: 'probeCrashed'; error: string }
  | { code: 'trainingFailed'; error: string }
  /** Passed the self-check and the micro-benchmark (before the choice is made). */
  | { code: 'checked' }
  | { code: 'fastest'; samplesPerSec: number }
  | { code: 'onlyPassed'; samplesPerSec: number }
  | { code: 'slower'; samplesPerSec: number; chosen: BackendName; chosenSamplesPerSec: number }
  /** Passed in its probe worker but would not start in the lab worker. */
  | { code: 'didNotStart' }
  | { code: 'notNeeded'; chosen: BackendName }
  | { code: 'lastResort' };

/** A model kind moved the lab off the chosen backend, or onto this one (worker/kindBackend.ts). */
export type ForModelNote = { code: 'inUse' } | { code: 'cannotTrain'; detail: string };

/**
 * Why the page is not cross-origin isolated, as the page can tell (offline/isolation.ts):
 * - 'frame': it runs inside a frame (an embedding page that is not isolated itself, or does not
 *   give the frame `allow="cross-origin-isolated"`);
 * - 'firstVisit': the host sends no isolation headers and the service worker that adds them
 *   does not control this page yet (it does from the next load);
 * - 'noHeaders': served without the headers and nothing adds them (or the browser ignored them).
 */
export type IsolationWhy = 'frame' | 'firstVisit' | 'noHeaders';

/** What the page tells the worker at start-up about threads. */
export interface ThreadRequest {
  /** `?threads=N`: at most N threads; 1 runs tfjs-wasm's single-threaded build. */
  requested?: number;
  /** Undefined when the page is cross-origin isolated. */
  notIsolated?: IsolationWhy;
}

/**
 * Why wasm computes on one thread:
 * 'asked' (`?threads=1`), 'oneCore' (the browser reports one core), the page's IsolationWhy,
 * 'noSharedMemory' (isolated, but no SharedArrayBuffer), 'noWasmThreads' (WebAssembly threads
 * unsupported), 'noSimd' (tfjs ships threads only with SIMD), 'failed' (the threaded build did
 * not start or failed its self-check; `error` says how; the single-threaded build took over).
 */
export type ThreadsWhy = 'asked' | 'oneCore' | IsolationWhy | 'noSharedMemory' | 'noWasmThreads' | 'noSimd' | 'failed';

/** wasm's threads, as measured after it started. */
export interface ThreadsReport {
  /** Threads tfjs-wasm computes with (1: the single-threaded build). */
  count: number;
  /** Logical cores the browser reports (navigator.hardwareConcurrency). */
  cores: number;
  /** Why one thread, when count is 1. */
  why?: ThreadsWhy;
  /** The error of a threaded start that failed (why = 'failed'). */
  error?: string;
}
