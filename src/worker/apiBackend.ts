/**
 * Starting the lab worker and what it tells the page about itself: the init options and
 * result, the backend selection's report, and error events. api.ts re-exports it.
 */
import type { Message } from '../core/messages';
import type { BackendName } from './backendNames';
import type { CandidateReason, ForModelNote, ThreadRequest, ThreadsReport } from './backendReport';

export type { BackendName } from './backendNames';
export { BACKEND_ORDER } from './backendNames';
export type { CandidateReason, ForModelNote, IsolationWhy, ThreadRequest, ThreadsReport, ThreadsWhy } from './backendReport';

/** What happened to one candidate backend during selection. */
export interface BackendCandidate {
  name: BackendName;
  /**
   * 'chosen': in use. 'passed': checked fine but slower (or not needed).
   * 'failed': absent, failed to initialise, or failed the numerical self-check.
   * 'skipped': not tried (another backend was forced or already chosen).
   */
  status: 'chosen' | 'passed' | 'failed' | 'skipped';
  /** Why it has that status, as a code the page words (backendReport.ts). */
  reason: CandidateReason;
  /** A GPU backend on a software adapter or renderer (SwiftShader, llvmpipe): it computes on the CPU. */
  software?: boolean;
  /** wasm: how many threads it computes with and, when one, why. */
  threads?: ThreadsReport;
  /** The model kind in use moved the lab off this backend, or onto it (worker/kindBackend.ts). */
  forModel?: ForModelNote;
  /** Micro-benchmark result, training samples per second of the current model, if measured. */
  samplesPerSec?: number;
  /** Largest absolute difference from the cpu reference in the self-check, if run. */
  selfCheckError?: number;
  /** For webgpu: adapter info such as "swiftshader", if known. */
  adapter?: string;
}

export interface BackendReport {
  chosen: BackendName;
  forced: boolean;
  candidates: BackendCandidate[];
}

export interface InitOptions {
  /** URL of the folder that holds the *.idx.gz files (ends with '/'). */
  dataUrl: string;
  /** `?backend=` from the page URL: use only this backend (still self-checked). */
  forcedBackend?: BackendName;
  /** Backends the worker must not try (e.g. after one crashed or lost its device). */
  excludeBackends?: BackendName[];
  /** What the page allows wasm's threads: cross-origin isolation, `?threads=` (offline/isolation.ts). */
  threads?: ThreadRequest;
  /** The lab's fused kernels where the backend has them (core/kernels/); `?fused=0` turns them off. Default on. */
  fusedKernels?: boolean;
  /** Number of test digits drawn on the latent scatter (the first N of the test set). */
  scatterSize: number;
}

export interface InitResult {
  backend: BackendReport;
  trainCount: number; // 60000
  testCount: number; // 10000
}

/** Something the page must say: a code it words in the reader's language (core/messages.ts). */
export interface ErrorEvent {
  type: 'error';
  /** 'data': a data file is missing or corrupt. 'backend': no usable backend / device lost. */
  kind: 'data' | 'backend' | 'internal';
  message: Message;
  /** What the reader can do, e.g. code 'hint.prepareData'. */
  hint?: Message;
  /**
   * For 'backend': set when the backend in use broke (e.g. the WebGPU device was lost). The
   * page must restart the worker without it; selection problems during init leave it unset.
   */
  lostBackend?: BackendName;
}

export interface BackendEvent {
  type: 'backend';
  report: BackendReport;
}
