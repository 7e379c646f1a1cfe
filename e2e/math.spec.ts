/**
 * The math with its numbers (issue 14 item 4), wasm project only, on a tiny model
 * (784-32-2-32-784, 1,000 digits): hovering and focusing a unit of the architecture diagram
 * shows its incoming weights as an image and its input sum and output for the digit in view;
 * the loss formula carries the digit's value; the first layer's weights redraw while training.
 */
import { mkdirSync } from 'node:fs';
import { BOOT_TIMEOUT_MS, expect, test } from './fixtures';

const num = async (el: import('@playwright/test').Locator, attr: string) => Number(await el.getAttribute(attr));

test('a unit of the diagram shows its weights and numbers; the loss formula and the first layer move with training', async ({ page, backend }) => {
  test.setTimeout(BOOT_TIMEOUT_MS + 90_000);
  mkdirSync('e2e/screenshots', { recursive: true });
  await page.goto(`./?backend=${backend}#v=1&lesson=what-is-an-autoencoder&layers=32&code=2&n=1000&batch=100&lang=en`);
  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: BOOT_TIMEOUT_MS });
  const inspector = page.getByTestId('unit-inspector');
  const numbers = page.getByTestId('unit-numbers');

  await test.step('hovering the first hidden layer: a 28 x 28 weights image, z and relu(z) of the test digit', async () => {
    const layer = page.getByTestId('arch-layer-1');
    await layer.scrollIntoViewIfNeeded();
    await layer.hover();
    await expect(inspector).toHaveAttribute('data-layer', '1');
    await expect(page.getByTestId('unit-weights')).toHaveAttribute('data-count', '784');
    expect(await page.getByTestId('unit-weights').evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([28, 28]);
    await expect(numbers).toHaveAttribute('data-input-sum', /\d/);
    const z = await num(numbers, 'data-input-sum');
    expect(await num(numbers, 'data-activation')).toBeCloseTo(Math.max(0, z), 5);
    await expect(page.getByTestId('unit-input-sum')).toContainText('784');
    await inspector.screenshot({ path: 'e2e/screenshots/math-unit-first-layer.png' });
  });

  await test.step('the keyboard: the code layer is a slider over its units', async () => {
    const code = page.getByTestId('arch-layer-2');
    await code.focus();
    await expect(code).toHaveAttribute('aria-valuenow', '1');
    await page.keyboard.press('ArrowUp');
    await expect(code).toHaveAttribute('aria-valuenow', '2');
    await expect(inspector).toHaveAttribute('data-layer', '2');
    await expect(inspector).toHaveAttribute('data-unit', '1');
    await expect(page.getByTestId('unit-weights')).toHaveAttribute('data-count', '32');
    // The code is linear: its output is its input sum.
    await expect(numbers).toHaveAttribute('data-input-sum', /\d/);
    expect(await num(numbers, 'data-activation')).toBeCloseTo(await num(numbers, 'data-input-sum'), 5);
  });

  await test.step('the output layer: a pixel of the reconstruction, sigmoid(z)', async () => {
    const out = page.getByTestId('arch-layer-4');
    await out.focus();
    await page.keyboard.press('PageUp');
    await expect(inspector).toHaveAttribute('data-layer', '4');
    await expect(numbers).toHaveAttribute('data-activation', /\d/);
    const z = await num(numbers, 'data-input-sum');
    expect(await num(numbers, 'data-activation')).toBeCloseTo(1 / (1 + Math.exp(-z)), 4);
  });

  const formula = page.getByTestId('loss-formula');
  const weights = page.getByTestId('first-layer-weights');
  await test.step('before training: the loss of the digit in view and the untrained first layer', async () => {
    await expect(formula).toHaveAttribute('data-value', /\d/);
    await expect(page.getByTestId('loss-formula-tex')).toContainText('BCE');
    await expect(weights).toHaveAttribute('data-step', '0');
    await expect(weights).toHaveAttribute('data-units', '32');
  });

  await test.step('while training the first layer redraws, and the numbers follow the model', async () => {
    const before = await num(formula, 'data-value');
    await page.getByTestId('train-toggle').click();
    const steps = new Set<number>();
    await expect.poll(async () => {
      steps.add(await num(weights, 'data-step'));
      return [...steps].filter((s) => s > 0).length;
    }, { timeout: 60_000, intervals: [200] }).toBeGreaterThanOrEqual(2);
    await page.getByTestId('train-toggle').click();
    await expect.poll(async () => num(formula, 'data-step'), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await num(formula, 'data-value')).not.toBe(before);
    await expect.poll(async () => num(numbers, 'data-step'), { timeout: 15_000 }).toBeGreaterThan(0);
    // Tiles of weights, not a blank: many distinct greys.
    const greys = await weights.evaluate((c: HTMLCanvasElement) => new Set(Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.filter((_, i) => i % 4 === 0))).size);
    expect(greys).toBeGreaterThan(50);
    await page.getByTestId('focus-panel-weights').scrollIntoViewIfNeeded();
    await weights.screenshot({ path: 'e2e/screenshots/math-first-layer-weights.png' });
    await formula.screenshot({ path: 'e2e/screenshots/math-loss-formula.png' });
  });
});
