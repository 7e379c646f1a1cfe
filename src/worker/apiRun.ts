/**
 * A run flows one way (issue 10, decision 4). The page asks for a run (configure, reset, import
 * of a model file, restore of a saved model, the configure of a restarted worker) with a
 * RunRequest: a fresh id from the page's counter and the cause. The worker starts the run,
 * announces it with a RunEvent (the id, the cause, the config it built, the model's counters),
 * and stamps every later event of that run with its id. The page shows only the events of the
 * run it asked for last and drops the others: a late progress point of a superseded run, the
 * PCA fit of the configuration before, a full test that finished after a reset.
 *
 * A request whose id is older than the worker's current run is stale (the page has asked for a
 * newer one since) and is skipped. A change of live settings (learning rate, penalties) will be
 * an event of the same run, `{ type: 'settings', runId, step, changed }`, not a new run.
 *
 * Events of the worker itself (backend, errors, the test sample) and of the lessons' own
 * experiments (pretraining, text retrieval) carry no run id: api.ts WorkerEvent.
 */
import type { LabConfig } from '../core/config';
import type { Message } from '../core/messages';

/** Why a run began. */
export type RunCause = 'configure' | 'reset' | 'import' | 'restore' | 'restart';

/** What the page sends with configure, reset and importModel: the run it will show. */
export interface RunRequest {
  /** From the page's counter (store.beginRun): larger than every id asked for before. */
  runId: number;
  cause: RunCause;
}

/**
 * The first event of every run. For configure, reset and restart the model is fresh (step 0);
 * for import and restore it carries the loaded model's counters. A refused import also starts
 * the requested run (with the model that stayed), so the page and the worker agree on the id.
 */
export interface RunEvent {
  type: 'run';
  runId: number;
  cause: RunCause;
  /** The configuration the worker built (validated where it entered). */
  config: LabConfig;
  step: number;
  epoch: number;
  samplesSeen: number;
}

/** Training run state as the page shows it. */
export type RunState = 'idle' | 'running' | 'paused' | 'diverged';

export interface ProgressEvent {
  type: 'progress';
  runId: number;
  step: number;
  /** Fractional epochs over the current training subset. */
  epoch: number;
  samplesSeen: number;
  /** Training throughput over the last second or so. */
  samplesPerSec: number;
  /** Mean loss per pixel (bce or mse, as configured) over the recent training batches. */
  trainLoss: number;
  /** Loss per pixel on the fixed 1,000-image live test subset (present when measured this tick). */
  testLoss?: number;
  /** Squared error per image: sum over 784 pixels of (x - x̂)², mean over the live test subset. */
  testSquaredError?: number;
  /** Wall-clock ms since training started for this configuration (paused time excluded). */
  elapsedMs: number;
}

export interface StatusEvent {
  type: 'status';
  runId: number;
  state: RunState;
  /** For 'diverged': what happened and what to try (codes 'diverged.*', core/train/divergence.ts). */
  reason?: Message;
}

/** The PCA baseline at the run's code size, fitted on the run's training subset. */
export interface PcaBaselineEvent {
  type: 'pcaBaseline';
  runId: number;
  codeSize: number;
  /** Squared error per image on the live test subset (same unit as testSquaredError). */
  testSquaredError: number;
  testLoss: number;
}

/** The test metrics on all 10,000 test digits, measured when training pauses (or after step()). */
export interface FullTestEvent {
  type: 'fullTest';
  runId: number;
  step: number;
  /** Loss per pixel (bce or mse, as configured) over all `count` test digits. */
  testLoss: number;
  /** Squared error per image, mean over all `count` test digits. */
  testSquaredError: number;
  count: number;
}
