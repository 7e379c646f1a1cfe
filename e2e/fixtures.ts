/**
 * The e2e test object: Playwright's `test` plus a `backend` option that each project in
 * playwright.config.ts sets, and `openLab()` that opens the lab forced to that backend.
 */
import { test as base, expect } from '@playwright/test';

export type Backend = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

interface LabFixtures {
  /** The backend this project tests; the lab is opened with `?backend=<backend>`. */
  backend: Backend;
  /**
   * Opens the lab with `?backend=` (plus `params`, and a link's `hash` without '#' if given:
   * a lesson or a free-lab model) and waits until the badge names the
   * backend (the data is loaded and the forced backend passed its self-check) and Train is
   * enabled (the model is built).
   */
  openLab: (params?: Record<string, string>, hash?: string) => Promise<void>;
}

/** Loading MNIST (about 11 MB gzip, inflated in the worker) plus the backend self-check. */
export const BOOT_TIMEOUT_MS = 120_000;
/**
 * A software GPU (SwiftShader here) compiles every shader of the self-check and the first
 * steps on the CPU: a forced webgl start measured 64-107 s, webgpu longer.
 */
export const GPU_BOOT_TIMEOUT_MS = 300_000;
export const bootTimeout = (backend: Backend) => (backend === 'webgl' || backend === 'webgpu' ? GPU_BOOT_TIMEOUT_MS : BOOT_TIMEOUT_MS);

export const test = base.extend<LabFixtures>({
  backend: ['wasm', { option: true }],
  openLab: async ({ page, backend }, use) => {
    await use(async (params = {}, hash) => {
      const query = new URLSearchParams({ backend, ...params });
      // Relative to baseURL, which ends in a sub-path ('/lab/'): the build must work there.
      await page.goto(`./?${query}${hash ? `#${hash}` : ''}`);
      await expect(page.getByTestId('backend-badge')).toHaveText(backend, { timeout: bootTimeout(backend) });
      // The badge shows once the backend is chosen; the model is built after that.
      await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: bootTimeout(backend) });
    });
  },
});

export { expect };
