/**
 * The core lab end to end on wasm: open the lab, configure a model in the editor, train on a
 * small subset until the test loss falls by a quarter and beats PCA, and check what a student
 * sees (the map of the codes, a grid click, a slider). The software-GPU projects check the same
 * views after a shorter run, in the one page they boot (e2e/softwareGpu.spec.ts).
 */
import { test, expect } from './fixtures';
import { readMetric, watchMetric } from './labPage';
import { checkCodeMapAndDecoding } from './coreLabSteps';

/** A small training subset (the smallest the lab allows): the upload and the PCA fit are quick. */
const TRAIN_SIZE = '1000';
/**
 * Code size for these runs. The lab starts its decoder at the mean training image (output
 * bias), so the first test loss is already the mean image's (~0.256 bce) instead of ~0.69:
 * a 2-number code can only take about a fifth off that, while 16 numbers take a quarter off
 * within ~1,500 training samples. It also exercises the projected map (codes > 2).
 */
const CODE_SIZE = '16';
/** Upper bounds (a run takes far less on an idle machine). */
const BUDGET = { testTimeout: 300_000, lossFall: 90_000, worker: 30_000 } as const;
/** Training goes on until the test error beats the PCA line of the same code size. */
const BEAT_PCA_MS = 150_000;

test('trains, maps the codes and decodes clicks and sliders', async ({ page, openLab }, testInfo) => {
  const budget = BUDGET;
  test.setTimeout(budget.testTimeout);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await openLab();
  // The badge is checked by openLab: it names the forced backend once it passed its self-check.

  await test.step('configure a 16-number code and a small training subset', async () => {
    for (const [i, width] of ['256', '64'].entries()) await page.getByLabel(`Layer ${i + 1}`, { exact: true }).fill(width);
    await page.getByLabel('Code size (bottleneck)').fill(CODE_SIZE);
    await page.getByLabel('Training-set size').fill(TRAIN_SIZE);
    const apply = page.getByTestId('apply-config');
    await expect(apply).toBeEnabled();
    await apply.click();
    await expect(apply).toBeDisabled({ timeout: budget.worker });
    await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: budget.worker });
  });

  const toggle = page.getByTestId('train-toggle');
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
    const losses = [firstLoss, ...(await watchMetric(page, 'metric-test-loss', (v) => v <= 0.75 * firstLoss, budget.lossFall))];
    testInfo.annotations.push({ type: 'test loss', description: `${losses[0]} -> ${losses[losses.length - 1]} (${losses.length} readings)` });
    const steps = await readMetric(page, 'metric-step');
    const rate = await readMetric(page, 'metric-samples-per-sec');
    testInfo.annotations.push({ type: 'speed', description: `${steps} steps, ${rate} samples/s` });
    expect(steps).toBeGreaterThan(0);
    expect(rate).toBeGreaterThan(0);
  });

  await test.step('the test squared error beats the PCA line of the same code size', async () => {
    await expect(page.getByTestId('metric-pca-squared-error')).toHaveText(/^\d/);
    const pca = await readMetric(page, 'metric-pca-squared-error');
    expect(pca).toBeGreaterThan(0);
    const errors = await watchMetric(page, 'metric-test-squared-error', (v) => v < pca, BEAT_PCA_MS);
    testInfo.annotations.push({ type: 'vs PCA', description: `test squared error ${errors[errors.length - 1]} < PCA ${pca}` });
  });

  await test.step('pause', async () => {
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false', { timeout: budget.worker });
  });

  await checkCodeMapAndDecoding(page, testInfo, { codeSize: CODE_SIZE, workerMs: budget.worker, name: testInfo.project.name, points: 5000 });
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
});
