/**
 * Reading the lab's page the way a student sees it: numbers from the metric elements (which
 * hold plain numbers), pixels from the canvases. No access to the app's internals.
 */
import { expect, type Page } from '@playwright/test';

/** The number a metric element shows, or NaN while it shows a placeholder ("—"). */
export async function readMetric(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent())?.trim() ?? '';
  return /^-?\d/.test(text) ? Number.parseFloat(text) : Number.NaN;
}

/**
 * Polls a metric until `done(value)` holds; returns every distinct value seen, in order.
 * Throws (failing the test) with the values seen when `timeoutMs` passes first.
 */
export async function watchMetric(
  page: Page,
  testId: string,
  done: (value: number, seen: number[]) => boolean,
  timeoutMs: number,
): Promise<number[]> {
  const seen: number[] = [];
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const v = await readMetric(page, testId);
    if (Number.isFinite(v) && v !== seen[seen.length - 1]) {
      seen.push(v);
      if (done(v, seen)) return seen;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`${testId}: condition not met within ${timeoutMs / 1000} s; values seen: ${seen.join(', ') || 'none'}`);
}

/** Ink per pixel of a digit canvas (dark ink on white paper): 1 - luminance, in [0, 1]. */
export async function canvasInk(page: Page, testId: string): Promise<number[]> {
  return page.getByTestId(testId).evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0 || canvas.height === 0) return [];
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const ink: number[] = [];
    for (let i = 0; i < data.length; i += 4) {
      const alpha = data[i + 3] / 255;
      const lum = (0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2]) / 255;
      ink.push(alpha * (1 - lum));
    }
    return ink;
  });
}

/** Facts about a 28 x 28 digit image, to tell a digit from a blank or a grey smear. */
export function digitFacts(ink: number[]) {
  const inked = ink.filter((v) => v > 0.3).length;
  const blankish = ink.filter((v) => v < 0.1).length;
  return { pixels: ink.length, sum: ink.reduce((a, b) => a + b, 0), inked, blankish };
}

/**
 * Asserts that the decoded-image canvas holds a digit, not a blank: data-ink (the sum of its
 * 784 values) well above blank, a stroke of inked pixels, and paper around it (a uniform grey
 * smear has no paper). An early model's digit is blurred, so "inked" starts at 0.3.
 * Returns the image's ink for later comparisons.
 */
export async function expectDigitInDecodedImage(page: Page): Promise<{ dataInk: number; ink: number[] }> {
  const decoded = page.getByTestId('decoded-image');
  await expect(decoded).toHaveAttribute('data-ink', /\d/);
  const dataInk = Number(await decoded.getAttribute('data-ink'));
  // An MNIST digit has about 100 of 784 units of ink; a blank image has ~0.
  expect(dataInk, 'data-ink of the decoded image').toBeGreaterThan(25);
  expect(dataInk, 'data-ink of the decoded image').toBeLessThan(400);
  const ink = await canvasInk(page, 'decoded-image');
  const facts = digitFacts(ink);
  expect(facts.pixels).toBe(784);
  expect(facts.inked, `inked pixels (${JSON.stringify(facts)})`).toBeGreaterThanOrEqual(20);
  expect(facts.blankish, `paper pixels (${JSON.stringify(facts)})`).toBeGreaterThanOrEqual(300);
  return { dataInk, ink };
}

/**
 * Counts coloured (saturated) pixels of the scatter canvas: the points are coloured by
 * label, the background and axes are not.
 */
export async function scatterColouredPixels(page: Page): Promise<number> {
  return page.getByTestId('latent-scatter').evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      const max = Math.max(data[i], data[i + 1], data[i + 2]);
      const min = Math.min(data[i], data[i + 1], data[i + 2]);
      if (data[i + 3] > 128 && max - min > 60) n++;
    }
    return n;
  });
}
