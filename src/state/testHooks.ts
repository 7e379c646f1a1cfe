/**
 * What tests (and a developer's console) reach on the page as `window.__lab`: the lab's actions
 * and store, plus the switches that make the lab fail on purpose and the counters that tests
 * read. Only in test and dev builds: `npm start` (dev) and the e2e build, which sets
 * VITE_LAB_TEST_HOOKS=1 (playwright.config.ts); a production build defines no `__lab` and its
 * bundle holds none of this (TEST_HOOKS is a constant there, so the code is dropped).
 */
import { crashDuringNextInits } from '../worker/client';
import { ready } from './labConnection';
import { droppedEvents } from './labEvents';
import { setPanelFailing } from './panelFailures';
import { setStorageBudget } from './savedModels';

export const TEST_HOOKS: boolean = import.meta.env.DEV || import.meta.env.VITE_LAB_TEST_HOOKS === '1';

/** The test-only part of `__lab`. */
export const testHooks = {
  /** Events of superseded runs the page dropped so far (tests of the run protocol). */
  droppedEvents,
  /** Live tensors and bytes in the worker, its wasm heap, and the runs it began by cause. */
  memory: async () => (await ready()).call((api) => api.memory()),
  backendReport: async () => (await ready()).call((api) => api.backendReport()),
  /** Makes the worker or its backend fail for real (LabApi.simulateFailure). */
  simulateFailure: async (kind: 'crash' | 'deviceLost' | 'contextLost' | 'outOfMemory') => (await ready()).call((api) => api.simulateFailure(kind)),
  /** The next `n` workers the client starts crash during their init (a crash while respawning). */
  crashDuringNextInits,
  /** Makes a panel's view throw while it renders (its error boundary shows the failure). */
  failPanel: (id: string, on = true) => setPanelFailing(id, on),
  /** A smaller budget for the saved models (bytes), to see eviction with small models. */
  setStorageBudget,
};

/** `?simulate=crashDuringBoot` (test builds): the first worker crashes during its init. */
export function bootSwitches(search: string): void {
  if (TEST_HOOKS && new URLSearchParams(search).get('simulate') === 'crashDuringBoot') crashDuringNextInits(1);
}

/** Puts `lab` and the test hooks on `window.__lab`. */
export function installTestHooks(lab: object): void {
  (globalThis as { __lab?: unknown }).__lab = { ...lab, ...testHooks };
}
