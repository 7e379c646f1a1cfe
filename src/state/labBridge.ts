/**
 * The page's actions on the lab, callable outside React (components, tests, a teacher's
 * console): `lab.boot()`, `lab.toggle()`, `lab.decodeMapPoint(x, y)` ...
 *
 * This file starts the lab (the LabClient of worker/client.ts, its events routed into the store
 * by labEvents.ts) and holds the actions that start runs: configure, reset, the model file's
 * import (worker/apiRun.ts). Each begins its run in the store first (store.beginRun: the new
 * config at once, the old run's events dropped from then on), then asks the worker. The code
 * space's actions live in latentActions.ts, the lessons' panels' in lessonActions.ts; `lab`
 * gathers them all. No tfjs here: only types cross from the worker side.
 */
import type { LabConfig } from '../core/config';
import { message } from '../core/messages';
import { checkSnapshot, SnapshotError, type ModelSnapshot } from '../core/train/snapshot';
import { decodeSnapshot, encodeSnapshot } from '../core/train/snapshotFile';
import type { RunRequest } from '../worker/api';
import { backendFromSearch, LabClient } from '../worker/client';
import { act, connect, currentClient, errorText, ready, report, started } from './labConnection';
import { droppedEvents, routeEvent } from './labEvents';
import { latentActions } from './latentActions';
import { mathActions } from './mathActions';
import { lessonActions, resumeWatches } from './lessonActions';
import { forgetRun } from './modelPersistence';
import { importIntoWorker, progressAt, restoreSaved, saveModel, watchRunForSaving, type ModelFileResult } from './modelSaving';
import { speedOptionsOfPage } from './speedOptions';
import { useLab } from './store';

export { act, ready } from './labConnection';
export { priorGrid } from './latentActions';
export { EMBEDDING_DIGITS, SEARCH_NEIGHBOURS } from './lessonActions';

/** Test digits drawn on the latent scatter (the first N of the test set). */
export const SCATTER_SIZE = 5000;

const store = () => useLab.getState();

function createClient(): LabClient {
  return new LabClient({
    onEvent: routeEvent,
    restartRun: () => {
      const { config } = store();
      return { config, run: store().beginRun('restart', config) };
    },
    onRestart: ({ reason }) => {
      store().setBooting(true);
      store().setRunState('idle');
      report('backend', reason, message('hint.settingsKept', {}));
    },
    onRestarted: (_result) => {
      store().setBooting(false);
      const c = currentClient();
      // A new worker measures nothing until asked again.
      if (c) void resumeWatches(c).catch(() => undefined);
      // The text models lived in the old worker: the panel loads them again when shown.
      store().setText({ status: 'idle', running: false, measure: undefined, progress: undefined });
    },
    onRestartFailed: (reason) => {
      store().setBooting(false);
      report('backend', reason, message('hint.reload', {}));
    },
  });
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
        await c.start({
          dataUrl: new URL('data/', document.baseURI).href,
          forcedBackend: backendFromSearch(location.search),
          ...speedOptionsOfPage(location.search),
          scatterSize: SCATTER_SIZE,
        });
        const config = store().config;
        await configureAndRestore(c, config, store().beginRun('configure', config));
        await resumeWatches(c);
        watchRunForSaving(currentClient);
      } catch (e) {
        // Data and backend failures arrived as error events with the file and the fix.
        if (!store().errors.length) report('internal', message('internal.startFailed', {}, errorText(e)));
        throw e;
      } finally {
        store().setBooting(false);
      }
    });
  },

  train: () => act('train', (c) => c.call((api) => api.train())),
  pause: () => act('pause', (c) => c.call((api) => api.pause())),
  /** Train when paused or idle, pause when running. */
  toggle: () => (store().runState === 'running' ? lab.pause() : lab.train()),
  /** Exactly `n` training steps (default 1). */
  step: async (n = 1) => {
    await act('step', (c) => c.call((api) => api.step(n)));
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
   * The store takes it at once; the worker builds it as a new run. Before boot it only sets the
   * store's config, which boot() applies. Resolves false when the page could not apply it.
   */
  async applyConfig(config: LabConfig): Promise<boolean> {
    if (!started()) {
      store().setConfig(config);
      return true;
    }
    const run = store().beginRun('configure', config);
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
    await saveModel(currentClient());
    return { ok: true, step: result.step, warnings: result.warnings };
  },

  ...latentActions,
  ...lessonActions,
  ...mathActions,

  /** The store the events land in (tests read `__lab.store.getState()`). */
  store: useLab,
  /** Events of superseded runs the page dropped so far (tests of the run protocol). */
  droppedEvents,
  /** Live tensor count and bytes in the worker (leak checks in e2e). */
  memory: async () => (await ready()).call((api) => api.memory()),
  backendReport: async () => (await ready()).call((api) => api.backendReport()),
  /** Tests of the restart path: see LabApi.simulateFailure. */
  simulateFailure: async (kind: 'crash' | 'deviceLost') => (await ready()).call((api) => api.simulateFailure(kind)),
};

// Tests and teachers' scripts drive the lab from the console.
(globalThis as { __lab?: typeof lab }).__lab = lab;
