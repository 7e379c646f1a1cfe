/**
 * Nothing lost, the page's side: while training, the model is exported from the worker and
 * saved with the loss history (modelPersistence.ts) at most every few seconds and on each pause;
 * when a configuration is built, its saved model is loaded back before the first step, as a run
 * of its own (cause 'restore', worker/apiRun.ts). A save belongs to the run it was taken in: a
 * snapshot that comes back after the page began another run is not stored.
 * Snapshots cross the worker boundary as transferred Float32Arrays only.
 */
import * as Comlink from 'comlink';
import type { LabConfig } from '../core/config';
import { checkSnapshot, type ModelSnapshot } from '../core/train/snapshot';
import { message } from '../core/messages';
import type { ImportResult, ProgressEvent, RunRequest } from '../worker/api';
import { WorkerRestartedError, type LabClient } from '../worker/client';
import { snapshotBuffers } from '../core/train/snapshotTransfer';
import { isQuotaError, loadRun, saveRun } from './modelPersistence';
import { useLab, type LossPoint } from './store';

const store = () => useLab.getState();

/** While training, the model is saved at most this often (ms); also on every pause and step. */
const SAVE_INTERVAL_MS = 5000;
let saveTimer: ReturnType<typeof setInterval> | undefined;
let saving = false;
/** The quota notice is shown once per page. */
let quotaReported = false;

/** Exports the model from the worker and saves it with the history; never throws. */
export async function saveModel(client: LabClient | undefined): Promise<void> {
  const s = store();
  const step = s.progress?.step ?? 0;
  const runId = s.run.id;
  if (saving || !client || step === 0 || s.runState === 'diverged' || s.savedModel?.step === step) return;
  saving = true;
  try {
    // Timed from the export to the stored record: the sparse lesson's 1000-unit code with Adam's
    // slots is ~19 MB (784 x 1000 x 2 weights, three times over).
    const t0 = performance.now();
    const snapshot = await client.call((api) => api.exportModel());
    // The page began another run while the export ran (a new configuration, a reset): this
    // snapshot is of the run before, which must not come back under the new one's key.
    if (store().run.id !== runId) return;
    const record = await saveRun(snapshot, store().history);
    store().setSavedModel({ step: record.step, savedAt: record.savedAt, ms: performance.now() - t0 });
  } catch (e) {
    if (isQuotaError(e)) {
      if (!quotaReported) {
        quotaReported = true;
        store().addError({ type: 'error', kind: 'internal', message: message('storage.full', {}), hint: message('hint.storageFull', {}) });
      }
    } else if (!(e instanceof WorkerRestartedError)) {
      console.warn('lab: the model could not be saved', e);
    }
  } finally {
    saving = false;
  }
}

/** Saves every SAVE_INTERVAL_MS while running and once when training pauses. */
export function watchRunForSaving(client: () => LabClient | undefined): void {
  useLab.subscribe((s, prev) => {
    if (s.runState === prev.runState) return;
    if (s.runState === 'running') {
      saveTimer ??= setInterval(() => void saveModel(client()), SAVE_INTERVAL_MS);
      return;
    }
    clearInterval(saveTimer);
    saveTimer = undefined;
    if (s.runState === 'paused' && prev.runState === 'running') void saveModel(client());
  });
}

/** Resolves once the event channel has delivered status `state` (events and replies travel apart). */
function statusArrived(state: string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    if (store().runState === state) return resolve();
    const timer = setTimeout(() => {
      stop();
      resolve();
    }, timeoutMs);
    const stop = useLab.subscribe((s) => {
      if (s.runState !== state) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

/**
 * Loads a snapshot into the worker as run `run` (begun in the store by the caller), its buffers
 * transferred (the caller's copy is emptied).
 */
export async function importIntoWorker(c: LabClient, snapshot: ModelSnapshot, run: RunRequest): Promise<ImportResult> {
  const result = await c.call<ImportResult>((api) => api.importModel(Comlink.transfer(snapshot, snapshotBuffers(snapshot)), run) as Promise<ImportResult>);
  if (result.ok) await statusArrived('paused');
  return result;
}

/**
 * The saved model of `config`, if one fits, with its loss history; before the first step. It
 * follows run `afterRunId` (the configure that built `config`) and is skipped if the page has
 * asked for another run since.
 */
export async function restoreSaved(c: LabClient, config: LabConfig, afterRunId: number): Promise<void> {
  let record;
  try {
    record = await loadRun(config);
  } catch (e) {
    console.warn('lab: saved models could not be read', e);
    return;
  }
  if (!record || !checkSnapshot(record.snapshot, config).ok || store().run.id !== afterRunId) return;
  const run = store().beginRun('restore');
  const result = await importIntoWorker(c, record.snapshot, run);
  if (!result.ok || store().run.id !== run.runId) return;
  const last = record.history.at(-1);
  useLab.setState({
    history: record.history,
    progress: progressAt(result, run.runId, last),
    savedModel: { step: record.step, savedAt: record.savedAt },
    restoredModel: { step: result.step, from: 'storage' },
  });
}

/** The progress the metrics show for a model loaded as run `runId` (no training has happened in this page). */
export function progressAt(r: Extract<ImportResult, { ok: true }>, runId: number, last?: LossPoint): ProgressEvent {
  return {
    type: 'progress',
    runId,
    step: r.step,
    epoch: r.epoch,
    samplesSeen: r.samplesSeen,
    samplesPerSec: 0,
    trainLoss: last?.trainLoss ?? Number.NaN,
    testLoss: last?.testLoss,
    testSquaredError: last?.testSquaredError,
    elapsedMs: 0,
  };
}

/** What importing a model file answered: loaded (with notes), or refused with what differs. */
export type ModelFileResult = { ok: true; step: number; warnings: string[] } | { ok: false; problems: string[] };
