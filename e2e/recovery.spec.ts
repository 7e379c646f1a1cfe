/**
 * The lab never dies in front of a class (issue 11, item 1), in the real page with the real
 * worker, each failure made to happen for real (test builds' switches, src/worker/labFailures.ts):
 * - a crash: one notice, a restart on the same backend (it was not at fault), the model back
 *   from its last save with its step and its curve;
 * - a crash while booting, and one while respawning: the lab still comes up;
 * - three failures within a minute: one message with a Reload button;
 * - WebAssembly out of memory: one notice, a restart on wasm with the lesson's own settings;
 * - a worker script or a data file that does not arrive: a message within 15 s, with Retry.
 * Backend-independent (forced wasm): runs in the wasm project only.
 */
import { expect, test } from './fixtures';
import { announced, labState, noticeCodes, stepAndSave, type LabWindow } from './labConsole';

/** A message must come within this (issue 11); the waits below allow no more. */
const MESSAGE_MS = 15_000;
const notice = (code: string) => `[data-testid^="notice-error-"][data-code="${code}"]`;

test('a crashed worker restarts on the same backend and the model comes back from its last save', async ({ page, openLab }) => {
  test.setTimeout(150_000);
  await openLab();
  const first = await announced(page);
  const step = await stepAndSave(page, 12);
  const before = await labState(page);
  expect(before.history.length).toBeGreaterThan(0);

  await page.evaluate(() => (window as LabWindow).__lab!.simulateFailure('crash'));
  await expect(page.locator(notice('restart.crashedKept'))).toContainText('restarts on wasm', { timeout: MESSAGE_MS });

  await page.waitForFunction((id) => {
    const s = (window as LabWindow).__lab!.store.getState();
    return s.run.id > id && s.run.cause === 'restore' && s.restoredModel !== undefined && !s.booting;
  }, first.id, { timeout: 60_000 });
  const after = await labState(page);
  expect(after.restoredModel).toEqual({ step, from: 'storage' });
  expect(after.progress?.step).toBe(step);
  expect(after.history.map((p) => p.step)).toEqual(before.history.map((p) => p.step));
  await expect(page.getByTestId('backend-badge')).toHaveText('wasm');
  await expect(page.getByTestId('metric-step')).toHaveText(String(step));
  // One notice for one failure.
  expect(await noticeCodes(page)).toEqual(['restart.crashedKept']);

  // Training goes on from the saved step.
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText(String(step + 1), { timeout: 30_000 });
});

test('a crash while booting: the lab still comes up', async ({ page, backend }) => {
  test.setTimeout(120_000);
  await page.goto(`./?backend=${backend}&simulate=crashDuringBoot`);
  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: 90_000 });
  // It was starting on the forced backend, which was not at fault: the same one again.
  await expect(page.locator(notice('restart.crashedKept'))).toBeVisible();
  await announced(page);
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText('1', { timeout: 30_000 });
  expect(await noticeCodes(page)).toEqual(['restart.crashedKept']);
  await expect(page.getByTestId('backend-badge')).toHaveText(backend);
});

test('a crash while respawning: the restart starts over, one notice counted twice', async ({ page, openLab }) => {
  test.setTimeout(150_000);
  await openLab();
  await page.evaluate(() => {
    const lab = (window as LabWindow).__lab!;
    lab.crashDuringNextInits(1);
    void lab.simulateFailure('crash');
  });
  await expect(page.locator(`${notice('restart.crashedKept')} [data-testid="notice-count"]`)).toBeVisible({ timeout: MESSAGE_MS });
  await page.waitForFunction(() => {
    const s = (window as LabWindow).__lab!.store.getState();
    return !s.booting && s.run.cause === 'restart' && s.run.announced?.runId === s.run.id;
  }, null, { timeout: 90_000 });
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText('1', { timeout: 30_000 });
  expect(await noticeCodes(page)).toEqual(['restart.crashedKept']);
});

test('three failures within a minute: one message with a Reload button', async ({ page, openLab }) => {
  test.setTimeout(150_000);
  await openLab();
  await page.evaluate(() => {
    const lab = (window as LabWindow).__lab!;
    lab.crashDuringNextInits(5);
    void lab.simulateFailure('crash');
  });
  const stop = page.locator(notice('restart.tooOften'));
  await expect(stop).toContainText('3 times within a minute', { timeout: 60_000 });
  await expect(stop.getByTestId('notice-reload')).toBeVisible();
  expect((await labState(page)).booting).toBe(false);
  await stop.getByTestId('notice-reload').click();
  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: 90_000 });
  expect(await noticeCodes(page)).toEqual([]);
});

test('WebAssembly out of memory: one notice, a restart on wasm with the lesson\'s own settings', async ({ page, openLab }) => {
  test.setTimeout(150_000);
  await openLab();
  // The free lab with a wider code than its default: after the abort it opens its own settings.
  await page.evaluate(async () => {
    const lab = (window as LabWindow).__lab!;
    const { config } = lab.store.getState();
    await lab.applyConfig({ ...config, model: { ...config.model, codeSize: 8 } });
  });
  await announced(page);
  await page.evaluate(() => (window as LabWindow).__lab!.simulateFailure('outOfMemory').catch(() => undefined));
  await expect(page.locator(notice('restart.outOfMemory'))).toBeVisible({ timeout: MESSAGE_MS });
  await page.waitForFunction(() => {
    const s = (window as LabWindow).__lab!.store.getState();
    return !s.booting && s.run.cause === 'restart' && s.run.announced?.runId === s.run.id;
  }, null, { timeout: 90_000 });
  const s = await labState(page);
  expect(s.config.model.codeSize).toBe(2);
  await expect(page.getByTestId('backend-badge')).toHaveText('wasm');
  expect(await noticeCodes(page)).toEqual(['restart.outOfMemory']);
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText('1', { timeout: 30_000 });
});

test('a worker script that does not arrive: a message within 15 s, and Retry starts the lab', async ({ page, backend }) => {
  test.setTimeout(120_000);
  await page.route('**/assets/lab.worker-*.js', (route) => route.fulfill({ status: 404, body: 'gone after a deploy' }));
  await page.goto(`./?backend=${backend}`);
  const message = page.locator(notice('worker.notLoaded'));
  await expect(message).toBeVisible({ timeout: MESSAGE_MS });
  await expect(page.getByTestId('notice-booting')).toHaveCount(0);
  await page.unroute('**/assets/lab.worker-*.js');
  await message.getByTestId('notice-retry').click();
  await expect(page.getByTestId('backend-badge')).toHaveText(backend, { timeout: 90_000 });
  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: 90_000 });
});

test('a data file that never arrives: a message within 15 s naming it, and Retry loads it', async ({ page, backend }) => {
  test.setTimeout(120_000);
  let asked = 0;
  // The request hangs: no status, no byte (a stalled classroom network).
  await page.route('**/data/test-labels.idx.gz', () => {
    asked++;
  });
  await page.goto(`./?backend=${backend}`);
  const message = page.locator(notice('data.timeout'));
  // Within 15 s of the request (the page and its worker start first).
  await expect(message).toContainText('test-labels.idx.gz', { timeout: MESSAGE_MS + 5_000 });
  expect(asked, 'asked once more after the first stall').toBe(2);
  await expect(message).not.toContainText('npm');
  await page.unroute('**/data/test-labels.idx.gz');
  await message.getByTestId('notice-retry').click();
  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: 90_000 });
  expect(await noticeCodes(page)).toEqual([]);
});
