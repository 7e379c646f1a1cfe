/**
 * The lab's test hooks as the browser tests see them (`window.__lab`, test builds only:
 * src/state/testHooks.ts), typed for page.evaluate, and small waits on the store.
 */
import type { Page } from '@playwright/test';

export interface NoticeView {
  kind: string;
  message: { code: string; params: Record<string, unknown>; detail?: string };
  count?: number;
  action?: string;
}
export interface StoreView {
  config: { model: Record<string, unknown> & { kind: string; codeSize: number }; train: Record<string, unknown> & { batchSize: number } };
  run: { id: number; cause: string; announced?: { runId: number; cause: string; step: number; config: StoreView['config'] } };
  runState: string;
  history: { step: number; trainLoss: number }[];
  progress?: { step: number; runId: number };
  savedModel?: { step: number };
  restoredModel?: { step: number; from: string };
  errors: NoticeView[];
  booting: boolean;
  backend?: { chosen: string };
  lessonId: string;
}
export interface LabConsole {
  store: { getState(): StoreView; setState(patch: Partial<StoreView>): void; subscribe(fn: (s: StoreView) => void): () => void };
  applyConfig(config: unknown): Promise<boolean>;
  step(n?: number): Promise<void>;
  reset(): Promise<void>;
  decodeMapPoint(x: number, y: number): Promise<unknown>;
  simulateFailure(kind: 'crash' | 'deviceLost' | 'contextLost' | 'outOfMemory'): Promise<void>;
  crashDuringNextInits(n: number): void;
  failPanel(id: string, on?: boolean): void;
  setStorageBudget(bytes: number): void;
  memory(): Promise<{ numTensors: number; numBytes: number; wasmBytes?: number; runsBegun: Record<string, number> }>;
  droppedEvents(): number;
}
export type LabWindow = Window & { __lab?: LabConsole; __marker?: string };

export const labState = (page: Page) => page.evaluate(() => (window as LabWindow).__lab!.store.getState());

/** Codes of the error notices the page shows now. */
export const noticeCodes = (page: Page) => page.evaluate(() => (window as LabWindow).__lab!.store.getState().errors.map((e) => e.message.code));

/** Waits until the worker has announced the run the page shows (and the page is not booting). */
export async function announced(page: Page, timeout = 60_000): Promise<StoreView['run']> {
  await page.waitForFunction(() => {
    const { run, booting } = (window as LabWindow).__lab!.store.getState();
    return !booting && run.announced?.runId === run.id;
  }, null, { timeout });
  return (await labState(page)).run;
}

/** Takes `n` steps and waits until their save is stored; returns the step counter. */
export async function stepAndSave(page: Page, n: number): Promise<number> {
  await page.evaluate((k) => (window as LabWindow).__lab!.step(k), n);
  await page.waitForFunction(() => {
    const s = (window as LabWindow).__lab!.store.getState();
    return s.progress !== undefined && s.savedModel?.step === s.progress.step;
  }, null, { timeout: 60_000 });
  return (await labState(page)).progress!.step;
}
