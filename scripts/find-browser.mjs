// Finds a Chromium for the e2e tests and the benchmark, in this order:
//   1. $CHROMIUM_PATH or $PLAYWRIGHT_CHROMIUM_PATH
//   2. the system browser: /usr/bin/chromium, /usr/bin/chromium-browser (Debian, Ubuntu)
//   3. Playwright's own download cache (`npx playwright install chromium` on a laptop)
// Playwright cannot download browsers on the project's machines, so the config points it at
// whatever this finds (launchOptions.executablePath).
//
// As a module: `findBrowser()` -> { path, source } or null, `howToGetBrowser()` -> text, and
// the command-line flags that make Chromium work headless here (FLAGS).
// As a script: `node scripts/find-browser.mjs` prints the path, or the instructions and exits 1.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Chromium flags measured on the project's machines (see ENVIRONMENT.md), shared by
 * playwright.config.ts and scripts/bench.mjs.
 */
export const FLAGS = {
  /** Headless as root without a network: without these Chromium keeps dialling out. */
  common: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
  /** WebGPU (and WebGL) through SwiftShader, a software Vulkan: there is no GPU. */
  webgpu: [
    '--enable-unsafe-webgpu',
    '--enable-features=Vulkan',
    '--use-vulkan=swiftshader',
    '--use-webgpu-adapter=swiftshader',
    '--use-angle=swiftshader',
    '--ignore-gpu-blocklist',
  ],
  /** WebGL on SwiftShader: recent Chromium falls back to software WebGL only when told to. */
  webgl: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
  /**
   * WebGPU and WebGL on the machine's own GPU through Vulkan (`npm run bench -- --gpu`). Not
   * measured on the project's machines, which have no GPU: there the adapter is SwiftShader's
   * or none, and the bench says so.
   */
  hardwareGpu: ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-angle=vulkan', '--ignore-gpu-blocklist'],
};

const ENV_VARS = ['CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_PATH'];
const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** True if `p` is an existing, executable regular file. */
function isExecutable(p) {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Playwright's cached Chromium, if `npx playwright install chromium` put one there. */
function playwrightCachePath() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/**
 * @returns {{ path: string, source: string } | null} the first usable browser, or null.
 * A variable that names a missing file is an error worth seeing, so it is reported and skipped.
 */
export function findBrowser() {
  for (const name of ENV_VARS) {
    const p = process.env[name];
    if (!p) continue;
    if (isExecutable(p)) return { path: p, source: `$${name}` };
    console.warn(`find-browser: $${name} is set to "${p}", which is not an executable file; ignoring it.`);
  }
  for (const p of SYSTEM_PATHS) if (isExecutable(p)) return { path: p, source: 'system' };
  const cached = playwrightCachePath();
  if (cached && isExecutable(cached)) return { path: cached, source: 'playwright cache' };
  return null;
}

/** What to tell someone whose machine has no Chromium. */
export function howToGetBrowser() {
  return [
    'No Chromium found. The tests and the benchmark need one. Any of these works:',
    '  - Debian/Ubuntu:  sudo apt-get install chromium     (gives /usr/bin/chromium)',
    '  - any system:     npx playwright install chromium   (Playwright\'s own copy)',
    '  - or point to one: CHROMIUM_PATH=/path/to/chromium npm test',
    `Looked at: ${ENV_VARS.map((v) => '$' + v).join(', ')}, ${SYSTEM_PATHS.join(', ')}, Playwright's cache.`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const found = findBrowser();
  if (!found) {
    console.error(howToGetBrowser());
    process.exit(1);
  }
  console.log(found.path);
}
