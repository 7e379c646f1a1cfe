/**
 * What the backend report says about each candidate and about wasm's threads, as codes with
 * parameters: the worker decides, the page words them in the reader's language (the
 * `backendWhy` strings, components/backendWords.ts). The page imports only the types.
 */
import type { BackendName } from './backendNames';

/**
 * The parameters of each reason a candidate backend has its status: numbers and names, never
 * sentences. Like the page's messages (issue 10), a reason crosses as `{ code, params }`, with
 * text from outside the lab (a browser's or tfjs's error, the self-check's finding) as `detail`.
 */
interface CandidateReasonParams {
  notTried: Record<string, never>;
  /** Crashed or lost its device earlier in this session (the page restarted the worker). */
  crashedEarlier: Record<string, never>;
  /** `?backend=X` asks for X only. */
  forcedOther: { forced: BackendName };
  /** Chosen by `?backend=`, after its self-check passed. */
  forcedChecked: Record<string, never>;
  noWebGpu: Record<string, never>;
  noAdapter: Record<string, never>;
  noOffscreenCanvas: Record<string, never>;
  noWebGl: Record<string, never>;
  /** tf.setBackend failed (detail: tfjs's or the browser's error, when one was given). */
  initFailed: Record<string, never>;
  /** detail: what differed. */
  selfCheckFailed: Record<string, never>;
  /** The probe worker gave no answer by its deadline. */
  probeLate: { seconds: number };
  probeCrashed: Record<string, never>;
  trainingFailed: Record<string, never>;
  /** Passed the self-check and the micro-benchmark (before the choice is made). */
  checked: Record<string, never>;
  fastest: { samplesPerSec: number };
  onlyPassed: { samplesPerSec: number };
  slower: { samplesPerSec: number; chosen: BackendName; chosenSamplesPerSec: number };
  /** Passed in its probe worker but would not start in the lab worker. */
  didNotStart: Record<string, never>;
  notNeeded: { chosen: BackendName };
  lastResort: Record<string, never>;
}

export type CandidateReasonCode = keyof CandidateReasonParams;

/** Why a candidate backend has its status, worded on the page (`backendWhy.reason.<code>`). */
export type CandidateReason = {
  [C in CandidateReasonCode]: { code: C; params: CandidateReasonParams[C]; detail?: string };
}[CandidateReasonCode];

/** A reason with its parameters (and the outside words that come with it, if any). */
export function reason<C extends CandidateReasonCode>(code: C, params: CandidateReasonParams[C], detail?: string): CandidateReason {
  return (detail === undefined ? { code, params } : { code, params, detail }) as CandidateReason;
}

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
 * not start or failed its self-check; `error` says how; the single-threaded build took over),
 * 'slower' (both were measured at start-up and one thread trained faster: a busy machine, whose
 * other programs the threads wait for; `measured` has both speeds).
 */
export type ThreadsWhy = 'asked' | 'oneCore' | IsolationWhy | 'noSharedMemory' | 'noWasmThreads' | 'noSimd' | 'failed' | 'slower';

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
  /** Both builds measured at start-up (samples per second): on `threads` threads, and on one. */
  measured?: { threads: number; threaded: number; single: number };
}
