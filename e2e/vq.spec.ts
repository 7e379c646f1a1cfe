/**
 * VQ-VAE (issue 4, lesson vq-vae) in the real page: the link opens the lesson's model, the
 * codes panel shows the digits' indices and the codebook's use, the claim (perplexity above
 * 24 on the live test digits after two epochs) holds, and editing one index changes the image
 * decoded from that digit's code. A screenshot of the panel goes to e2e/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { BOOT_TIMEOUT_MS, expect, test } from './fixtures';
import { canvasInk, readMetric } from './labPage';

/** The lesson's link with every field spelled out, as a teacher's copy of it would be. */
const HASH = [
  'v=1', 'lesson=vq-vae', 'layers=256,64', 'code=32', 'act=relu', 'out=sigmoid', 'loss=bce', 'l2=0', 'opt=adam', 'lr=0.002',
  'mom=0.9', 'batch=100', 'n=5000', 'seed=1', 'log=1', 'grid=12', 'lang=en', 'kind=vq', 'positions=8', 'codebook=64',
  'commitment=0.25', 'vqreset=25',
].join('&');

async function openLesson(page: Page, backend: string): Promise<void> {
  await page.goto(`./?backend=${backend}#${HASH}`);
  await expect(page.getByTestId('backend-badge')).toHaveText(backend, { timeout: BOOT_TIMEOUT_MS });
  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: BOOT_TIMEOUT_MS });
}

/** Sum of absolute ink differences of two images of the same size. */
const inkDistance = (a: number[], b: number[]) => a.reduce((s, v, i) => s + Math.abs(v - b[i]), 0);

test('lesson vq-vae: the link opens the VQ-VAE, its perplexity ends above 24, and editing an index changes the decoded digit', async ({ page, backend }, testInfo) => {
  const budget = 90_000;
  test.setTimeout(BOOT_TIMEOUT_MS + budget + 60_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await openLesson(page, backend);
  const panel = page.getByTestId('vq-codes');

  await test.step('the lesson, its model and the codes panel', async () => {
    await expect(page.getByTestId('lesson-text').getByRole('heading', { level: 2 })).toContainText('VQ-VAE');
    await expect(page.getByTestId('notice-link-ignored')).toHaveCount(0);
    await expect(page.getByTestId('vq-positions')).toHaveValue('8');
    await expect(page.getByTestId('vq-codebook-size')).toHaveValue('64');
    await expect(page.getByTestId('vq-reset-every')).toHaveValue('25');
    await expect(panel).toBeVisible();
    // The untrained model's codes arrive with the first views: 5 digits x 8 indices, 64 bars.
    await expect(page.getByTestId('vq-index-0-7')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('vq-histogram')).toHaveAttribute('data-bars', '64');
    await expect.poll(() => readMetric(page, 'metric-vq-perplexity'), { timeout: 30_000 }).toBeGreaterThan(0);
  });

  const t0 = Date.now();
  const detail = await test.step('train until the claim holds', async () => {
    const claim = page.getByTestId('claim-status');
    await expect(claim).toHaveAttribute('data-state', 'pending');
    await page.getByTestId('train-toggle').click();
    await expect(claim).toHaveAttribute('data-state', 'holds', { timeout: budget });
    await page.getByTestId('train-toggle').click();
    await expect(page.getByTestId('train-toggle')).toHaveAttribute('aria-pressed', 'false');
    return (await page.getByTestId('claim-detail').textContent()) ?? '';
  });
  const seconds = (Date.now() - t0) / 1000;

  await test.step('the claim agrees with the panel\'s perplexity', async () => {
    const perplexity = await readMetric(page, 'metric-vq-perplexity');
    expect(perplexity).toBeGreaterThan(24);
    expect(perplexity).toBeLessThanOrEqual(64);
    const claimed = Number.parseFloat(detail.split(': ')[1] ?? '');
    expect(Math.abs(claimed - perplexity)).toBeLessThan(3);
    await expect(page.getByTestId('vq-perplexity-trace')).not.toHaveAttribute('data-points', /^[01]$/);
    const used = (await page.getByTestId('metric-vq-codes-used').textContent()) ?? '';
    const note = `perplexity ${perplexity}, codes used ${used}; claim "${detail}" at epoch ${await page.getByTestId('metric-epoch').textContent()} after ${seconds.toFixed(0)} s`;
    testInfo.annotations.push({ type: 'claim vq-vae', description: note });
    console.log(`claim vq-vae: ${note}`);
  });

  await test.step('editing one index of a digit changes its decoded image; restoring brings it back', async () => {
    // After the pause the worker sends the paused model's codes; wait until the rows are decoded from them.
    // The step counter can trail the paused model by one throttled progress event; the codes the
    // worker sent at the pause are the model's own, at its step or later.
    const shown = await readMetric(page, 'metric-step');
    await expect.poll(async () => Number(await panel.getAttribute('data-codes-step')), { timeout: 10_000 }).toBeGreaterThanOrEqual(shown);
    const step = (await panel.getAttribute('data-codes-step')) ?? '';
    await expect(panel).toHaveAttribute('data-decoded-step', step, { timeout: 10_000 });
    const before = await canvasInk(page, 'vq-decoded-0');
    expect(before.length).toBe(28 * 28);
    const chip = page.getByTestId('vq-index-0-3');
    const k = Number((await chip.textContent())?.trim());
    await chip.click();
    await expect(page.getByTestId('vq-index-input')).toHaveValue(String(k));
    await expect(page.getByTestId('vq-everywhere')).toBeVisible();
    // The code farthest from k in number is as good a guess as any for a different vector.
    const other = (k + 32) % 64;
    await page.getByTestId('vq-index-input').fill(String(other));
    await expect(chip).toHaveText(String(other));
    await expect(chip).toHaveClass(/vq-chip--edited/);
    // The same indices decode to the same pixels (distance 0): any change is the edit's.
    await expect.poll(async () => inkDistance(await canvasInk(page, 'vq-decoded-0'), before), { timeout: 10_000 }).toBeGreaterThan(1);
    console.log(`vq-vae: one index of 8 changed (${k} -> ${other}) moves digit 0's image by ${inkDistance(await canvasInk(page, 'vq-decoded-0'), before).toFixed(1)} ink (sum over 784 pixels)`);
    // Out of range: a message, and the edit stays as it was.
    await page.getByTestId('vq-index-input').fill('64');
    await expect(panel.getByText('Pick a whole number from 0 to 63.')).toBeVisible();
    await expect(chip).toHaveText(String(other));
    await page.getByTestId('vq-restore').click();
    await expect(chip).toHaveText(String(k));
    await expect(page.getByTestId('vq-everywhere')).toHaveAttribute('aria-label', `Code ${k} decoded at all 8 positions`);
    await expect.poll(async () => inkDistance(await canvasInk(page, 'vq-decoded-0'), before), { timeout: 10_000 }).toBeLessThan(0.5);
  });

  await test.step('a histogram bar puts its code at the picked position', async () => {
    await page.getByTestId('vq-index-1-0').click();
    await page.getByTestId('vq-bar-5').click({ force: true });
    await expect(page.getByTestId('vq-index-1-0')).toHaveText('5');
    await expect(page.getByTestId('vq-everywhere')).toHaveAttribute('aria-label', 'Code 5 decoded at all 8 positions');
  });

  await test.step('screenshot and accessibility of the panel', async () => {
    mkdirSync('e2e/screenshots', { recursive: true });
    await panel.screenshot({ path: 'e2e/screenshots/variant-vq.png' });
    const result = await new AxeBuilder({ page }).include('[data-testid="vq-codes"]').include('[data-testid="kind-fields"]').analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
    expect(serious).toEqual([]);
  });
  expect(pageErrors).toEqual([]);
});
