/**
 * Lesson 14, the adversarial autoencoder, in the real page: the lesson's link opens the preset
 * (kind adversarial, Gaussian prior), training brings the test codes within the claim's energy
 * distance of the prior, the panel and the claim show the same number, "Sample from the prior"
 * decodes prior samples into digit-like images, and the map draws the prior beneath the codes.
 * Screenshots go to e2e/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { BOOT_TIMEOUT_MS, expect, test } from './fixtures';
import { canvasInk, readMetric } from './labPage';

/** The number in a claim detail line ("…: 0.0512 (needs below 0.2)"), the first one. */
const claimValue = (detail: string) => Number.parseFloat(detail.split(': ')[1] ?? '');

test('lesson adversarial: the link opens the preset, the codes fill the Gaussian prior (energy distance below 0.2), and prior samples decode to digits', async ({ page, backend }, testInfo) => {
  // ms to wait for the claim; wasm needs about 40 s. AAE_BUDGET lengthens it for a software GPU.
  const budget = Number(process.env.AAE_BUDGET ?? 120_000);
  test.setTimeout(BOOT_TIMEOUT_MS + budget + 90_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  // Every field of a version-1 link, as a teacher's link spells them; the kind and the prior
  // come from the lesson's preset (their keys are written only where they differ from it).
  const fields = 'v=1&lesson=adversarial&layers=256,64&code=2&act=relu&out=sigmoid&loss=bce&l2=0&opt=adam&lr=0.002&mom=0.9&batch=64&n=5000&seed=1&log=1&grid=12&lang=en';
  await page.goto(`./?backend=${backend}#${fields}`);
  await expect(page.getByTestId('backend-badge')).toHaveText(backend, { timeout: BOOT_TIMEOUT_MS });
  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: BOOT_TIMEOUT_MS });

  const panel = page.getByTestId('adversarial');
  await test.step('the lesson, its preset, the panel and the prior under the map', async () => {
    await expect(page.getByTestId('lesson-text').getByRole('heading', { level: 2 })).toContainText('Adversarial autoencoder');
    await expect(page.getByRole('img', { name: 'Diagram of the autoencoder: 784–256–64–2–64–256–784' })).toBeVisible();
    await expect(page.getByTestId('notice-link-ignored')).toHaveCount(0);
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('adversarial-prior')).toHaveValue('gaussian');
    await expect(page.getByTestId('latent-scatter')).toHaveAttribute('data-prior', 'gaussian');
    await expect(page.getByTestId('scatter-prior-caption')).toBeVisible();
    await expect(page.getByTestId('claim-status')).toHaveAttribute('data-state', 'pending');
  });

  const t0 = Date.now();
  const detail = await test.step('train until the claim holds', async () => {
    const claim = page.getByTestId('claim-status');
    await page.getByTestId('train-toggle').click();
    await expect(claim).toHaveAttribute('data-state', 'holds', { timeout: budget });
    await page.getByTestId('train-toggle').click();
    await expect(page.getByTestId('train-toggle')).toHaveAttribute('aria-pressed', 'false');
    return (await page.getByTestId('claim-detail').textContent()) ?? '';
  });
  const seconds = (Date.now() - t0) / 1000;

  await test.step('the claim agrees with the panel\'s number', async () => {
    const distance = await readMetric(page, 'metric-prior-distance');
    const accuracy = await readMetric(page, 'metric-discriminator-accuracy');
    expect(distance).toBeLessThan(0.2);
    expect(distance).toBeGreaterThanOrEqual(0);
    // Pausing may add one more measurement; it never moves far.
    expect(Math.abs(claimValue(detail) - distance)).toBeLessThan(0.1);
    expect(accuracy).toBeGreaterThan(0);
    expect(accuracy).toBeLessThanOrEqual(100);
    const note = `energy distance ${distance}, discriminator accuracy ${accuracy}%; claim "${detail}" at epoch ${await page.getByTestId('metric-epoch').textContent()} after ${seconds.toFixed(0)} s`;
    testInfo.annotations.push({ type: 'claim adversarial', description: note });
    console.log(`claim adversarial: ${note}`);
  });

  await test.step('Sample from the prior: twelve decoded images, each with a digit\'s amount of ink', async () => {
    await page.getByTestId('sample-prior').click();
    const samples = page.getByTestId('prior-samples');
    await expect(samples).toHaveAttribute('data-draws', '1');
    await expect(samples).toBeVisible();
    const ink = await canvasInk(page, 'prior-samples');
    const [cols, side, gap] = [12, 28, 2];
    expect(ink.length).toBe((cols * side + (cols - 1) * gap) * side);
    const width = cols * side + (cols - 1) * gap;
    for (let c = 0; c < cols; c++) {
      let inked = 0;
      for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) if (ink[y * width + c * (side + gap) + x] > 0.3) inked++;
      // A digit covers roughly 60-250 of the 784 pixels; a blank or a grey smear does not.
      expect(inked, `sample ${c}`).toBeGreaterThan(30);
      expect(inked, `sample ${c}`).toBeLessThan(400);
    }
    // Another press draws other samples.
    await page.getByTestId('sample-prior').click();
    await expect(samples).toHaveAttribute('data-draws', '2');
    expect(await canvasInk(page, 'prior-samples')).not.toEqual(ink);
  });

  await test.step('screenshots and accessibility of the panel', async () => {
    mkdirSync('e2e/screenshots', { recursive: true });
    await panel.screenshot({ path: 'e2e/screenshots/variant-adversarial.png' });
    await page.locator('.latent-scatter').screenshot({ path: 'e2e/screenshots/adversarial-map.png' });
    const result = await new AxeBuilder({ page }).include('[data-testid="adversarial"]').analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
    expect(serious).toEqual([]);
  });

  await test.step('choosing the ring starts a new model with that prior; the link says so', async () => {
    await page.getByTestId('adversarial-prior').selectOption('ring');
    await expect(page.getByTestId('latent-scatter')).toHaveAttribute('data-prior', 'ring');
    await expect.poll(() => new URL(page.url()).hash).toContain('prior=ring');
    await expect(page.getByTestId('claim-status')).toHaveAttribute('data-state', 'pending');
  });
  expect(pageErrors).toEqual([]);
});
