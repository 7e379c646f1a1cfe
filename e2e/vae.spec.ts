/**
 * The VAE lessons in the real page (wasm project): lesson 12 `vae` and lesson 16
 * `beta-vae-traversal` open from their links, train briefly, and the figures the panels show
 * back the claims. Screenshots of the panels go to e2e/screenshots/.
 *
 * Budgets: lesson 12's claim (ELBO above -162 after 10 epochs) takes too long for CI on wasm, so
 * this test trains two epochs and holds the ELBO card to a looser bar, above -185 nats per image
 * (Node wasm, the same preset: -169.2 after 2 epochs; docs/quality/vaeLessons.md). Lesson 16's
 * claim is judged as the lesson states it (after three epochs).
 */
import { mkdirSync } from 'node:fs';
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

/** Trains until the epoch counter reaches `epochs`, then pauses. */
async function trainEpochs(page: Page, epochs: number, budget: number): Promise<void> {
  await page.getByTestId('train-toggle').click();
  await expect.poll(() => readMetric(page, 'metric-epoch'), { timeout: budget, intervals: [500] }).toBeGreaterThanOrEqual(epochs);
  await page.getByTestId('train-toggle').click();
  await expect(page.getByTestId('train-toggle')).toHaveAttribute('aria-pressed', 'false');
}

const inked = (ink: number[]) => ink.filter((v) => v > 0.5).length;

test('lesson vae: the link opens the 2-D VAE; ELBO, its terms, samples, the prior-quantile grid and the plain autoencoder beside it', async ({ page, backend }, testInfo) => {
  test.setTimeout(BOOT_TIMEOUT_MS + 180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await openLink(page, backend, link({ lesson: 'vae', batch: '100', lr: '0.001', grid: '10' }));

  const panel = page.getByTestId('vae-panel');
  await test.step('the lesson, its preset and the VAE panel', async () => {
    await expect(page.getByTestId('lesson-text').getByRole('heading', { level: 2 })).toContainText('The variational autoencoder');
    await expect(page.getByTestId('notice-link-ignored')).toHaveCount(0);
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('vae-beta-value')).toHaveText('1');
    // The untrained model's figures arrive with the first views.
    await expect.poll(() => readMetric(page, 'vae-elbo'), { timeout: 30_000 }).toBeLessThan(-150);
    await expect(page.getByTestId('latent-grid')).toHaveAttribute('data-axes', 'prior');
  });

  const t0 = Date.now();
  await test.step('two epochs of training', () => trainEpochs(page, 2, 120_000));
  const seconds = (Date.now() - t0) / 1000;

  const figures = await test.step('ELBO = -(reconstruction + KL), above the short budget\'s bar; few empty cells', async () => {
    const elbo = await readMetric(page, 'vae-elbo');
    const reconstruction = await readMetric(page, 'vae-reconstruction');
    const kl = await readMetric(page, 'vae-kl');
    const empty = Number.parseFloat((await page.getByTestId('vae-empty-cells').textContent()) ?? '') / 100;
    expect(Math.abs(elbo + reconstruction + kl)).toBeLessThan(0.2);
    expect(elbo).toBeGreaterThan(-185);
    expect(kl).toBeGreaterThan(1);
    expect(empty).toBeLessThan(0.15);
    await expect(page.getByTestId('elbo-chart')).toBeVisible();
    return { elbo, reconstruction, kl, empty };
  });

  await test.step('Sample decodes fresh codes at each press', async () => {
    await page.getByTestId('vae-sample').click();
    await expect(page.getByTestId('vae-samples')).toHaveAttribute('data-drawn', 'true');
    const first = await canvasInk(page, 'vae-samples');
    expect(inked(first)).toBeGreaterThan(16 * 40);
    await page.getByTestId('vae-sample').click();
    await expect.poll(async () => (await canvasInk(page, 'vae-samples')).some((v, i) => Math.abs(v - first[i]) > 0.2)).toBe(true);
  });

  const plain = await test.step('a plain autoencoder beside it: its grids and empty cells', async () => {
    await page.getByTestId('vae-compare').click();
    await expect(page.getByTestId('vae-compare-grids')).toBeVisible({ timeout: 120_000 });
    const pct = async (id: string) => Number.parseFloat((await page.getByTestId(id).textContent()) ?? '') / 100;
    const box = await pct('plain-box-empty');
    const prior = await pct('plain-prior-empty');
    // Ink in every grid (the plain model's grid at the prior's quantiles is a blur of its centre: less).
    const ink = await Promise.all(['vae-grid-prior', 'plain-grid-box', 'plain-grid-prior'].map(async (id) => inked(await canvasInk(page, id))));
    console.log(`grid ink (pixels above 0.5): VAE ${ink[0]}, plain own range ${ink[1]}, plain prior ${ink[2]}`);
    expect(ink[0]).toBeGreaterThan(1500);
    expect(ink[1]).toBeGreaterThan(1500);
    expect(ink[2]).toBeGreaterThan(0);
    // A plain autoencoder's codes leave gaps in its own range (docs/quality/vae.md): more holes than the VAE's grid.
    expect(box).toBeGreaterThan(figures.empty);
    return { box, prior };
  });

  mkdirSync('e2e/screenshots', { recursive: true });
  await panel.screenshot({ path: 'e2e/screenshots/vae-panel.png' });
  const note = `ELBO ${figures.elbo} (reconstruction ${figures.reconstruction}, KL ${figures.kl}), empty cells ${figures.empty}; plain AE empty cells ${plain.box} (own range), ${plain.prior} (prior quantiles); 2 epochs in ${seconds.toFixed(0)} s`;
  testInfo.annotations.push({ type: 'claim vae', description: note });
  console.log(`claim vae: ${note}`);
  expect(pageErrors).toEqual([]);
});

test('lesson beta-vae-traversal: the β-VAE switches code numbers off, and the traversal shows one row per number', async ({ page, backend }, testInfo) => {
  test.setTimeout(BOOT_TIMEOUT_MS + 180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await openLink(page, backend, link({ lesson: 'beta-vae-traversal', code: '8', batch: '100', lr: '0.001' }));

  const panel = page.getByTestId('traversal');
  await expect(page.getByTestId('lesson-text').getByRole('heading', { level: 2 })).toContainText('Feature disentanglement');
  await expect(page.getByTestId('notice-link-ignored')).toHaveCount(0);
  await expect(page.getByTestId('vae-beta-value')).toHaveText('4');
  await expect(panel).toBeVisible();
  const claim = page.getByTestId('claim-status');
  await expect(claim).toHaveAttribute('data-state', 'pending');

  const t0 = Date.now();
  await page.getByTestId('train-toggle').click();
  await expect(claim).toHaveAttribute('data-state', /holds|fails/, { timeout: 150_000 });
  await page.getByTestId('train-toggle').click();
  await expect(claim).toHaveAttribute('data-state', 'holds');
  const seconds = (Date.now() - t0) / 1000;

  // The rows of the paused model (not the untrained one's, drawn at the start).
  // (The last progress event may land after the pause: compare with the step shown now.)
  const shownStep = async () => ((await page.getByTestId('metric-step').textContent()) ?? '').replace(/\D/g, '');
  await expect.poll(async () => (await panel.getAttribute('data-step')) === (await shownStep()), { timeout: 30_000 }).toBe(true);
  mkdirSync('e2e/screenshots', { recursive: true });
  await panel.screenshot({ path: 'e2e/screenshots/beta-vae-traversal.png' });
  await test.step('the traversal: 8 rows; the claim\'s count is the rows whose KL is above 0.1 nats', async () => {
    await expect(page.getByTestId('traversal-images-7')).toHaveAttribute('data-drawn', 'true');
    const kls = await Promise.all(Array.from({ length: 8 }, (_, j) => readMetric(page, `traversal-kl-${j}`)));
    const used = kls.filter((v) => v > 0.1).length;
    expect(used).toBeLessThan(7);
    expect(used).toBeGreaterThanOrEqual(2);
    const detail = (await page.getByTestId('claim-detail').textContent()) ?? '';
    // Every row is drawn; the row of the number with the most KL changes the image more than the
    // row of the number with the least (Node, the same preset after 3 epochs: 98 against 13
    // summed pixel changes; docs/quality/traversal.md).
    const spread = async (j: number) => {
      const ink = await canvasInk(page, `traversal-images-${j}`);
      // 7 tiles of 28 x 28 with 1 pixel between them (DigitTiles' gap).
      const w = ink.length / 28;
      const tile = (k: number) => Array.from({ length: 28 * 28 }, (_, p) => ink[Math.floor(p / 28) * w + k * 29 + (p % 28)]);
      expect(tile(3).filter((v) => v > 0.3).length).toBeGreaterThan(20);
      const a = tile(0);
      const b = tile(6);
      return a.reduce((s, v, i) => s + Math.abs(v - b[i]), 0);
    };
    const spreads: number[] = [];
    for (let j = 0; j < 8; j++) spreads.push(Math.round(await spread(j)));
    const top = kls.indexOf(Math.max(...kls));
    const bottom = kls.indexOf(Math.min(...kls));
    expect(spreads[top]).toBeGreaterThan(2 * spreads[bottom]);
    const note = `KL per code number ${kls.join(', ')}; used ${used}; change along each row ${spreads.join(', ')}; claim "${detail}" after ${seconds.toFixed(0)} s`;
    testInfo.annotations.push({ type: 'claim beta-vae-traversal', description: note });
    console.log(`claim beta-vae-traversal: ${note}`);
  });
  expect(pageErrors).toEqual([]);
});
