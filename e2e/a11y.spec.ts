/**
 * Accessibility in real Chromium (wasm project only: nothing here depends on the backend).
 * axe-core finds no serious or critical violation while loading, after training, in presenter
 * mode, with a panel filling the screen and with the shortcut list open; every control is
 * reached by Tab and shows a focus ring you can see (pixels change when it takes the focus);
 * the map and the grid work from the keyboard; reduced motion turns transitions off; the
 * numerals option draws digit labels on the map.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** A small training subset: applying the configuration and the first steps are quick. */
const TRAIN_SIZE = '1000';

/** The serious and critical violations axe finds on the page now, one readable line each. */
async function seriousViolations(page: Page, state: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${state}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** Applies a 1,000-digit training subset and trains until the step counter passes `steps`. */
async function trainBriefly(page: Page, steps: number): Promise<void> {
  await page.getByLabel('Training-set size').fill(TRAIN_SIZE);
  const apply = page.getByTestId('apply-config');
  await apply.click();
  await expect(apply).toBeDisabled({ timeout: 30_000 });
  const toggle = page.getByTestId('train-toggle');
  await expect(toggle).toBeEnabled({ timeout: 60_000 });
  await toggle.click();
  await expect.poll(async () => Number(await page.getByTestId('metric-step').textContent()), { timeout: 90_000 }).toBeGreaterThanOrEqual(steps);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false', { timeout: 30_000 });
  await expect(page.getByTestId('latent-scatter')).toHaveAttribute('data-points', /^[1-9]\d*$/);
}

/** Dark (ink-coloured) pixels of the scatter canvas: axis text, and the numerals when shown. */
async function scatterDarkPixels(page: Page): Promise<number> {
  return page.getByTestId('latent-scatter').evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 200 && Math.max(data[i], data[i + 1], data[i + 2]) < 50) n++;
    }
    return n;
  });
}

test('axe finds no serious or critical violation while loading, trained, presenting, focused and with the shortcut list', async ({ page, backend }) => {
  test.setTimeout(240_000);
  const found: string[] = [];

  // Right after the page loads: the booting notice, the controls not yet available.
  await page.goto(`./?backend=${backend}`);
  found.push(...(await seriousViolations(page, 'loading')));
  await expect(page.getByTestId('backend-badge')).toHaveText(backend, { timeout: 90_000 });

  await trainBriefly(page, 20);
  found.push(...(await seriousViolations(page, 'trained')));

  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).toHaveClass(/is-presenter/);
  await page.getByTestId('show-numerals').check();
  found.push(...(await seriousViolations(page, 'presenter mode, numerals')));

  await page.getByTestId('focus-panel-latent').click();
  await expect(page.getByTestId('focus-panel-latent')).toHaveAttribute('aria-pressed', 'true');
  found.push(...(await seriousViolations(page, 'code space filling the screen')));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('focus-panel-latent')).toHaveAttribute('aria-pressed', 'false');

  await page.getByTestId('shortcuts-button').click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'shortcut list open')));

  expect(found, found.join('\n')).toEqual([]);
});

test('the keyboard reaches every control with a visible focus ring and works the map and the grid', async ({ page, openLab }, testInfo) => {
  test.setTimeout(300_000);
  await openLab();
  await trainBriefly(page, 10);

  await test.step('Tab walks every control once; each one shows a focus ring', async () => {
    // Start from the top of the page: the skip link is the first stop.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    const stops: string[] = [];
    const invisible: string[] = [];
    for (let i = 0; i < 250; i++) {
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      if ((await focused.count()) === 0) break;
      const name = await focused.evaluate((el) => {
        const label = el.getAttribute('aria-label') ?? el.getAttribute('data-testid') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
        return `${el.tagName.toLowerCase()} "${label.trim().slice(0, 40)}"`;
      });
      if (stops.includes(name) && name === stops[0]) break;
      stops.push(name);
      // The ring must change the pixels around the control: compare it focused and blurred.
      // (An outline on an invisible input, or one hidden under the sticky header, changes nothing.)
      const box = await focused.boundingBox();
      if (!box) continue;
      const viewport = page.viewportSize()!;
      const clip = {
        x: Math.max(0, box.x - 6),
        y: Math.max(0, box.y - 6),
        width: Math.min(viewport.width, box.x + box.width + 6) - Math.max(0, box.x - 6),
        height: Math.min(viewport.height, box.y + box.height + 6) - Math.max(0, box.y - 6),
      };
      if (clip.width <= 0 || clip.height <= 0) {
        invisible.push(`${name} (off screen)`);
        continue;
      }
      const withFocus = await page.screenshot({ clip });
      const handle = await focused.elementHandle();
      await page.evaluate((el) => (el as HTMLElement).blur(), handle);
      const without = await page.screenshot({ clip });
      // Back to the same control, as the keyboard left it, so the next Tab goes on from here.
      await page.evaluate((el) => (el as HTMLElement).focus({ preventScroll: true }), handle);
      if (withFocus.equals(without)) invisible.push(name);
    }
    testInfo.annotations.push({ type: 'tab stops', description: String(stops.length) });
    expect(invisible, `controls without a visible focus ring:\n${invisible.join('\n')}`).toEqual([]);
    for (const expected of [
      'button "train-toggle"',
      'button "Presenter mode"',
      'button "Keyboard shortcuts"',
      'canvas "Scatter plot',
      'canvas "12 by 12 grid',
      'input "show-numerals"',
      'input "z1"',
      'button "Fill the screen with “The code space”',
    ]) {
      expect(stops.some((s) => s.startsWith(expected)), `Tab reaches ${expected}; stops:\n${stops.join('\n')}`).toBe(true);
    }
  });

  await test.step('arrow keys on the focused map decode the point they move to', async () => {
    const scatter = page.getByTestId('latent-scatter');
    await scatter.focus();
    const stepBefore = await page.getByTestId('metric-step').textContent();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('decoded-image')).toHaveAttribute('data-ink', /\d/, { timeout: 15_000 });
    const first = await page.getByTestId('decoded-image').getAttribute('data-ink');
    for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(() => page.getByTestId('decoded-image').getAttribute('data-ink'), { timeout: 15_000 }).not.toBe(first);
    // The map took → : the page's "step" shortcut did not also run.
    await expect(page.getByTestId('metric-step')).toHaveText(stepBefore ?? '');
  });

  await test.step('arrow keys on the focused grid move from image to image', async () => {
    const grid = page.getByTestId('latent-grid');
    await grid.focus();
    const before = await page.getByTestId('decoded-image').getAttribute('data-ink');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => page.getByTestId('decoded-image').getAttribute('data-ink'), { timeout: 15_000 }).not.toBe(before);
  });

  await test.step('"Show numerals" draws the labels as numerals on the map', async () => {
    const without = await scatterDarkPixels(page);
    await page.getByTestId('show-numerals').check();
    // Hundreds of numerals of roughly 12 x 12 px, each with a few dozen dark pixels.
    await expect.poll(() => scatterDarkPixels(page), { timeout: 10_000 }).toBeGreaterThan(without + 3000);
    await page.getByTestId('show-numerals').uncheck();
    await expect.poll(() => scatterDarkPixels(page), { timeout: 10_000 }).toBeLessThan(without + 500);
  });
});

test('reduced motion turns transitions and animations off', async ({ page, openLab }) => {
  await openLab();
  const train = page.getByTestId('train-toggle');
  const duration = () => train.evaluate((el) => getComputedStyle(el).transitionDuration);
  // Without the preference the buttons fade their colours (so this test can tell the difference).
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await duration()).not.toMatch(/^0s(, 0s)*$/);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await duration()).toMatch(/^0s(, 0s)*$/);
});
