/**
 * Lesson 11, the convolutional autoencoder, in the real page (wasm project): the link opens the
 * conv preset, the feature-map panel draws every layer of a test digit, training beats PCA with
 * as many numbers (the claim), and switching the decoder rebuilds the model. Screenshot of the
 * panel to e2e/screenshots/kind-conv-feature-maps.png.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { BOOT_TIMEOUT_MS, expect, test } from './fixtures';
import { readMetric } from './labPage';

test('lesson convolutional: feature maps of every layer, and the conv autoencoder ends 30% below PCA-32 after two epochs', async ({ page, backend }, testInfo) => {
  const budget = 240_000;
  test.setTimeout(BOOT_TIMEOUT_MS + budget + 90_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`./?backend=${backend}#v=1&lesson=convolutional&lang=en`);
  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: BOOT_TIMEOUT_MS });

  const panel = page.getByTestId('feature-maps');
  await test.step('the lesson, its preset and the feature maps of the untrained model', async () => {
    await expect(page.getByTestId('lesson-text').getByRole('heading', { level: 2 })).toContainText('Convolutional autoencoder');
    await expect(page.getByTestId('model-kind')).toHaveValue('conv');
    await expect(page.getByTestId('conv-channels')).toHaveValue('16, 8');
    await expect(page.getByTestId('conv-decoder')).toHaveValue('maxUnpool');
    await expect(page.getByRole('img', { name: 'Diagram of the autoencoder: 784–3136–392–32–392–3136–784' })).toBeVisible();
    await expect(panel).toBeVisible();
    // input, conv 1, pool 1, conv 2, pool 2, code, dense, unpool 2, conv 2, unpool 1, conv 1, reconstruction
    await expect(panel.getByTestId('feature-map-layer')).toHaveCount(12, { timeout: 60_000 });
    await expect(panel.getByTestId('feature-map-layer').nth(1)).toHaveAttribute('data-channels', '16');
    await expect(panel.getByTestId('feature-map-layer').nth(1)).toHaveAttribute('data-side', '28');
    await expect(panel.getByTestId('feature-map-layer').nth(4)).toHaveAttribute('data-side', '7');
  });

  const claim = page.getByTestId('claim-status');
  const t0 = Date.now();
  await test.step('train until the claim holds', async () => {
    await expect(page.getByTestId('metric-pca-squared-error')).toHaveText(/^\d/, { timeout: 60_000 });
    await expect(claim).toHaveAttribute('data-state', 'pending');
    await page.getByTestId('train-toggle').click();
    await expect(claim).toHaveAttribute('data-state', 'holds', { timeout: budget });
    await page.getByTestId('train-toggle').click();
    await expect(page.getByTestId('train-toggle')).toHaveAttribute('aria-pressed', 'false');
  });

  await test.step('the claim agrees with the page: test squared error below PCA-32', async () => {
    const error = await readMetric(page, 'metric-test-squared-error');
    const pca = await readMetric(page, 'metric-pca-squared-error');
    expect(error).toBeLessThan(0.7 * pca);
    const note = `test squared error ${error} vs PCA-32 ${pca} at epoch ${await page.getByTestId('metric-epoch').textContent()} after ${((Date.now() - t0) / 1000).toFixed(0)} s`;
    testInfo.annotations.push({ type: 'claim convolutional', description: note });
    console.log(`claim convolutional: ${note}`);
  });

  await test.step('the trained first convolution has channels of different patterns (not blank)', async () => {
    const spread = await panel.locator('canvas').nth(1).evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let min = 255;
      let max = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0) [min, max] = [Math.min(min, d[i]), Math.max(max, d[i])];
      return max - min;
    });
    expect(spread).toBeGreaterThan(100);
    mkdirSync('e2e/screenshots', { recursive: true });
    await panel.screenshot({ path: 'e2e/screenshots/kind-conv-feature-maps.png' });
    const axe = await new AxeBuilder({ page }).include('[data-testid="feature-maps"]').include('[data-testid="kind-fields"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  await test.step('another decoder rebuilds the model: deconvolution layers, a fresh run', async () => {
    await page.getByTestId('conv-decoder').selectOption('deconvolution');
    await page.getByTestId('apply-config').click();
    // Configure waits for the paused run's background test and checks the kind on the backend.
    await expect.poll(() => new URL(page.url()).hash, { timeout: 120_000 }).toContain('decoder=deconvolution');
    // input, conv 1, pool 1, conv 2, pool 2, code, dense, deconv 2, deconv 1, reconstruction
    await expect(panel.getByTestId('feature-map-layer')).toHaveCount(10, { timeout: 60_000 });
    await expect(panel.getByText('deconvolution 2')).toBeVisible();
  });
  expect(pageErrors).toEqual([]);
});
