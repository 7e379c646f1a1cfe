/**
 * Tensor leaks in the worker, seen from the page through window.__lab.memory() (the bridge's
 * console API): the live tensor count must stay exactly flat across training, pausing,
 * decodes (grid clicks, sliders, batched grid decodes) and a reset. A leak of one tensor per
 * step or per decode shows up here as a count that grows with the work done.
 */
import { test, expect } from './fixtures';

interface LabConsole {
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  step(n?: number): Promise<unknown>;
  reset(): Promise<unknown>;
  decodeMapPoint(x: number, y: number): Promise<Float32Array | undefined>;
  decodeGrid(n: number, extent: { xMin: number; xMax: number; yMin: number; yMax: number }): Promise<Float32Array>;
}
/** The page's window with the bridge's console API (cast inside evaluate: no global typing). */
type LabWindow = Window & { __lab?: LabConsole };

test('the worker holds the same number of tensors after training, decodes and a reset', async ({ page, openLab }, testInfo) => {
  test.setTimeout(240_000);
  await openLab();
  const hasMemory = await page.evaluate(() => typeof (window as LabWindow).__lab?.memory === 'function');
  expect(hasMemory, 'window.__lab.memory() is exposed by src/state/labBridge.ts').toBe(true);
  const memory = () => page.evaluate(() => (window as LabWindow).__lab!.memory().then((m) => m.numTensors));

  const toggle = page.getByTestId('train-toggle');
  // The first step creates the optimizer's slots (Adam's moments): count from after it.
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText('1', { timeout: 60_000 });
  await expect(toggle).toBeEnabled();
  const baseline = await memory();
  expect(baseline).toBeGreaterThan(0);

  await page.evaluate(() => (window as LabWindow).__lab!.step(10));
  expect(await memory(), 'after 10 more steps').toBe(baseline);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // Long enough for several test evaluations, code maps and reconstructions (about 1/s).
  await page.waitForTimeout(5_000);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false', { timeout: 30_000 });
  const steps = Number(await page.getByTestId('metric-step').textContent());
  expect(steps).toBeGreaterThan(11);
  expect(await memory(), `after training to step ${steps}`).toBe(baseline);

  const grid = page.getByTestId('latent-grid');
  await grid.scrollIntoViewIfNeeded();
  const box = (await grid.boundingBox())!;
  for (const [fx, fy] of [[0.2, 0.3], [0.5, 0.5], [0.8, 0.7]]) await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
  await expect(page.getByTestId('decoded-image')).toHaveAttribute('data-ink', /\d/);
  const slider = page.getByTestId('latent-slider-0');
  await slider.focus();
  for (const key of ['End', 'Home', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
  await page.evaluate(async () => {
    for (let i = 0; i < 20; i++) await (window as LabWindow).__lab!.decodeMapPoint(i / 10 - 1, 1 - i / 10);
    await (window as LabWindow).__lab!.decodeGrid(16, { xMin: -2, xMax: 2, yMin: -2, yMax: 2 });
  });
  // Let the page's throttled decodes (one per frame) finish.
  await page.waitForTimeout(1_000);
  expect(await memory(), 'after decodes').toBe(baseline);

  await page.getByTestId('reset-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText('0', { timeout: 30_000 });
  await page.evaluate(() => (window as LabWindow).__lab!.step(1));
  expect(await memory(), 'after a reset and one step').toBe(baseline);
  testInfo.annotations.push({ type: 'tensors', description: `${baseline} live tensors throughout (${steps} steps trained)` });
});
