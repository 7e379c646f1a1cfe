/**
 * The autoencoder variants of issue 4 in the real page (wasm project only): each lesson opens
 * from its link, trains briefly, and its claim holds with the number the variant's own panel
 * shows. Screenshots of the panels go to e2e/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { BOOT_TIMEOUT_MS, expect, test } from './fixtures';
import { canvasInk, readMetric } from './labPage';

/** Every field of a version-1 link at the lab's defaults, as e2e/lessons.spec.ts writes them. */
const DEFAULT_FIELDS: Record<string, string> = {
  v: '1', lesson: 'what-is-an-autoencoder', layers: '256,64', code: '2', act: 'relu', out: 'sigmoid', loss: 'bce', l2: '0',
  opt: 'adam', lr: '0.002', mom: '0.9', batch: '64', n: '10000', seed: '1', log: '1', grid: '12', lang: 'en',
};
const link = (fields: Record<string, string>) =>
  Object.entries({ ...DEFAULT_FIELDS, ...fields })
    .map(([k, v]) => `${k}=${v}`)
    .join('&');

async function openLink(page: Page, backend: string, hash: string): Promise<void> {
  await page.goto(`./?backend=${backend}#${hash}`);
  await expect(page.getByTestId('backend-badge')).toHaveText(backend, { timeout: BOOT_TIMEOUT_MS });
  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: BOOT_TIMEOUT_MS });
}

/** Trains until the claim holds (or `budget` ms pass), then pauses; returns the claim's detail line. */
async function trainUntilClaimHolds(page: Page, budget: number): Promise<string> {
  const claim = page.getByTestId('claim-status');
  await expect(claim).toHaveAttribute('data-state', 'pending');
  await page.getByTestId('train-toggle').click();
  await expect(claim).toHaveAttribute('data-state', 'holds', { timeout: budget });
  await page.getByTestId('train-toggle').click();
  await expect(page.getByTestId('train-toggle')).toHaveAttribute('aria-pressed', 'false');
  return (await page.getByTestId('claim-detail').textContent()) ?? '';
}

/** Serious and critical axe violations inside one panel, one line each. */
async function panelViolations(page: Page, testId: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(`[data-testid="${testId}"]`).include('[data-testid="variant-fields"]').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** The number in a claim detail line ("…: 5.12 dB (needs above 4 dB)"), the first one. */
const claimValue = (detail: string) => Number.parseFloat(detail.split(': ')[1] ?? '');

test('lesson denoising: the link opens the preset, the panel shows clean | noisy | denoised, and the output beats the noisy input by 4 dB', async ({ page, backend }, testInfo) => {
  const budget = 120_000;
  test.setTimeout(BOOT_TIMEOUT_MS + budget + 60_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  // The lesson's preset in full; the variant's keys as a teacher's link may spell them out.
  const hash = link({ lesson: 'denoising', code: '32', n: '5000', noise: 'gaussian', noiselevel: '0.5' });
  await openLink(page, backend, hash);

  const panel = page.getByTestId('denoising');
  await test.step('the lesson, its preset and the denoising panel', async () => {
    await expect(page.getByTestId('lesson-text').getByRole('heading', { level: 2 })).toContainText('Denoising autoencoder');
    await expect(page.getByRole('img', { name: 'Diagram of the autoencoder: 784–256–64–32–64–256–784' })).toBeVisible();
    await expect(page.getByTestId('notice-link-ignored')).toHaveCount(0);
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('variant-noise')).toHaveValue('gaussian');
    await expect(page.getByTestId('variant-noise-level')).toHaveValue('0.5');
    // The untrained model's numbers arrive with the first views: the noisy input is at 9.35 dB.
    await expect.poll(() => readMetric(page, 'metric-noisy-psnr'), { timeout: 30_000 }).toBeGreaterThan(8);
  });

  const t0 = Date.now();
  const detail = await test.step('train until the claim holds', () => trainUntilClaimHolds(page, budget));
  const seconds = (Date.now() - t0) / 1000;

  await test.step('the claim agrees with the panel\'s own numbers', async () => {
    const noisy = await readMetric(page, 'metric-noisy-psnr');
    const output = await readMetric(page, 'metric-output-psnr');
    const gain = await readMetric(page, 'metric-psnr-gain');
    expect(Math.abs(gain - (output - noisy))).toBeLessThan(0.01);
    expect(gain).toBeGreaterThan(4);
    // The panel and the claim show the same measurement (pausing may add one more, never a worse one by much).
    expect(Math.abs(claimValue(detail) - gain)).toBeLessThan(0.5);
    expect(noisy).toBeGreaterThan(9);
    expect(noisy).toBeLessThan(9.7);
    const note = `noisy ${noisy} dB, output ${output} dB, gain ${gain} dB; claim "${detail}" at epoch ${await page.getByTestId('metric-epoch').textContent()} after ${seconds.toFixed(0)} s`;
    testInfo.annotations.push({ type: 'claim denoising', description: note });
    console.log(`claim denoising: ${note}`);
  });

  await test.step('the rows are digits: ink in every row, the output closer to clean than the noisy input', async () => {
    const [clean, noisy, output] = await Promise.all(['denoising-clean', 'denoising-noisy', 'denoising-output'].map((id) => canvasInk(page, id)));
    expect(clean.length).toBe(10 * 28 * 28 + 9 * 2 * 28);
    expect(noisy.length).toBe(clean.length);
    expect(output.length).toBe(clean.length);
    const distance = (a: number[]) => a.reduce((s, v, i) => s + (v - clean[i]) ** 2, 0);
    expect(distance(output)).toBeLessThan(0.6 * distance(noisy));
    expect(output.filter((v) => v > 0.5).length).toBeGreaterThan(300);
  });

  await test.step('screenshot of the panel', async () => {
    mkdirSync('e2e/screenshots', { recursive: true });
    await panel.screenshot({ path: 'e2e/screenshots/variant-denoising.png' });
    expect(await panelViolations(page, 'denoising')).toEqual([]);
  });

  await test.step('noise none removes the panel; the link drops the keys', async () => {
    await page.getByTestId('variant-noise').selectOption('none');
    await page.getByTestId('apply-config').click();
    await expect(panel).toHaveCount(0);
    await expect.poll(() => new URL(page.url()).hash).toContain('noise=none');
  });
  expect(pageErrors).toEqual([]);
});

test('lesson contractive: the link opens the preset and the sensitivity panel, and the code\'s relative sensitivity ends below 0.022', async ({ page, backend }, testInfo) => {
  const budget = 150_000;
  test.setTimeout(BOOT_TIMEOUT_MS + budget + 60_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  const hash = link({ lesson: 'contractive', layers: '64', code: '16', act: 'sigmoid', n: '5000', contractive: '0.001' });
  await openLink(page, backend, hash);

  const panel = page.getByTestId('contractive');
  await test.step('the lesson, its preset and the panel', async () => {
    await expect(page.getByTestId('lesson-text').getByRole('heading', { level: 2 })).toContainText('Contractive autoencoder');
    await expect(page.getByRole('img', { name: 'Diagram of the autoencoder: 784–64–16–64–784' })).toBeVisible();
    await expect(page.getByTestId('notice-link-ignored')).toHaveCount(0);
    await expect(page.getByTestId('variant-contractive')).toHaveValue('0.001');
    await expect(panel).toBeVisible();
    await expect.poll(() => readMetric(page, 'metric-relative-sensitivity'), { timeout: 30_000 }).toBeGreaterThan(0);
  });

  const t0 = Date.now();
  const detail = await test.step('train until the claim holds', () => trainUntilClaimHolds(page, budget));
  const seconds = (Date.now() - t0) / 1000;

  await test.step('the claim agrees with the panel\'s number', async () => {
    const relative = await readMetric(page, 'metric-relative-sensitivity');
    const raw = await readMetric(page, 'metric-sensitivity');
    const spread = await readMetric(page, 'metric-code-spread');
    expect(relative).toBeLessThan(0.022);
    expect(Math.abs(relative - raw / spread)).toBeLessThan(0.002);
    expect(Math.abs(claimValue(detail) - relative)).toBeLessThan(0.003);
    expect(Number(await page.getByTestId('sensitivity-trace').getAttribute('data-points'))).toBeGreaterThan(2);
    const note = `relative ${relative}, sensitivity ${raw}, spread ${spread}; claim "${detail}" at epoch ${await page.getByTestId('metric-epoch').textContent()} after ${seconds.toFixed(0)} s`;
    testInfo.annotations.push({ type: 'claim contractive', description: note });
    console.log(`claim contractive: ${note}`);
  });

  await test.step('screenshot of the panel', async () => {
    mkdirSync('e2e/screenshots', { recursive: true });
    await panel.screenshot({ path: 'e2e/screenshots/variant-contractive.png' });
    expect(await panelViolations(page, 'contractive')).toEqual([]);
  });

  await test.step('a second hidden layer with the penalty is refused with the reason', async () => {
    await page.getByRole('button', { name: 'Add layer' }).click();
    await expect(page.getByText(/at most one hidden layer/).first()).toBeVisible();
    await expect(page.getByTestId('apply-config')).toBeDisabled();
  });
  expect(pageErrors).toEqual([]);
});

test('lesson sparse: the link opens the 784-1000-784 preset and the activity panel; with L1 few units stay active, the features are drawn, and the ~19 MB model is saved', async ({ page, backend }, testInfo) => {
  const budget = 150_000;
  test.setTimeout(BOOT_TIMEOUT_MS + budget + 60_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  // The lesson's preset in full; the sparse keys as a teacher's link may spell them out.
  const hash = link({ lesson: 'sparse', layers: 'none', code: '1000', n: '3000', codeact: 'relu', sparsity: 'l1', sparsityweight: '0.0001' });
  await openLink(page, backend, hash);

  const panel = page.getByTestId('sparse');
  await test.step('the lesson, its preset, the panel and the copy baseline', async () => {
    await expect(page.getByTestId('lesson-text').getByRole('heading', { level: 2 })).toContainText('Sparse autoencoder');
    await expect(page.getByRole('img', { name: 'Diagram of the autoencoder: 784–1000–784' })).toBeVisible();
    await expect(page.getByTestId('notice-link-ignored')).toHaveCount(0);
    await expect(page.getByTestId('variant-sparsity')).toHaveValue('l1');
    await expect(page.getByTestId('variant-code-activation')).toHaveValue('relu');
    await expect(panel).toBeVisible();
    await expect.poll(() => readMetric(page, 'metric-active-fraction'), { timeout: 30_000 }).toBeGreaterThan(0);
    // A 1000-number code is compared with the exact copy, not a 1000-component PCA.
    await expect(page.getByText('PCA baseline (k = 784: every pixel, an exact copy)').first()).toBeVisible({ timeout: 30_000 });
  });

  const t0 = Date.now();
  const detail = await test.step('train until the claim holds', () => trainUntilClaimHolds(page, budget));
  const seconds = (Date.now() - t0) / 1000;

  await test.step('the claim agrees with the panel; features and histogram are drawn', async () => {
    const active = await readMetric(page, 'metric-active-fraction');
    const mean = await readMetric(page, 'metric-mean-activation');
    expect(active).toBeLessThan(40);
    expect(Math.abs(claimValue(detail) - active)).toBeLessThan(0.5);
    expect(mean).toBeGreaterThan(0);
    await expect(page.getByTestId('sparse-features')).toHaveAttribute('data-count', '100');
    const ink = await canvasInk(page, 'sparse-features');
    // Weights drawn around mid-grey: some tiles' pixels far from it in both directions.
    expect(ink.filter((v) => v > 0.75).length).toBeGreaterThan(50);
    expect(ink.filter((v) => v < 0.25).length).toBeGreaterThan(50);
    await expect(page.getByTestId('activity-histogram')).toHaveAttribute('data-bins', '20');
    const note = `active ${active}%, mean activation ${mean}; claim "${detail}" at epoch ${await page.getByTestId('metric-epoch').textContent()} after ${seconds.toFixed(0)} s`;
    testInfo.annotations.push({ type: 'claim sparse', description: note });
    console.log(`claim sparse: ${note}`);
  });

  await test.step('the paused model is saved in the browser (export + IndexedDB, timed)', async () => {
    const saved = page.getByTestId('model-saved');
    await expect(saved).toBeVisible({ timeout: 30_000 });
    const ms = Number(await saved.getAttribute('data-save-ms'));
    console.log(`sparse model saved (784x1000x2 weights + Adam slots) in ${ms} ms`);
    testInfo.annotations.push({ type: 'sparse save', description: `${ms} ms` });
    expect(ms).toBeGreaterThan(0);
  });

  await test.step('screenshot of the panel', async () => {
    mkdirSync('e2e/screenshots', { recursive: true });
    await panel.screenshot({ path: 'e2e/screenshots/variant-sparse.png' });
    expect(await panelViolations(page, 'sparse')).toEqual([]);
  });

  await test.step('KL with a ReLU code is refused with the reason', async () => {
    await page.getByTestId('variant-sparsity').selectOption('kl');
    await expect(page.getByText(/must lie between 0 and 1/).first()).toBeVisible();
    await expect(page.getByTestId('apply-config')).toBeDisabled();
  });
  expect(pageErrors).toEqual([]);
});
