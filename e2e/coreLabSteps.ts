/**
 * The core lab's views after training, checked the same way on every backend: the scatter of
 * the test digits' codes, a click on the latent grid that decodes a digit, a slider that moves
 * it. Used by e2e/core-lab.spec.ts (wasm) and e2e/softwareGpu.spec.ts (webgl, webgpu), which
 * train differently before these steps.
 */
import { mkdirSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { canvasInk, expectDigitInDecodedImage, scatterColouredPixels } from './labPage';

/** Total absolute difference of two ink images (0 for identical images, up to 784). */
export function pixelChange(a: number[], b: number[]): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  return a.reduce((sum, v, i) => sum + Math.abs(v - b[i]), 0);
}

/**
 * After training (paused): the scatter holds the test digits, a grid click decodes a digit, a
 * slider changes it, and a full-page screenshot goes to e2e/screenshots/<name>.png.
 * `codeSize`: the model's code (the caption names it); `points`: the test digits on the map
 * (5,000, or the page's ?scatter=); `workerMs`: how long one answer of the worker may take.
 */
export async function checkCodeMapAndDecoding(page: Page, testInfo: TestInfo, opts: { codeSize: string; workerMs: number; name: string; points: number }) {
  const { codeSize, workerMs, points } = opts;
  await test.step('the scatter holds the test digits as coloured points', async () => {
    const scatter = page.getByTestId('latent-scatter');
    await expect(page.getByTestId('latent-scatter-caption')).toContainText(`${codeSize} numbers`);
    await expect(page.getByTestId('latent-scatter-caption')).toContainText('principal components');
    await expect(scatter).toHaveAttribute('data-points', /^\d+$/);
    expect(Number(await scatter.getAttribute('data-points'))).toBeGreaterThanOrEqual(points);
    // Thousands of points of several colours (2,000 pixels for 5,000 points); an empty plot has only grey axes and paper.
    await expect.poll(() => scatterColouredPixels(page), { timeout: workerMs }).toBeGreaterThan(0.4 * points);
  });

  /** Near the middle of the map, where the codes are dense: a clear digit, not an outlier. */
  const clickGrid = async () => {
    const grid = page.getByTestId('latent-grid');
    // The grid on screen shows the newest codes: the same spot then decodes the same point.
    await expect(grid).toHaveAttribute('data-current', 'true', { timeout: workerMs });
    await grid.scrollIntoViewIfNeeded();
    const box = await grid.boundingBox();
    expect(box).not.toBeNull();
    await page.mouse.click(box!.x + box!.width * 0.45, box!.y + box!.height * 0.55);
  };

  let before: { dataInk: number; ink: number[] } = { dataInk: 0, ink: [] };
  await test.step('a click on the latent grid decodes a digit', async () => {
    await clickGrid();
    await expect(page.getByTestId('decoded-image')).toHaveAttribute('data-ink', /\d/, { timeout: workerMs });
    before = await expectDigitInDecodedImage(page);
  });

  await test.step('moving a slider changes the decoded digit', async () => {
    const slider = page.getByTestId('latent-slider-0');
    await slider.scrollIntoViewIfNeeded();
    await expect(slider).toBeEnabled();
    // Drag the first code dimension to one end of its range, then to the other end.
    await slider.focus();
    await page.keyboard.press('End');
    await expect.poll(async () => Number(await page.getByTestId('decoded-image').getAttribute('data-ink')), { timeout: workerMs }).not.toBe(before.dataInk);
    const atEnd = await canvasInk(page, 'decoded-image');
    await page.keyboard.press('Home');
    await expect.poll(async () => pixelChange(await canvasInk(page, 'decoded-image'), atEnd), { timeout: workerMs }).toBeGreaterThan(5);
    // And the far end differs from the clicked digit too (an early model changes it little).
    expect(pixelChange(atEnd, before.ink), 'ink moved by the slider').toBeGreaterThan(1);
  });

  await test.step('screenshot', async () => {
    // Back to the clicked digit (the slider left an extreme code in the decoded image).
    await clickGrid();
    await expect.poll(async () => pixelChange(await canvasInk(page, 'decoded-image'), before.ink), { timeout: workerMs }).toBeLessThan(1);
    mkdirSync('e2e/screenshots', { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    const path = `e2e/screenshots/${opts.name}.png`;
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${opts.name}.png`, { path, contentType: 'image/png' });
  });
}
