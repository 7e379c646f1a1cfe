// `npm run bench`: numbers, not tests. In one run, side by side, in one headless Chromium
// (with the WebGPU flags, so every backend can be tried):
//   (a) the lab's own training loop in its worker (the real app, `?backend=X`),
//   (b) tfjs Layers `model.fit` of the same model on the same backend (bench/engines.html),
//   (c) ConvNetJS, pure JS (bench/engines.html),
// all for the reference autoencoder 784-256-64-2-64-256-784 (relu, sigmoid output, bce, Adam)
// at batch 256; plus the main thread's longest task while the lab trains and the seconds from
// pressing Train (default settings, backend chosen by the lab) until the test squared error
// beats the PCA-2 line. Prints a table and writes bench/results.json.
//
// Options: --seconds N (per measurement, default 7), --backends webgl,wasm (default: all four;
// those that fail the lab's self-check are left out), --port (default 4174), --no-build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { FLAGS, findBrowser, howToGetBrowser } from './find-browser.mjs';
import { measureLab, measurePca2Race } from '../bench/lab.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '7' },
    backends: { type: 'string', default: 'webgpu,webgl,wasm,cpu' },
    port: { type: 'string', default: '4174' },
    'no-build': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(opts.seconds);
const BACKENDS = opts.backends.split(',').map((b) => b.trim());
const OUT_DIR = join(root, 'node_modules', '.cache', 'autoencoder-lab', 'bench-dist');
const started = Date.now();
const log = (...a) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...a);

const browserPath = findBrowser();
if (!browserPath) {
  console.error(howToGetBrowser());
  process.exit(1);
}

// One build holding the app and the bench page, served like any static host would.
if (!opts['no-build']) {
  log('building the app and bench/engines.html ...');
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      rolldownOptions: { input: { main: join(root, 'index.html'), engines: join(root, 'bench/engines.html') } },
    },
  });
}
const server = await preview({
  root,
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'warn',
  build: { outDir: OUT_DIR },
  preview: { port: Number(opts.port), strictPort: true, open: false },
});
const baseUrl = `http://localhost:${opts.port}/`;

const browser = await chromium.launch({
  executablePath: browserPath.path,
  args: [...FLAGS.common, ...FLAGS.webgpu, '--enable-unsafe-swiftshader'],
});

/** A fresh page per measurement: tfjs keeps one global engine per page. */
async function withPage(fn) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => log('page error:', e.message));
  try {
    return await fn(page);
  } finally {
    await context.close();
  }
}

async function enginePage(page) {
  await page.goto(`${baseUrl}bench/engines.html`);
  await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 30_000 });
}

const rows = [];
const details = [];
let longestTaskMs = null;
let secondsToBeatPca2 = null;
try {
  for (const backend of BACKENDS) {
    const lab = await withPage((page) => measureLab(page, baseUrl, backend, SECONDS, log));
    if (!lab.ok) {
      log(`${backend}: left out (${lab.reason})`);
      details.push({ backend, skipped: lab.reason });
      continue;
    }
    log(`${backend}: lab ${lab.samplesPerSec.toFixed(0)} samples/s`);
    rows.push({ backend, engine: 'lab', samplesPerSec: Math.round(lab.samplesPerSec) });
    const fit = await withPage(async (page) => {
      await enginePage(page);
      return page.evaluate(({ b, s }) => window.__bench.fit(b, s), { b: backend, s: SECONDS });
    }).catch((e) => ({ error: String(e.message ?? e) }));
    if ('error' in fit) {
      log(`${backend}: model.fit failed: ${fit.error}`);
      details.push({ backend, engine: 'model.fit', error: fit.error });
    } else {
      log(`${backend}: model.fit ${fit.samplesPerSec.toFixed(0)} samples/s (loss ${fit.loss.toFixed(3)})`);
      rows.push({ backend, engine: 'model.fit', samplesPerSec: Math.round(fit.samplesPerSec) });
    }
  }

  const cj = await withPage(async (page) => {
    await enginePage(page);
    return page.evaluate((s) => window.__bench.convnet(s), SECONDS);
  });
  log(`convnetjs ${cj.samplesPerSec.toFixed(0)} samples/s (loss ${cj.loss.toFixed(2)})`);
  rows.push({ backend: 'js', engine: 'convnetjs', samplesPerSec: Math.round(cj.samplesPerSec) });

  const race = await withPage((page) => measurePca2Race(page, baseUrl, log));
  longestTaskMs = race.longestTaskMs;
  secondsToBeatPca2 = race.secondsToBeatPca2;
  details.push({ race });
} finally {
  await browser.close();
  await new Promise((r) => server.httpServer.close(r));
}

const results = {
  date: new Date().toISOString(),
  machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform}, ${browserPath.path}`,
  rows,
  longestTaskMs,
  secondsToBeatPca2,
};
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
printTable(results);
log(`done; wrote bench/results.json`);

function printTable({ rows: r }) {
  const engines = ['lab', 'model.fit', 'convnetjs'];
  const backends = [...new Set(r.map((x) => x.backend))];
  const cell = (b, e) => r.find((x) => x.backend === b && x.engine === e)?.samplesPerSec;
  console.log('\nsamples/s, reference model 784-256-64-2-64-256-784, batch 256');
  console.log(['backend', ...engines].map((s) => s.padEnd(10)).join(' | '));
  for (const b of backends) console.log([b, ...engines.map((e) => String(cell(b, e) ?? ''))].map((s) => s.padEnd(10)).join(' | '));
  const convnet = cell('js', 'convnetjs');
  console.log('\ntargets:');
  for (const b of backends.filter((x) => cell(x, 'lab') !== undefined)) {
    const lab = cell(b, 'lab');
    const fitRate = cell(b, 'model.fit');
    console.log(
      `  ${b}: lab >= model.fit: ${fitRate === undefined ? 'n/a' : lab >= fitRate ? 'met' : 'NOT met'}` +
        `; lab >= 4x ConvNetJS: ${convnet ? (lab >= 4 * convnet ? 'met' : 'NOT met') : 'n/a'} (${convnet ? (lab / convnet).toFixed(1) : '?'}x)`,
    );
  }
  console.log(`  longest main-thread task while training: ${longestTaskMs ?? '?'} ms (target <= 50): ${longestTaskMs !== null && longestTaskMs <= 50 ? 'met' : 'NOT met'}`);
  console.log(`  seconds to beat PCA-2: ${secondsToBeatPca2 ?? 'not beaten'} (target <= 10): ${secondsToBeatPca2 !== null && secondsToBeatPca2 <= 10 ? 'met' : 'NOT met'}\n`);
}
