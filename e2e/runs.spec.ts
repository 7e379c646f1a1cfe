/**
 * A run flows one way (issue 10; src/worker/apiRun.ts): in the real page, with the real worker.
 * - Switching the free lab's MLP to a VQ-VAE shows the new run's first views at once: the VQ
 *   panel is filled with the step-0 codes before any training (the store took the new config
 *   when the page asked, so the worker's step-0 'vq' event is the current run's).
 * - Two configurations asked for quickly while training: nothing of the superseded runs lands
 *   (the training run's late progress points are dropped, counted by the page).
 * - A crashed worker restarts as a new run (cause 'restart') with the settings kept, and says so
 *   in the reader's language.
 * - A new learning rate applied in the editor while training goes on in the same run (issue 10,
 *   item 5): the step count carries on, the chart marks the change, the model is not re-initialised.
 */
import type { Page } from '@playwright/test';
import { bootTimeout, expect, test } from './fixtures';

interface RunView {
  id: number;
  cause: string;
  announced?: { runId: number; cause: string; step: number; config: { model: { kind: string; codeSize: number } } };
}
interface StoreState {
  config: { model: Record<string, unknown> & { kind: string; codeSize: number }; train: Record<string, unknown> };
  run: RunView;
  runState: string;
  history: { step: number; testLoss?: number }[];
  settingsMarks: { step: number; changed: { path: string; from: unknown; to: unknown }[] }[];
  progress?: { step: number; runId: number };
  vq?: { step: number; runId: number };
  errors: { kind: string; message: { code: string } }[];
  booting: boolean;
}
interface LabConsole {
  store: { getState(): StoreState; subscribe(fn: (s: StoreState) => void): () => void };
  applyConfig(config: unknown): Promise<boolean>;
  simulateFailure(kind: 'crash' | 'deviceLost'): Promise<void>;
  droppedEvents(): number;
}
type LabWindow = Window & { __lab?: LabConsole; __leaks?: string[] };

const labState = (page: Page) => page.evaluate(() => (window as LabWindow).__lab!.store.getState());

/** Waits until the worker has announced the run the page shows. */
async function announced(page: Page, timeout = 60_000): Promise<RunView> {
  await page.waitForFunction(() => {
    const { run } = (window as LabWindow).__lab!.store.getState();
    return run.announced?.runId === run.id;
  }, null, { timeout });
  return (await labState(page)).run;
}

test('switching the kind shows the new run\'s first views before any training', async ({ page, openLab }) => {
  test.setTimeout(240_000);
  await openLab();
  const before = await announced(page);
  expect(before.announced?.config.model.kind).toBe('mlp');
  await expect(page.getByTestId('vq-codes')).toHaveCount(0);

  // As a student does: the editor's kind chooser (the VQ-VAE's own settings at their
  // defaults: 8 positions, 64 codebook vectors), then Apply.
  await page.getByTestId('model-kind').selectOption('vq');
  await page.getByTestId('apply-config').click();
  // The store took the config at once: the VQ panel is there before the worker answers.
  const asked = await labState(page);
  expect(asked.config.model.kind).toBe('vq');
  expect(asked.run).toMatchObject({ id: before.id + 1, cause: 'configure' });

  const run = await announced(page);
  expect(run.announced).toMatchObject({ cause: 'configure', step: 0, config: { model: { kind: 'vq', codeSize: 32 } } });
  const panel = page.getByTestId('vq-codes');
  await expect(panel).toHaveAttribute('data-codes-step', '0', { timeout: 30_000 });
  await expect(page.getByTestId('vq-index-0-7')).toBeVisible();
  await expect(page.getByTestId('vq-histogram')).toHaveAttribute('data-bars', '64');
  const after = await labState(page);
  expect(after.vq).toMatchObject({ step: 0, runId: run.id });
  expect(after.runState).toBe('idle');
  expect(after.history).toEqual([]);
});

test('two configurations asked for while training: nothing of the superseded runs lands', async ({ page, openLab }) => {
  test.setTimeout(240_000);
  await openLab();
  const first = await announced(page);
  const toggle = page.getByTestId('train-toggle');
  await toggle.click();
  await page.waitForFunction(() => ((window as LabWindow).__lab!.store.getState().progress?.step ?? 0) > 20, null, { timeout: 60_000 });
  const droppedBefore = await page.evaluate(() => (window as LabWindow).__lab!.droppedEvents());

  const asked = await page.evaluate(() => {
    const w = window as LabWindow;
    const lab = w.__lab!;
    const { config, run } = lab.store.getState();
    const trainingRun = run.id;
    // Anything that lands in the history of a later run before it trains is a leak.
    w.__leaks = [];
    lab.store.subscribe((s) => {
      if (s.run.id > trainingRun && s.history.length > 0) w.__leaks!.push(`run ${s.run.id}: ${s.history.length} points, step ${s.history[0].step}`);
      if (s.run.id > trainingRun && s.progress) w.__leaks!.push(`run ${s.run.id}: progress of run ${s.progress.runId}`);
    });
    void lab.applyConfig({ ...config, model: { ...config.model, codeSize: 3 } });
    void lab.applyConfig({ ...config, model: { ...config.model, codeSize: 4 } });
    return { trainingRun, last: lab.store.getState().run.id };
  });
  expect(asked).toEqual({ trainingRun: first.id, last: first.id + 2 });

  const run = await announced(page);
  expect(run).toMatchObject({ id: first.id + 2, announced: { cause: 'configure', step: 0, config: { model: { codeSize: 4 } } } });
  // The worker stopped training for the first configure; give late events time to arrive.
  await expect(toggle).toHaveAttribute('aria-pressed', 'false', { timeout: 30_000 });
  await page.waitForTimeout(2000);
  const s = await labState(page);
  expect(s.history).toEqual([]);
  expect(s.progress).toBeUndefined();
  expect(s.runState).toBe('idle');
  expect(await page.evaluate(() => (window as LabWindow).__leaks)).toEqual([]);
  // Events did arrive from the runs the page had left (the training run's last chunk, run 2's views): dropped.
  expect(await page.evaluate(() => (window as LabWindow).__lab!.droppedEvents())).toBeGreaterThan(droppedBefore);

  // The run the page shows trains: its points are its own.
  await page.getByTestId('step-button').click();
  await page.waitForFunction(() => (window as LabWindow).__lab!.store.getState().progress?.step === 1, null, { timeout: 30_000 });
  const stepped = await labState(page);
  expect(stepped.history.map((p) => p.step)).toEqual([1]);
  expect(stepped.progress?.runId).toBe(run.id);
});

test('a crashed worker restarts as a new run with the settings kept, and says so', async ({ page, openLab, backend }) => {
  test.setTimeout(60_000 + 2 * bootTimeout(backend) + 120_000);
  // A small model (784-32-3-32-784, 1,000 training digits) from a link: the restart must build
  // the link's model, not the free lab's default. (Restoring a trained model after a crash:
  // e2e/recovery.spec.ts.)
  await openLab({}, 'v=1&lesson=free&layers=32&code=3&n=1000');
  const first = await announced(page);
  const codeSize = (await labState(page)).config.model.codeSize;
  expect(codeSize, 'the link\'s code size').toBe(3);
  await page.evaluate(() => (window as LabWindow).__lab!.simulateFailure('crash'));

  // Worded on the page: a crash is not the backend's fault, so the lab restarts on it.
  const notice = page.locator('[data-testid="notice-error-backend"][data-code="restart.crashedKept"]');
  await expect(notice).toContainText(`The lab restarts on ${backend}`, { timeout: 30_000 });

  // The new worker builds the same model as a new run.
  await page.waitForFunction((id) => {
    const { run, booting } = (window as LabWindow).__lab!.store.getState();
    return !booting && run.id > id && run.cause === 'restart' && run.announced?.runId === run.id;
  }, first.id, { timeout: 2 * bootTimeout('webgpu') });
  const s = await labState(page);
  expect(s.run.announced).toMatchObject({ cause: 'restart', step: 0, config: { model: { codeSize } } });
  await expect(page.getByTestId('backend-badge')).toHaveText(backend);

  await page.getByTestId('step-button').click();
  await page.waitForFunction(() => (window as LabWindow).__lab!.store.getState().progress?.step === 1, null, { timeout: 120_000 });
});

test('a new learning rate while training goes on in the same run: the steps carry on, the chart marks it, the weights are kept', async ({ page, openLab }) => {
  test.setTimeout(120_000);
  await openLab();
  const first = await announced(page);
  await page.getByTestId('train-toggle').click();
  // Trained a little: a few live test points, the last one a tenth below the first (the untrained level).
  await page.waitForFunction(() => {
    const tests = (window as LabWindow).__lab!.store.getState().history.filter((p) => p.testLoss !== undefined);
    return tests.length >= 3 && tests.at(-1)!.testLoss! < 0.9 * tests[0].testLoss!;
  }, null, { timeout: 60_000 });

  const editor = page.getByTestId('training-fields');
  await editor.getByLabel('Learning rate').fill('0.005');
  await expect(page.locator('.arch-status')).toContainText('Applying keeps the model');
  const before = await labState(page);
  await page.getByTestId('apply-config').click();

  // The mark arrives with the step the change took effect at; training goes on past it.
  await page.waitForFunction(() => {
    const s = (window as LabWindow).__lab!.store.getState();
    const mark = s.settingsMarks[0];
    return mark !== undefined && s.history.some((p) => p.step > mark.step && p.testLoss !== undefined);
  }, null, { timeout: 30_000 });
  const after = await labState(page);
  expect(after.run.id).toBe(first.id);
  expect(after.config.train.learningRate).toBe(0.005);
  expect(after.runState).toBe('running');
  const mark = after.settingsMarks[0];
  expect(after.settingsMarks).toEqual([{ step: mark.step, changed: [{ path: 'train.learningRate', from: 0.002, to: 0.005 }] }]);
  // The step count carried on: the history is the same curve, longer, and never went back to 0.
  expect(mark.step).toBeGreaterThanOrEqual(before.progress!.step);
  expect(after.history.slice(0, before.history.length)).toEqual(before.history);
  const steps = after.history.map((p) => p.step);
  expect(steps).toEqual([...steps].sort((a, b) => a - b));
  // Not re-initialised: the first test point after the change is still far below the untrained level.
  const tests = after.history.filter((p) => p.testLoss !== undefined);
  const untrained = tests[0].testLoss!;
  const trained = before.history.filter((p) => p.testLoss !== undefined).at(-1)!.testLoss!;
  const next = tests.find((p) => p.step > mark.step)!.testLoss!;
  expect(next).toBeLessThan((untrained + trained) / 2);

  const chartMark = page.getByTestId('loss-chart-mark');
  await expect(chartMark).toHaveCount(1);
  await expect(chartMark).toHaveAttribute('data-step', String(mark.step));
  await expect(chartMark).toContainText('Learning rate 0.002 → 0.005');
  await expect(page.getByTestId('notice-rebuilt')).toHaveCount(0);
  await page.getByTestId('train-toggle').click();
});
