/**
 * The page's actions on the lab, callable outside React (components, tests, a teacher's
 * console): `lab.boot()`, `lab.toggle()`, `lab.decodeMapPoint(x, y)` ...
 *
 * This file starts the lab (the LabClient of worker/client.ts, its events routed into the store
 * by labEvents.ts) and holds the actions that start runs: configure, reset, the model file's
 * import (worker/apiRun.ts). Each begins its run in the store first (store.beginRun: the new
 * config at once, the old run's events dropped from then on), then asks the worker; a change of
 * live settings only goes on in the run (liveSettings.ts). The code
 * space's actions live in latentActions.ts, the lessons' panels' in lessonActions.ts; `lab`
 * gathers them all. No tfjs here: only types cross from the worker side.
 */
import { DEFAULT_CONFIG, type LabConfig } from '../core/config';
import { costProblem, MEMORY_BUDGETS } from '../core/cost/costEstimate';
import { message } from '../core/messages';
import { checkSnapshot, SnapshotError, type ModelSnapshot } from '../core/train/snapshot';
import { decodeSnapshot, encodeSnapshot } from '../core/train/snapshotFile';
import type { RunRequest } from '../worker/api';
import { backendFromSearch, LabClient, scatterSizeFromSearch, WorkerNotLoadedError, WorkerRestartedError } from '../worker/client';
import type { FailureKind } from '../worker/recovery';
import { findLesson } from '../lessons';
import { lessonConfig } from '../lessons/preset';
import { act, connect, currentClient, disconnect, errorText, ready, report, started } from './labConnection';
import { routeEvent } from './labEvents';
import { latentActions } from './latentActions';
import { mathActions } from './mathActions';
import { lessonActions, resumeWatches } from './lessonActions';
import { applyLive, configChange, noticeRebuilt } from './liveSettings';
import { checkStorage, importIntoWorker, progressAt, restoreSaved, saveModel, watchRunForSaving, type ModelFileResult } from './modelSaving';
import { forgetRun } from './savedModels';
import { speedOptionsOfPage } from './speedOptions';
import { useLab } from './store';
import { bootSwitches, installTestHooks, TEST_HOOKS } from './testHooks';

export { act, ready } from './labConnection';
export { priorGrid } from './latentActions';
export { EMBEDDING_DIGITS, SEARCH_NEIGHBOURS } from './lessonActions';

/** Test digits drawn on the latent scatter (the first N of the test set; `?scatter=N` sets another N, worker/client.ts). */
export const SCATTER_SIZE = 5000;

const store = () => useLab.getState();
/** step(n) takes at most this many steps a call (worker/lab.worker.ts holds the same bound). */
const MAX_STEPS_PER_CALL = 10_000;

/** The open lesson's own settings (the free lab's defaults): what the lab falls back to. */
function presetConfig(): LabConfig {
  const lesson = findLesson(store().lessonId);
  return lesson ? lessonConfig(lesson) : structuredClone(DEFAULT_CONFIG);
}

function createClient(): LabClient {
  return new LabClient({
    onEvent: routeEvent,
    restartRun: (kind: FailureKind) => {
      // Out of memory: the same settings would abort again; the lesson's own fit (the cost guard checked them).
      const config = kind === 'outOfMemory' ? presetConfig() : store().config;
      return { config, run: store().beginRun('restart', config) };
    },
    onRestart: ({ reason }) => {
      store().setBooting(true);
      store().setRunState('idle');
      report('backend', reason, message('hint.settingsKept', {}));
    },
    onRestarted: async (_result, run) => {
      store().setBooting(false);
      const c = currentClient();
      // The text models lived in the old worker: the panel loads them again when shown.
      store().setText({ status: 'idle', running: false, measure: undefined, progress: undefined });
      if (!c) return;
      // The model comes back from its last save, with its step and its curve.
      if (run) await restoreSaved(c, store().config, run.runId).catch(() => undefined);
      // A new worker measures nothing until asked again.
      await resumeWatches(c).catch(() => undefined);
    },
    onRestartFailed: (reason, action) => {
      store().setBooting(false);
      store().addError({ type: 'error', kind: 'backend', message: reason, hint: message(action === 'reload' ? 'hint.reload' : 'hint.retry', {}), action });
    },
  });
}

/**
 * The boot's configure: the linked settings, or, when they cannot start the lab (refused, too
 * large, no backend for their kind), the lesson's own settings, saying so. No link breaks a reload.
 */
async function bootConfigure(c: LabClient): Promise<void> {
  const config = store().config;
  try {
    await configureAndRestore(c, config, store().beginRun('configure', config));
  } catch (e) {
    // A restart in progress configures the worker itself; the settings were not at fault.
    if (e instanceof WorkerRestartedError) return;
    const preset = presetConfig();
    if (JSON.stringify(preset) === JSON.stringify(config)) throw e;
    report('config', message('config.fellBack', {}, errorText(e)));
    await configureAndRestore(c, preset, store().beginRun('configure', preset));
  }
}

/**
 * Builds `config` in the worker as the run the store began, then loads the saved model of that
 * configuration, if any, as a run of its own (unless the page asked for another run meanwhile).
 */
async function configureAndRestore(c: LabClient, config: LabConfig, run: RunRequest): Promise<void> {
  await c.configure(config, run);
  await restoreSaved(c, config, run.runId);
}

export const lab = {
  /** Starts the worker: loads MNIST, chooses a backend, builds the model from the store's config. */
  boot(): Promise<void> {
    if (started()) return ready().then(() => undefined, () => undefined);
    store().setBooting(true);
    return connect(createClient(), async (c) => {
      try {
        bootSwitches(location.search);
        await checkStorage();
        await c.start({
          dataUrl: new URL('data/', document.baseURI).href,
          forcedBackend: backendFromSearch(location.search),
          ...speedOptionsOfPage(location.search),
          scatterSize: scatterSizeFromSearch(location.search, SCATTER_SIZE),
        });
        await bootConfigure(c);
        await resumeWatches(c);
        watchRunForSaving(currentClient);
      } catch (e) {
        // Data and backend failures arrived as error events with the file and the fix.
        if (e instanceof WorkerNotLoadedError) store().addError({ type: 'error', kind: 'internal', message: message('worker.notLoaded', {}, e.message), hint: message('hint.dataRetry', {}), action: 'retry' });
        else if (!store().errors.length) report('internal', message('internal.startFailed', {}, errorText(e)));
        throw e;
      } finally {
        store().setBooting(false);
      }
    });
  },

  /** Starts the lab again from nothing (a notice's Retry: a script or a data file that did not arrive). */
  retry(): Promise<void> {
    currentClient()?.terminate();
    disconnect();
    store().clearErrors();
    return lab.boot();
  },

  train: () => act('train', (c) => c.call((api) => api.train())),
  pause: () => act('pause', (c) => c.call((api) => api.pause())),
  /** Train when paused or idle, pause when running. */
  toggle: () => (store().runState === 'running' ? lab.pause() : lab.train()),
  /** Saves the model now (before a reload onto a new version). */
  saveNow: () => saveModel(currentClient()),
  /** Exactly `n` training steps (default 1, at most MAX_STEPS_PER_CALL). */
  step: async (n = 1) => {
    const steps = Math.min(MAX_STEPS_PER_CALL, Math.max(1, Math.floor(Number.isFinite(n) ? n : 1)));
    await act('step', (c) => c.call((api) => api.step(steps)));
    await saveModel(currentClient());
  },
  /** Re-initialises the model from its seed as a new run; the saved model of this configuration is dropped. */
  reset: async () => {
    const run = store().beginRun('reset');
    await forgetRun(store().config).catch(() => undefined);
    return act('reset', (c) => c.call((api) => api.reset(run)));
  },

  /**
   * Rebuilds the model with `config`, as it is: a config is validated once, where it enters (the
   * link, the editor, a lesson's own control: components/settingText.ts; a model file, a saved
   * model: core/train/snapshot.ts), and trusted from there on, here, in the worker and the Trainer.
   * The store takes it at once. Only live settings changed (liveSettings.ts): the run goes on
   * with them; else the worker builds it as a new run (`fresh`: always, e.g. a prediction's
   * trial, which compares models trained from step 0). Before boot it only sets the store's
   * config, which boot() applies. Resolves false when the page could not apply it.
   */
  async applyConfig(config: LabConfig, options: { fresh?: boolean } = {}): Promise<boolean> {
    // The cost guard before the store takes it (the worker checks again on the kind's backend).
    const backend = store().backend?.chosen;
    const problem = backend && costProblem(config, MEMORY_BUDGETS[backend]);
    if (problem) {
      const { field, limit, megabytes, budgetMegabytes } = problem;
      report('config', message('cost.memory', { field, limit, megabytes, budget: budgetMegabytes, backend: backend as string }));
      return false;
    }
    if (!started()) {
      store().setConfig(config);
      return true;
    }
    if (!options.fresh && configChange(store(), config) === 'live') {
      const live = await act('applyConfig', (c) => applyLive(c, config));
      if (live !== false) return live === true;
    }
    const trainedSteps = store().progress?.step ?? 0;
    const run = store().beginRun('configure', config);
    noticeRebuilt(trainedSteps);
    const done = await act('applyConfig', async (c) => {
      await configureAndRestore(c, config, run);
      return true;
    });
    return done === true;
  },

  /** The model as the bytes of a .aelab file (encodeSnapshot), or undefined when there is none. */
  async exportModelFile(): Promise<{ bytes: Uint8Array; step: number } | undefined> {
    return act('exportModel', async (c) => {
      const snapshot = await c.call((api) => api.exportModel());
      return { bytes: encodeSnapshot(snapshot), step: snapshot.step };
    });
  },

  /**
   * Loads a .aelab file into the current architecture, as a new run. A file that is not a lab
   * model, or whose shapes do not fit, is refused with the list of what differs; nothing changes then.
   */
  async importModelFile(bytes: Uint8Array): Promise<ModelFileResult> {
    let snapshot: ModelSnapshot;
    try {
      snapshot = decodeSnapshot(bytes);
    } catch (e) {
      return { ok: false, problems: e instanceof SnapshotError ? e.problems : [errorText(e)] };
    }
    const check = checkSnapshot(snapshot, store().config);
    if (!check.ok) return { ok: false, problems: check.problems };
    const run = store().beginRun('import');
    const result = await act('importModel', (c) => importIntoWorker(c, snapshot, run));
    if (!result) return { ok: false, problems: ['The lab is not ready.'] };
    if (!result.ok) return result;
    if (store().run.id === run.runId) useLab.setState({ progress: progressAt(result, run.runId), restoredModel: { step: result.step, from: 'file' } });
    // The reader chose this file: it replaces a saved model of the same settings even if that was trained further.
    await saveModel(currentClient(), { replace: true });
    return { ok: true, step: result.step, warnings: result.warnings };
  },

  ...latentActions,
  ...lessonActions,
  ...mathActions,

  /** The store the events land in (tests read `__lab.store.getState()`). */
  store: useLab,
};

// Tests and a developer's console drive the lab as `window.__lab`: test and dev builds only.
if (TEST_HOOKS) installTestHooks(lab);
