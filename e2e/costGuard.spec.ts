/**
 * The cost guard (issue 11, item 2), in the real page:
 * - the link (a conv model of channels 64,64 at batch 1,024 on 60,000 digits, which
 *   aborted wasm on its first step) is refused before anything is built, with a message naming
 *   the batch size and the largest that fits; the lesson's own settings open instead, and train;
 * - the same settings asked for from the editor while the lab runs: refused at once, the model
 *   and the store's settings stay;
 * - a model whose step takes seconds: its steps are cut into parts, so Pause answers in a
 *   fraction of a step instead of waiting for the step to end.
 * Backend-independent (forced wasm): runs in the wasm project only.
 */
import { expect, test } from './fixtures';
import { announced, labState, noticeCodes, type LabWindow } from './labConsole';

const HEAVY = 'channels=64,64&batch=1024&n=60000';

test('the issue\'s heavy link is refused before it is built, naming the field and the limit; the lesson\'s own settings open', async ({ page, backend }) => {
  test.setTimeout(150_000);
  await page.goto(`./?backend=${backend}#v=1&lesson=convolutional&${HEAVY}`);
  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: 120_000 });
  const refusal = page.locator('[data-testid="notice-error-config"][data-code="cost.memory"]');
  await expect(refusal).toContainText('Batch size: at most');
  await expect(refusal).toContainText('wasm');
  await expect(page.locator('[data-code="config.fellBack"]')).toBeVisible();
  const s = await labState(page);
  expect(s.config.model).toMatchObject({ kind: 'conv', convChannels: [16, 8] });
  expect(s.config.train).toMatchObject({ batchSize: 64, trainSize: 5000 });
  // The link now says what runs: a reload opens the same, without a refusal.
  expect(page.url()).not.toContain('channels=64,64');
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText('1', { timeout: 60_000 });

  // Asked for again from the page: refused at once, nothing changes.
  const before = await labState(page);
  const applied = await page.evaluate(async () => {
    const lab = (window as LabWindow).__lab!;
    const { config } = lab.store.getState();
    return lab.applyConfig({ model: { ...config.model, convChannels: [64, 64] }, train: { ...config.train, batchSize: 1024, trainSize: 60000 } });
  });
  expect(applied).toBe(false);
  const after = await labState(page);
  expect(after.run.id).toBe(before.run.id);
  expect(after.config).toEqual(before.config);
  expect(after.progress?.step).toBe(1);
  expect((await noticeCodes(page)).filter((c) => c === 'cost.memory')).toHaveLength(1);
});

test('a model whose step takes seconds: Pause answers within a part of a step', async ({ page, openLab }) => {
  test.setTimeout(240_000);
  await openLab();
  // 784-1000-1000-1000-784 at batch 1,024: about 22 GFLOP a step, seconds on wasm even on two
  // threads (the step must take well over a second for Pause's answer to tell a cut step from a
  // whole one; at batch 256 threaded wasm took 0.57 s).
  await page.evaluate(async () => {
    const lab = (window as LabWindow).__lab!;
    const { config } = lab.store.getState();
    await lab.applyConfig({ model: { ...config.model, encoderLayers: [1000], codeSize: 1000 }, train: { ...config.train, batchSize: 1024 } });
  });
  await announced(page, 120_000);
  // In the page: the time of each new step, and how long Pause takes when asked right after step 2.
  const timing = await page.evaluate(
    () =>
      new Promise<{ stepMs: number; pauseMs: number; step: number }>((resolve) => {
        const lab = (window as LabWindow).__lab!;
        const at: number[] = [];
        let last = 0;
        const stop = lab.store.subscribe((s) => {
          const step = s.progress?.step ?? 0;
          if (step === last) return;
          last = step;
          at.push(performance.now());
          if (at.length < 2) return;
          stop();
          const t0 = performance.now();
          void (lab as unknown as { pause(): Promise<void> }).pause().then(() => {
            resolve({ stepMs: at[1] - at[0], pauseMs: performance.now() - t0, step });
          });
        });
        void (lab as unknown as { train(): Promise<void> }).train();
      }),
  );
  console.log(`slow model: a step took ${Math.round(timing.stepMs)} ms; Pause answered in ${Math.round(timing.pauseMs)} ms`);
  expect(timing.stepMs).toBeGreaterThan(1000);
  // Asked just as a step began, an uncut step makes Pause wait about a whole step.
  expect(timing.pauseMs).toBeLessThan(timing.stepMs / 3);
  await expect(page.getByTestId('train-toggle')).toHaveAttribute('aria-pressed', 'false');
  // No step was half-applied: the counter is where the pause found it.
  expect((await labState(page)).progress?.step).toBe(timing.step);
});
