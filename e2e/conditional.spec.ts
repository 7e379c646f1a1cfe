/**
 * Lesson style-swap (issue 4, feature disentanglement) in the real page: the link opens the
 * conditional autoencoder, a short training makes the claim hold with the number the
 * style-swap panel shows, and the style-swap row holds ten drawn digits.
 */
import { mkdirSync } from 'node:fs';
import { BOOT_TIMEOUT_MS, expect, test } from './fixtures';
import { canvasInk, digitFacts, readMetric } from './labPage';

const HASH = 'v=1&lesson=style-swap&kind=conditional&layers=256,64&code=4&act=relu&out=sigmoid&loss=bce&l2=0.005&opt=adam&lr=0.002&mom=0.9&batch=64&n=5000&seed=1&log=1&grid=12&lang=en';

test('lesson style-swap: the link opens the conditional autoencoder, swaps read as the digit asked for, and the row shows ten digits', async ({ page, backend }, testInfo) => {
  const budget = 120_000;
  test.setTimeout(BOOT_TIMEOUT_MS + budget + 60_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`./?backend=${backend}#${HASH}`);
  await expect(page.getByTestId('backend-badge')).toHaveText(backend, { timeout: BOOT_TIMEOUT_MS });
  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: BOOT_TIMEOUT_MS });

  const panel = page.getByTestId('style-swap');
  await test.step('the lesson, its preset and the style-swap panel', async () => {
    await expect(page.getByTestId('lesson-text').getByRole('heading', { level: 2 })).toContainText('Style swap');
    await expect(page.getByTestId('notice-link-ignored')).toHaveCount(0);
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('style-swap-digit')).toHaveCount(10);
    await expect(page.getByTestId('style-swap-source-text')).toHaveText(/Test digit #0 \(a 7\)/);
  });

  const claim = page.getByTestId('claim-status');
  const t0 = Date.now();
  await test.step('train until the claim holds, then pause', async () => {
    await expect(claim).toHaveAttribute('data-state', 'pending');
    await page.getByTestId('train-toggle').click();
    await expect(claim).toHaveAttribute('data-state', 'holds', { timeout: budget });
    await page.getByTestId('train-toggle').click();
    await expect(page.getByTestId('train-toggle')).toHaveAttribute('aria-pressed', 'false');
  });
  const seconds = (Date.now() - t0) / 1000;

  await test.step('the claim agrees with the panel: swaps read as asked, the code holds little of the digit', async () => {
    const detail = (await page.getByTestId('claim-detail').textContent()) ?? '';
    const swap = await readMetric(page, 'metric-swap-read');
    const knn = await readMetric(page, 'metric-code-label-knn');
    const own = await readMetric(page, 'metric-own-read');
    expect(swap).toBeGreaterThan(50);
    // The digit is far harder to read from this code than from a plain autoencoder's (about 65-70% there).
    expect(knn).toBeLessThan(55);
    expect(own).toBeGreaterThan(70);
    const note = `swaps read as asked ${swap}%, digit from code ${knn}%, own ${own}%; claim "${detail}" at epoch ${await page.getByTestId('metric-epoch').textContent()} after ${seconds.toFixed(0)} s`;
    testInfo.annotations.push({ type: 'claim style-swap', description: note });
    console.log(`claim style-swap: ${note}`);
  });

  await test.step('screenshot of the panel', async () => {
    // The row redraws after the pause with the trained model's codes.
    await expect(page.getByTestId('style-swap-row')).toHaveAttribute('data-current', 'true', { timeout: 30_000 });
    mkdirSync('e2e/screenshots', { recursive: true });
    await panel.screenshot({ path: 'e2e/screenshots/variant-style-swap.png' });
  });

  await test.step('the style-swap row shows ten digits, each different from the others', async () => {
    await expect.poll(() => page.getByTestId('style-swap-digit').evaluateAll((els) => els.filter((e) => Number((e as HTMLCanvasElement).dataset.ink) > 0).length)).toBe(10);
    const inks: number[][] = [];
    for (let d = 0; d < 10; d++) {
      const ink = await page.locator(`[data-testid="style-swap-digit"][data-digit="${d}"]`).evaluate((el) => {
        const canvas = el as HTMLCanvasElement;
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        const out: number[] = [];
        for (let i = 0; i < data.length; i += 4) out.push((data[i + 3] / 255) * (1 - (0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2]) / 255));
        return out;
      });
      const facts = digitFacts(ink);
      expect(facts.pixels).toBe(784);
      // A digit: some strong ink, mostly blank paper.
      expect(facts.inked).toBeGreaterThan(25);
      expect(facts.blankish).toBeGreaterThan(450);
      inks.push(ink);
    }
    // Ten different drawings (a decoder ignoring the label would draw the same image ten times).
    for (let a = 0; a < 10; a++) {
      for (let b = a + 1; b < 10; b++) {
        const distance = inks[a].reduce((s, v, i) => s + (v - inks[b][i]) ** 2, 0);
        expect(distance, `digits ${a} and ${b}`).toBeGreaterThan(1);
      }
    }
    const source = digitFacts(await canvasInk(page, 'style-swap-source'));
    expect(source.inked).toBeGreaterThan(25);
  });

  await test.step('the next test digit gives a new row', async () => {
    const before = await page.getByTestId('style-swap-digit').first().getAttribute('data-ink');
    await page.getByRole('button', { name: 'Next test digit' }).click();
    await expect(page.getByTestId('style-swap-source-text')).toHaveText(/Test digit #1 \(a 2\)/);
    await expect.poll(() => page.getByTestId('style-swap-digit').first().getAttribute('data-ink')).not.toBe(before);
  });
  await test.step('choosing the digit the latent grid draws redraws the grid', async () => {
    const grid = page.getByTestId('latent-grid');
    await expect(grid).toHaveAttribute('data-current', 'true', { timeout: 30_000 });
    const before = await canvasInk(page, 'latent-grid');
    await page.getByTestId('decode-label').selectOption('1');
    await expect.poll(async () => {
      const now = await canvasInk(page, 'latent-grid');
      return now.reduce((s, v, i) => s + Math.abs(v - (before[i] ?? 0)), 0);
    }, { timeout: 30_000 }).toBeGreaterThan(100);
    // Ones are thin: the grid of 1s holds far less ink than the grid of 0s did.
    const after = await canvasInk(page, 'latent-grid');
    expect(after.reduce((a, b) => a + b, 0)).toBeLessThan(0.8 * before.reduce((a, b) => a + b, 0));
    expect(await page.evaluate(() => (globalThis as unknown as { __lab: { store: { getState: () => { errors: unknown[] } } } }).__lab.store.getState().errors)).toEqual([]);
  });
  expect(pageErrors).toEqual([]);
});
