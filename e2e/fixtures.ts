/**
 * The e2e test object: Playwright's `test` plus a `backend` option that each project in
 * playwright.config.ts sets, and `openLab()` that opens the lab forced to that backend.
 */
import { test as base, expect, type Page } from '@playwright/test';

export type Backend = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

interface LabFixtures {
  /** The backend this project tests; the lab is opened with `?backend=<backend>`. */
  backend: Backend;
  /** Opens the lab with `?backend=` and waits until it has data and a checked backend. */
  openLab: (extraParams?: Record<string, string>) => Promise<void>;
}

/** Data loading (about 11 MB gzip, inflated in the worker) plus the backend self-check. */
const BOOT_TIMEOUT_MS = 90_000;

export const test = base.extend<LabFixtures>({
  backend: ['wasm', { option: true }],
  openLab: async ({ page, backend }, use) => {
    await use(async (extraParams = {}) => {
      const params = new URLSearchParams({ backend, ...extraParams });
      // Relative to baseURL, which ends in a sub-path ('/lab/'): the build must work there.
      await page.goto(`./?${params}`);
      await expect(page.getByTestId('backend-badge')).toContainText(backend, {
        ignoreCase: true,
        timeout: BOOT_TIMEOUT_MS,
      });
    });
  },
});

export { expect };

/**
 * Reads a number out of a metric element's text, e.g. "0.2143" or "1,234 samples/s".
 * Returns NaN when the element shows no number yet (e.g. "—").
 */
export async function readMetric(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  const m = text.replace(/,/g, '').match(/-?\d+(\.\d+)?(e-?\d+)?/i);
  return m ? Number(m[0]) : Number.NaN;
}
