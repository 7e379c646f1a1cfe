/**
 * A link is the lesson's preset plus what it changes (issue 10), typed by hand into the address
 * bar as a teacher would (wasm project only): a bare lesson link opens quietly, a bad field is
 * named and the rest of the link used, and a link may name another model kind.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { BOOT_TIMEOUT_MS, expect, test } from './fixtures';

async function openHash(page: Page, backend: string, hash: string): Promise<void> {
  await page.goto(`./?backend=${backend}#${hash}`);
  await expect(page.getByTestId('backend-badge')).toHaveText(backend, { timeout: BOOT_TIMEOUT_MS });
  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: BOOT_TIMEOUT_MS });
}

const hashOf = (page: Page) => new URL(page.url()).hash.replace(/^#/, '');
const diagram = (page: Page, widths: number[]) => page.getByRole('img', { name: `Diagram of the autoencoder: ${widths.join('–')}` });

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('e2e/screenshots', { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
}

test('a lesson link typed by hand opens the preset quietly: no notice, no "changed" claim', async ({ page, backend }) => {
  test.setTimeout(BOOT_TIMEOUT_MS + 60_000);
  await openHash(page, backend, 'v=1&lesson=pca-vs-deep');
  await expect(page.getByTestId('lesson-text').getByRole('heading', { level: 2 })).toContainText('PCA vs a deep autoencoder');
  await expect(diagram(page, [784, 256, 64, 30, 64, 256, 784])).toBeVisible();
  await expect(page.getByTestId('claim-status')).toBeVisible();
  await expect(page.getByTestId('notice-link-ignored')).toHaveCount(0);
  await expect(page.getByTestId('claim-status')).not.toContainText('You changed the lesson');
  // The page keeps the link short: the lesson and the language.
  expect(hashOf(page)).toBe('v=1&lesson=pca-vs-deep&lang=en');
  await screenshot(page, 'link-lesson-only');
});

test('a bad field is named, the rest of the link is used', async ({ page, backend }) => {
  test.setTimeout(BOOT_TIMEOUT_MS + 60_000);
  await openHash(page, backend, 'v=1&lesson=pca-vs-deep&code=abc&lr=0.01');
  const notice = page.getByTestId('notice-link-ignored');
  await expect(notice).toBeVisible();
  await expect(notice.locator('li')).toHaveCount(1);
  await expect(notice.locator('[data-key="code"]')).toContainText('abc');
  await expect(notice.locator('[data-key="code"]')).toContainText('invalid value');
  // The preset's code; the link's learning rate, which the claim box counts as a change.
  await expect(diagram(page, [784, 256, 64, 30, 64, 256, 784])).toBeVisible();
  expect(hashOf(page)).toBe('v=1&lesson=pca-vs-deep&lr=0.01&lang=en');
  await expect(page.getByTestId('claim-status')).toContainText('You changed the lesson');
  await screenshot(page, 'link-bad-field');
});

test('a link names another kind: the free lab as a VQ-VAE; a setting that kind lacks is named', async ({ page, backend }) => {
  test.setTimeout(BOOT_TIMEOUT_MS + 120_000);
  await openHash(page, backend, 'v=1&lesson=free&kind=vq');
  await expect(page.getByTestId('notice-link-ignored')).toHaveCount(0);
  await expect(page.getByTestId('model-kind')).toHaveValue('vq');
  // The free lab's 2-number code is no code of 8 positions: the VQ-VAE's own 32.
  await expect(page.getByTestId('vq-positions')).toHaveValue('8');
  await expect(page.getByLabel('Code size (bottleneck)')).toHaveValue('32');
  await expect(diagram(page, [784, 256, 64, 32, 64, 256, 784])).toBeVisible();
  // The editor shows the VQ-VAE's fields only: no input noise.
  await expect(page.getByTestId('variant-noise')).toHaveCount(0);
  expect(hashOf(page)).toBe('v=1&lesson=free&kind=vq&lang=en');
  await screenshot(page, 'link-free-vq');

  await page.evaluate(() => (location.hash = 'v=1&lesson=free&kind=vae&noise=mask&beta=4'));
  const notice = page.getByTestId('notice-link-ignored');
  await expect(notice.locator('[data-key="noise"]')).toContainText('not used by the variational autoencoder');
  await expect(page.getByTestId('model-kind')).toHaveValue('vae', { timeout: 60_000 });
  await expect(page.getByTestId('editor-beta')).toHaveValue('4');
  await expect.poll(() => hashOf(page), { timeout: 60_000 }).toBe('v=1&lesson=free&kind=vae&beta=4&lang=en');
  await screenshot(page, 'link-unused-field');
});
