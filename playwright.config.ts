/**
 * End-to-end tests in real Chromium, one project per tfjs backend (webgpu, webgl, wasm).
 * The software-GPU projects (webgpu, webgl: SwiftShader on a machine without a GPU, where a
 * page boot alone takes a minute or more) run one spec, e2e/softwareGpu.spec.ts: one page boot
 * that trains the core lab's model and every kind with kernels of its own on that backend.
 * Everything else (the core lab and every kind judged in full, the lessons' claims, broken
 * data, tensor leaks) runs in the wasm project, the fastest backend on a machine without a GPU.
 *
 * The web server builds the static site into its own folder (so a concurrent `npm run build`
 * in the shared checkout cannot pull it from under the tests) and serves it under a sub-path,
 * /lab/, which also checks that the build works away from the host's root.
 */
import { defineConfig } from '@playwright/test';
import type { Backend } from './e2e/fixtures';
import { FLAGS, findBrowser, howToGetBrowser } from './scripts/find-browser.mjs';

const browser = findBrowser();
if (!browser) throw new Error(howToGetBrowser());

// Engineers sharing one machine each test on their own port: E2E_PORT=5176 npx playwright test ...
const PORT = Number(process.env.E2E_PORT) || 4173;
const BASE_PATH = '/lab/';
// One build folder per port, so two runs at once do not empty each other's.
const OUT_DIR = `node_modules/.cache/autoencoder-lab/e2e-dist-${PORT}`;
const vite = 'node node_modules/vite/bin/vite.js';
/** The production build's folder under the tested one (served at /lab/prod/). */
const PROD_PATH = 'prod';

/** Everything but the software-GPU spec runs only here. */
const ONCE_PROJECT: Backend = 'wasm';
const SOFTWARE_GPU_SPEC = '**/softwareGpu.spec.ts';

function project(backend: Backend, flags: string[]) {
  return {
    name: backend,
    testMatch: backend === ONCE_PROJECT ? ['**/*.spec.ts'] : [SOFTWARE_GPU_SPEC],
    testIgnore: backend === ONCE_PROJECT ? [SOFTWARE_GPU_SPEC] : [],
    use: {
      backend,
      launchOptions: { executablePath: browser!.path, args: [...FLAGS.common, ...flags] },
    },
  };
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // 2 cores shared by the app's worker and the browser: one test at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Training tests set their own, longer timeouts (test.setTimeout).
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // 'list' prints every test and the totals, which CI logs show.
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}${BASE_PATH}`,
    viewport: { width: 1400, height: 1000 },
    // A failed test keeps its trace (actions, DOM snapshots, console, network), without the
    // screencast: its JPEG frames of pages that redraw while training cost about as much CPU as
    // the lab itself (measured: 28-36 CPU-seconds with it, 16-18 without, for one lesson spec),
    // on a 2-core machine where the lab's worker needs a core. The failure screenshot stays.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    screenshot: 'only-on-failure',
    // The lab's offline service worker would answer requests before page.route sees them
    // (Playwright's advice: block service workers where requests are intercepted);
    // e2e/offline.spec.ts allows them.
    serviceWorkers: 'block',
  },
  projects: [project('webgpu', FLAGS.webgpu), project('webgl', FLAGS.webgl), project('wasm', [])],
  webServer: {
    // Two builds: the tested one, with the test hooks (`window.__lab`, VITE_LAB_TEST_HOOKS=1), and
    // under prod/ a production build as a host gets it (e2e/hardening.spec.ts: no hooks in it).
    // The server sends the lab's security headers and, for the update and 5xx tests, its
    // switches (scripts/e2eServerPlugin.mjs, LAB_E2E_SERVER=1).
    command:
      `node scripts/prepare-data.mjs && VITE_LAB_TEST_HOOKS=1 ${vite} build --outDir ${OUT_DIR} --emptyOutDir --logLevel warn` +
      ` && ${vite} build --outDir ${OUT_DIR}/${PROD_PATH} --emptyOutDir --logLevel warn` +
      ` && LAB_E2E_SERVER=1 ${vite} preview --outDir ${OUT_DIR} --base ${BASE_PATH} --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}${BASE_PATH}`,
    timeout: 240_000,
    // A stale server would test stale code; set E2E_REUSE_SERVER=1 to iterate on specs only.
    reuseExistingServer: !!process.env.E2E_REUSE_SERVER,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
