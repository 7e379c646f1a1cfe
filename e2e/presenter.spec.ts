/**
 * Presenter mode and the keyboard shortcuts in real Chromium (wasm project only): the keys
 * do what the list says, never while typing in a field, space on a focused button toggles
 * once, a panel fills the screen and Escape brings the page back. Screenshots at 1280 x 720
 * (a projector's size) go to e2e/screenshots/presenter*.png.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const stepCount = async (page: Page) => Number((await page.getByTestId('metric-step').textContent()) ?? 'NaN');
const rootFontSize = (page: Page) => page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));

test('shortcuts, presenter mode and a panel filling the screen', async ({ page, openLab }, testInfo) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openLab();

  const toggle = page.getByTestId('train-toggle');
  const html = page.locator('html');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await page.getByLabel('Training-set size').fill('1000');
  await page.getByTestId('apply-config').click();
  await expect(page.getByTestId('apply-config')).toBeDisabled({ timeout: 30_000 });
  await expect(toggle).toBeEnabled({ timeout: 60_000 });
  const normalSize = await rootFontSize(page);

  await test.step('typing in a field never triggers a shortcut', async () => {
    const seed = page.getByRole('textbox', { name: 'Seed' }).first();
    await seed.click();
    await seed.press('End');
    await page.keyboard.type('pfr? ');
    await page.keyboard.press('ArrowRight');
    await expect(seed).toHaveValue('1pfr? ');
    await expect(html).not.toHaveClass(/is-presenter/);
    await expect(html).not.toHaveClass(/has-focused-panel/);
    await expect(dialog).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByTestId('metric-step')).not.toHaveText(/^[1-9]/);
    await seed.fill('1');
    await page.keyboard.press('Enter');
  });

  await test.step('→ takes exactly one training step; Ctrl+→ none', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('metric-step')).toHaveText('1', { timeout: 60_000 });
    await page.keyboard.press('Control+ArrowRight');
    await page.waitForTimeout(1500);
    expect(await stepCount(page)).toBe(1);
  });

  await test.step('space on the page trains and pauses', async () => {
    await page.keyboard.press('Space');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBeGreaterThan(3);
    await page.keyboard.press('Space');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false', { timeout: 30_000 });
  });

  await test.step('space on the focused Train button toggles once, not twice', async () => {
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    // A second, page-level toggle would pause it again within a moment.
    await page.waitForTimeout(1500);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Space');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false', { timeout: 30_000 });
    await page.waitForTimeout(1000);
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  });

  await test.step('? opens the list of shortcuts, Escape closes it and the focus comes back', async () => {
    await toggle.focus();
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('row')).toHaveCount(8); // a header row and seven shortcuts
    // Keys other than ? and Escape do nothing while it is open.
    await page.keyboard.press('p');
    await expect(html).not.toHaveClass(/is-presenter/);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(toggle).toBeFocused();
  });

  await test.step('p switches presenter mode: larger type, thicker curves', async () => {
    const lineWidth = () => page.locator('.loss-chart-line--test').evaluate((el) => Number.parseFloat(getComputedStyle(el).strokeWidth));
    const normalLine = await lineWidth();
    await page.keyboard.press('p');
    await expect(html).toHaveClass(/is-presenter/);
    await expect(page.getByTestId('presenter-toggle')).toHaveAttribute('aria-pressed', 'true');
    expect(await rootFontSize(page)).toBeGreaterThanOrEqual(normalSize * 1.25);
    expect(await lineWidth()).toBeGreaterThanOrEqual(normalLine * 1.5);
    await expect(page.getByTestId('announcer')).toHaveText('Presenter mode on.');
  });

  await test.step('screenshot: presenter mode at 1280 x 720', async () => {
    await page.getByTestId('show-numerals').check();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, testInfo, 'presenter');
  });

  await test.step('f fills the screen with the panel under the pointer; Escape returns', async () => {
    const latent = page.locator('.panel--latent');
    await latent.scrollIntoViewIfNeeded();
    await latent.getByRole('heading', { name: 'The code space' }).hover();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('f');
    const button = page.getByTestId('focus-panel-latent');
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(button).toBeFocused();
    await expect(page.locator('.panel--model')).toBeHidden();
    await expect(page.locator('.panel--training')).toBeHidden();
    await expect(page.getByTestId('latent-scatter')).toBeVisible();
    // The map and the grid fit the screen side by side.
    const map = await page.getByTestId('latent-scatter').boundingBox();
    const grid = await page.getByTestId('latent-grid').boundingBox();
    expect(map && grid).toBeTruthy();
    expect(map!.y + map!.height).toBeLessThanOrEqual(720);
    expect(grid!.x).toBeGreaterThan(map!.x + map!.width);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, testInfo, 'presenter-focused');

    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('.panel--model')).toBeVisible();
    await expect(button).toBeFocused();
  });

  await test.step('f with the keyboard focus in a panel fills the screen with that panel; f again returns', async () => {
    await page.getByTestId('focus-panel-training').focus();
    await page.getByTestId('focus-panel-training').press('f');
    await expect(page.getByTestId('focus-panel-training')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.panel--latent')).toBeHidden();
    await page.keyboard.press('f');
    await expect(page.getByTestId('focus-panel-training')).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('.panel--latent')).toBeVisible();
  });

  await test.step('r resets the model', async () => {
    expect(await stepCount(page)).toBeGreaterThan(0);
    await page.keyboard.press('r');
    await expect(page.getByTestId('metric-step')).not.toHaveText(/^[1-9]/, { timeout: 30_000 });
  });

  await test.step('p again leaves presenter mode', async () => {
    await page.keyboard.press('p');
    await expect(html).not.toHaveClass(/is-presenter/);
    expect(await rootFontSize(page)).toBe(normalSize);
  });

  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
});

async function shoot(page: Page, testInfo: import('@playwright/test').TestInfo, name: string): Promise<void> {
  mkdirSync('e2e/screenshots', { recursive: true });
  const path = `e2e/screenshots/${name}.png`;
  await page.screenshot({ path });
  await testInfo.attach(`${name}.png`, { path, contentType: 'image/png' });
}
