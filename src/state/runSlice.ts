/**
 * The run the page shows (issue 10, decision 4; worker/apiRun.ts tells the protocol). The page
 * begins a run when it asks the worker for one: it takes the new config at once, empties what
 * the page showed of the run before, and keeps from then on only the events stamped with the new
 * run's id (labEvents.ts drops the others). The worker's 'run' event announces the run.
 * The slice's types live here; store.ts builds it (with EMPTY_RUN: what a new run empties).
 */
import type { LabConfig } from '../core/config';
import type { Message } from '../core/messages';
import type { PcaBaselineEvent, ProgressEvent, RunCause, RunEvent, RunRequest, RunState } from '../worker/api';

/** One point of the loss chart. */
export interface LossPoint {
  step: number;
  epoch: number;
  trainLoss: number;
  testLoss?: number;
  testSquaredError?: number;
}

/** The run the page shows. */
export interface RunInfo {
  /** Its id: events of any other run are dropped. 0 before the first run. */
  id: number;
  cause: RunCause;
  /** The worker's announcement of the run (its config and the model's counters) has arrived. */
  announced?: RunEvent;
}

export interface RunSlice {
  run: RunInfo;
  runState: RunState;
  /** Why training stopped by itself (a divergence: codes 'diverged.*'), worded by the page. */
  runReason?: Message;
  progress?: ProgressEvent;
  history: LossPoint[];
  pcaBaseline?: PcaBaselineEvent;
  /**
   * Begins the run the page is about to ask the worker for (configure, reset, import, restore,
   * restart): takes `config` at once if given, empties the run's views and history, and returns
   * the request to send with the call.
   */
  beginRun: (cause: RunCause, config?: LabConfig) => RunRequest;
  /** The worker announced the run the page shows. */
  announceRun: (e: RunEvent) => void;
  setRunState: (state: RunState, reason?: Message) => void;
  addProgress: (p: ProgressEvent) => void;
  setPcaBaseline: (p: PcaBaselineEvent) => void;
}

/** Loss chart points kept; older points are thinned (every other one) beyond this. */
export const MAX_HISTORY = 2000;

/** Keeps a growing series below MAX_HISTORY points by dropping every other one (the last stays). */
export function thinned<T>(series: T[]): T[] {
  return series.length > MAX_HISTORY ? series.filter((_, i) => i % 2 === 0 || i === series.length - 1) : series;
}
