/**
 * The core lab end to end, once per backend project (webgpu, webgl, wasm): open the lab
 * forced to the project's backend, train on a small subset, and check what a student sees.
 */
import { mkdirSync } from 'node:fs';
import { test, expect } from './fixtures';
import { canvasInk, expectDigitInDecodedImage, readMetric, scatterColouredPixels, watchMetric } from './labPage';

/** A small training subset (the smallest the lab allows): the upload and the PCA fit are quick. */
const TRAIN_SIZE = '1000';
/**
 * Code size for these runs. The lab starts its decoder at the mean training image (output
 * bias), so the first test loss is already the mean image's (~0.256 bce) instead of ~0.69:
 * a 2-number code can only take about a fifth off that, while 16 numbers take a quarter off
 * within ~1,500 training samples. It also exercises the projected map (codes > 2).
 */
const CODE_SIZE = '16';

/**
 * The encoder widths per backend. A software GPU (SwiftShader) runs each layer about ten
 * times slower than wasm and compiles a shader per new op: one hidden layer of 64 there takes
 * a quarter of the arithmetic of the default 256, 64 (its loss falls by a quarter in ~40 steps
 * instead of ~30, in a Node run), which keeps the suite short. wasm trains the default.
 */
const LAYERS = { webgpu: ['64'], webgl: ['64'], wasm: ['256', '64'], cpu: ['256', '64'] } as const;

/**
 * Upper bounds per backend (a run takes far less on an idle machine). WebGPU on SwiftShader
 * is a software GPU, about 10x slower than wasm, and compiles each new shader slowly: its
 * first step, first evaluation and first map of the codes take tens of seconds.
 */
const BUDGET = {
  webgpu: { testTimeout: 900_000, lossFall: 240_000, worker: 180_000 },
  webgl: { testTimeout: 600_000, lossFall: 180_000, worker: 120_000 },
  wasm: { testTimeout: 300_000, lossFall: 90_000, worker: 30_000 },
  cpu: { testTimeout: 420_000, lossFall: 180_000, worker: 90_000 },
} as const;
/** wasm only: training goes on until the test error beats the PCA line of the same code size. */
const BEAT_PCA_MS = 150_000;

test('trains, maps the codes and decodes clicks and sliders', async ({ page, backend, openLab }, testInfo) => {
  const budget = BUDGET[backend];
  test.setTimeout(budget.testTimeout);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await openLab();
  // The badge is checked by openLab: it names the forced backend once it passed its self-check.

  await test.step('configure a 16-number code and a small training subset', async () => {
    const layers = LAYERS[backend];
    if (layers.length === 1) await page.getByRole('button', { name: 'Remove layer 2' }).click();
    for (const [i, width] of layers.entries()) await page.getByLabel(`Layer ${i + 1}`, { exact: true }).fill(width);
    await page.getByLabel('Code size (bottleneck)').fill(CODE_SIZE);
    await page.getByLabel('Training-set size').fill(TRAIN_SIZE);
    const apply = page.getByTestId('apply-config');
    await expect(apply).toBeEnabled();
    await apply.click();
    await expect(apply).toBeDisabled({ timeout: budget.worker });
    await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: budget.worker });
  });

  const toggle = page.getByTestId('train-toggle');
  let losses: number[] = [];
  let firstLoss = Number.NaN;
  await test.step('one step measures the test loss of the (nearly) untrained model', async () => {
    await expect(page.getByTestId('metric-test-loss')).not.toHaveText(/^\d/);
    await page.getByTestId('step-button').click();
    await expect(page.getByTestId('metric-step')).toHaveText('1', { timeout: budget.worker });
    await expect(page.getByTestId('metric-test-loss')).toHaveText(/^\d/, { timeout: budget.worker });
    firstLoss = await readMetric(page, 'metric-test-loss');
    expect(firstLoss).toBeGreaterThan(0);
  });

  await test.step('training: the test loss falls by at least a quarter', async () => {
    // The worker answers once it has finished what the step started (codes for the map).
    await expect(toggle).toBeEnabled({ timeout: budget.worker });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true', { timeout: budget.worker });
    losses = [firstLoss, ...(await watchMetric(page, 'metric-test-loss', (v) => v <= 0.75 * firstLoss, budget.lossFall))];
    testInfo.annotations.push({ type: 'test loss', description: `${losses[0]} -> ${losses[losses.length - 1]} (${losses.length} readings)` });
    const steps = await readMetric(page, 'metric-step');
    const rate = await readMetric(page, 'metric-samples-per-sec');
    testInfo.annotations.push({ type: 'speed', description: `${steps} steps, ${rate} samples/s` });
    expect(steps).toBeGreaterThan(0);
    expect(rate).toBeGreaterThan(0);
  });

  if (backend === 'wasm') {
    await test.step('the test squared error beats the PCA line of the same code size', async () => {
      await expect(page.getByTestId('metric-pca-squared-error')).toHaveText(/^\d/);
      const pca = await readMetric(page, 'metric-pca-squared-error');
      expect(pca).toBeGreaterThan(0);
      const errors = await watchMetric(page, 'metric-test-squared-error', (v) => v < pca, BEAT_PCA_MS);
      testInfo.annotations.push({ type: 'vs PCA', description: `test squared error ${errors[errors.length - 1]} < PCA ${pca}` });
    });
  }

  await test.step('pause', async () => {
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false', { timeout: budget.worker });
  });

  await test.step('the scatter holds the test digits as coloured points', async () => {
    const scatter = page.getByTestId('latent-scatter');
    await expect(page.getByTestId('latent-scatter-caption')).toContainText(`${CODE_SIZE} numbers`);
    await expect(page.getByTestId('latent-scatter-caption')).toContainText('principal components');
    await expect(scatter).toHaveAttribute('data-points', /^\d+$/);
    expect(Number(await scatter.getAttribute('data-points'))).toBeGreaterThanOrEqual(5000);
    // Thousands of points of several colours; an empty plot has only grey axes and paper.
    await expect.poll(() => scatterColouredPixels(page), { timeout: budget.worker }).toBeGreaterThan(2000);
  });

  /** Near the middle of the map, where the codes are dense: a clear digit, not an outlier. */
  const clickGrid = async () => {
    const grid = page.getByTestId('latent-grid');
    // The grid on screen shows the newest codes: the same spot then decodes the same point.
    await expect(grid).toHaveAttribute('data-current', 'true', { timeout: budget.worker });
    await grid.scrollIntoViewIfNeeded();
    const box = await grid.boundingBox();
    expect(box).not.toBeNull();
    await page.mouse.click(box!.x + box!.width * 0.45, box!.y + box!.height * 0.55);
  };

  let before: { dataInk: number; ink: number[] } = { dataInk: 0, ink: [] };
  await test.step('a click on the latent grid decodes a digit', async () => {
    await clickGrid();
    await expect(page.getByTestId('decoded-image')).toHaveAttribute('data-ink', /\d/, { timeout: budget.worker });
    before = await expectDigitInDecodedImage(page);
  });

  await test.step('moving a slider changes the decoded digit', async () => {
    const slider = page.getByTestId('latent-slider-0');
    await slider.scrollIntoViewIfNeeded();
    await expect(slider).toBeEnabled();
    // Drag the first code dimension to one end of its range, then to the other end.
    await slider.focus();
    await page.keyboard.press('End');
    await expect.poll(async () => Number(await page.getByTestId('decoded-image').getAttribute('data-ink')), { timeout: budget.worker }).not.toBe(before.dataInk);
    const atEnd = await canvasInk(page, 'decoded-image');
    await page.keyboard.press('Home');
    await expect.poll(async () => pixelChange(await canvasInk(page, 'decoded-image'), atEnd), { timeout: budget.worker }).toBeGreaterThan(5);
    // And the far end differs from the clicked digit too (an early model changes it little).
    expect(pixelChange(atEnd, before.ink), 'ink moved by the slider').toBeGreaterThan(1);
  });

  await test.step('screenshot', async () => {
    // Back to the clicked digit (the slider left an extreme code in the decoded image).
    await clickGrid();
    await expect.poll(async () => pixelChange(await canvasInk(page, 'decoded-image'), before.ink), { timeout: budget.worker }).toBeLessThan(1);
    mkdirSync('e2e/screenshots', { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    const path = `e2e/screenshots/${testInfo.project.name}.png`;
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${testInfo.project.name}.png`, { path, contentType: 'image/png' });
  });

  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
});

/** Total absolute difference of two ink images (0 for identical images, up to 784). */
function pixelChange(a: number[], b: number[]): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  return a.reduce((sum, v, i) => sum + Math.abs(v - b[i]), 0);
}
