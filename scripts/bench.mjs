// `npm run bench`: numbers, not tests. In one run, side by side, in one headless Chromium
// (with the WebGPU flags, so every backend can be tried):
//   (a) the lab's own training loop in its worker (the real app, `?backend=X`): wasm on its
//       single-threaded build and on every thread (`&threads=1`; rows gain `threads`), webgpu
//       with the lab's fused kernels and with tfjs's own (`&fused=0`; rows gain `fused`),
//   (b) tfjs Layers `model.fit` of the same model on the same backend (bench/engines.html),
//   (c) ConvNetJS, pure JS (bench/engines.html),
//   (d) on webgl, the lab's training step alone (bench/labCore.ts: no views, no worker),
// all for the reference autoencoder 784-256-64-2-64-256-784 (relu, sigmoid output, bce, Adam)
// at batch 256; plus the main thread's longest task while the lab trains and the seconds from
// pressing Train (default settings, backend chosen by the lab) until the test squared error
// beats the PCA-2 line. Prints a table and the targets (scripts/benchReport.mjs), writes
// bench/results.json and regenerates the README's bench section from it.
//
// Options: --seconds N (per timed round, default 3), --rounds N (per engine and backend, the
// best counts, default 2; fewer for a slow backend when the budget runs short), --backends webgl,wasm (default: all four; those that fail the lab's
// self-check are left out), --budget N (seconds for the run, default 300: a backend not
// reached in time is left out), --port (default 4174), --no-build, --no-readme,
// --screenshot docs/screenshot.png (after the PCA-2 race: the README's picture of the lab),
// --gpu (Chromium on the machine's own GPU instead of SwiftShader, backends webgpu, webgl and
// wasm; the adapter's name goes into bench/results-gpu.json, and the README is left alone),
// --help (prints this comment and exits).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { FLAGS, findBrowser, howToGetBrowser } from './find-browser.mjs';
import { labRun, measurePca2Race, openLabAt } from '../bench/lab.mjs';
import { printReport, targets, updateReadme } from './benchReport.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
    // Fast backends first; cpu, the last resort, last: a tight budget leaves it out first.
    backends: { type: 'string' },
    budget: { type: 'string', default: '300' },
    port: { type: 'string', default: '4174' },
    'no-build': { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    gpu: { type: 'boolean', default: false },
    'no-readme': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  // The comment at the top of this file is the usage: printed as it stands, so it cannot drift.
  const usage = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  console.log(usage.slice(0, usage.findIndex((line) => !line.startsWith('//'))).map((line) => line.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
const SECONDS = Number(opts.seconds);
const ROUNDS = Math.max(1, Number(opts.rounds));
/** Seconds for the whole run; backends not reached in time are left out (and say so). */
const BUDGET_S = Number(opts.budget);
const FIT_WARMUP_MS = 90_000;
const RACE_MS = 150_000;
// --gpu: the GPU backends on the machine's hardware adapter (wasm beside them as the yardstick).
const BACKENDS = (opts.backends ?? (opts.gpu ? 'webgpu,webgl,wasm' : 'wasm,webgl,webgpu,cpu')).split(',').map((b) => b.trim());
// One build folder per port, so two runs at once (engineers sharing a machine) do not empty each other's.
const OUT_DIR = join(root, 'node_modules', '.cache', 'autoencoder-lab', `bench-dist-${opts.port}`);
const started = Date.now();
/** The machine is shared: its load average says how far to trust the absolute numbers. */
const loadAtStart = loadavg()[0];
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
  // --gpu: the hardware adapter (FLAGS.hardwareGpu); else SwiftShader, so every backend can be tried here.
  args: [...FLAGS.common, ...(opts.gpu ? FLAGS.hardwareGpu : [...FLAGS.webgpu, '--enable-unsafe-swiftshader'])],
});

/** The WebGPU adapter this browser offers, as the lab's backend report names it. */
async function adapterInfo() {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(baseUrl);
    return await page.evaluate(async () => {
      const adapter = await navigator.gpu?.requestAdapter({ powerPreference: 'high-performance' });
      if (!adapter) return { adapter: 'none (no WebGPU adapter)', software: true };
      const info = adapter.info ?? {};
      const adapterName = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unknown adapter';
      return { adapter: adapterName, software: Boolean(info.isFallbackAdapter) || /swiftshader|llvmpipe|software/i.test(adapterName) };
    });
  } finally {
    await context.close();
  }
}
const gpu = opts.gpu ? await adapterInfo() : null;
if (gpu) log(`--gpu: WebGPU adapter ${gpu.adapter}${gpu.software ? ' (software: this machine has no GPU Chromium can use)' : ''}`);

const browserVersion = browser.version();

/** A fresh browser context per backend: tfjs keeps one global engine per page. */
async function withContext(fn) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const newPage = async () => {
    const page = await context.newPage();
    page.on('pageerror', (e) => log('page error:', e.message));
    return page;
  };
  try {
    return await fn(newPage);
  } finally {
    await context.close();
  }
}

async function enginePage(page) {
  await page.goto(`${baseUrl}bench/engines.html`);
  await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 30_000 });
}

const best = (runs) => runs.reduce((a, b) => (b.samplesPerSec > a.samplesPerSec ? b : a));

/** Rejects after `ms` (the caller closes the pages, which stops the work in them). */
function within(ms, promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: over ${Math.round(ms / 1000)} s`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
const remainingMs = () => BUDGET_S * 1000 - (Date.now() - started);

/**
 * The lab's variants on a backend, measured side by side: wasm on its single-threaded build and
 * on every thread the page may use (`threads` in the rows), webgpu with the lab's fused kernels
 * and with tfjs's own (`fused`), the other backends as they are.
 */
function labVariants(backend) {
  // `threads=8`: every thread, up to the lab's cap (wasmThreads.ts MAX_THREADS), without the
  // start-up measurement that may keep one thread on a busy machine.
  if (backend === 'wasm') return [{ query: '&threads=1' }, { query: '&threads=8' }];
  if (backend === 'webgpu') return [{ query: '', fused: true }, { query: '&fused=0', fused: false }];
  return [{ query: '' }];
}

const firstLine = (e) => String(e?.message ?? e).split('\n')[0];

/**
 * The lab's variants and model.fit on one backend, side by side: every page open, measured in
 * alternating rounds so that a change in the machine's load hits all; the best round of each
 * counts. On webgl also the lab's training step alone (bench/labCore.ts: the Trainer on a page's
 * main thread, no views), which tells the step's own speed from the running lab's.
 * Returns the rows measured and notes on what was left out.
 */
async function measureBackend(backend, newPage) {
  const notes = [];
  const labs = [];
  for (const variant of labVariants(backend)) {
    const page = await newPage();
    const opened = await openLabAt(page, baseUrl, backend, log, variant.query).catch((e) => ({ ok: false, reason: firstLine(e) }));
    if (!opened.ok) {
      notes.push(`lab${variant.query} left out: ${opened.reason}`);
      await page.close();
      continue;
    }
    log(`${backend}${variant.query}: the lab is ready (self-check passed, batch 256 applied${opened.threads ? `, ${opened.threads} thread(s)` : ''})`);
    labs.push({ ...variant, page, opened, runs: [] });
  }
  if (!labs.length) return { rows: [], notes };
  let fitPage = await newPage();
  await enginePage(fitPage);
  await within(FIT_WARMUP_MS, fitPage.evaluate((b) => window.__bench.fitSetup(b), backend), 'model.fit warm-up').catch(async (e) => {
    notes.push(`model.fit left out: ${firstLine(e)}`);
    await fitPage.close(); // stops its work, so it does not slow the lab's rounds
    fitPage = null;
  });
  const fitThreads = fitPage && backend === 'wasm' ? await fitPage.evaluate(() => window.__bench.wasmThreads()) : undefined;
  if (fitPage) log(`${backend}: model.fit ready (built and warmed up${fitThreads ? `, ${fitThreads} thread(s)` : ''})`);
  let stepPage = null;
  if (backend === 'webgl') {
    stepPage = await newPage();
    await enginePage(stepPage);
    await within(FIT_WARMUP_MS, stepPage.evaluate((b) => window.__bench.labStepSetup(b), backend), 'lab step warm-up').catch(async (e) => {
      notes.push(`lab step left out: ${firstLine(e)}`);
      await stepPage.close();
      stepPage = null;
    });
  }
  const fit = [];
  const step = [];
  for (let round = 0; round < ROUNDS; round++) {
    const roundStart = Date.now();
    for (const lab of labs) lab.runs.push(await labRun(lab.page, SECONDS));
    if (fitPage) fit.push(await fitPage.evaluate((sec) => window.__bench.fitRun(sec), SECONDS));
    if (stepPage) step.push(await stepPage.evaluate((sec) => window.__bench.labStepRun(sec, 'each'), SECONDS));
    // A slow backend gets fewer rounds rather than pushing the others out of the budget.
    if (remainingMs() < 1.5 * (Date.now() - roundStart) + 30_000 * (BACKENDS.length - 1 - BACKENDS.indexOf(backend))) break;
  }
  const rows = [];
  for (const lab of labs) {
    const l = best(lab.runs);
    const variant = [lab.opened.threads !== undefined ? `${lab.opened.threads} thread(s)` : '', lab.fused === undefined ? '' : lab.fused ? 'fused kernels' : "tfjs's kernels"].filter(Boolean).join(', ');
    log(`${backend}: lab${variant ? ` (${variant})` : ''} ${lab.runs.map((r) => r.samplesPerSec.toFixed(0)).join(' / ')} samples/s (${l.steps} steps in ${l.seconds.toFixed(1)} s; the page showed ${l.shownSamplesPerSec.toFixed(0)})`);
    rows.push({
      backend,
      engine: 'lab',
      samplesPerSec: Math.round(l.samplesPerSec),
      ...(lab.opened.threads !== undefined ? { threads: lab.opened.threads } : {}),
      ...(lab.fused !== undefined ? { fused: lab.fused } : {}),
      ...(lab.opened.adapter ? { adapter: lab.opened.adapter } : {}),
    });
  }
  if (fitPage) {
    const f = best(fit);
    log(`${backend}: model.fit ${fit.map((r) => r.samplesPerSec.toFixed(0)).join(' / ')} samples/s (${f.samples} samples in ${f.seconds.toFixed(1)} s, loss ${f.loss.toFixed(3)})`);
    rows.push({ backend, engine: 'model.fit', samplesPerSec: Math.round(f.samplesPerSec), ...(fitThreads ? { threads: fitThreads } : {}) });
  }
  if (stepPage && step.length) {
    const t = best(step);
    log(`${backend}: the lab's step alone ${step.map((r) => r.samplesPerSec.toFixed(0)).join(' / ')} samples/s (${t.steps} steps, ${t.kernelsPerStep} kernels a step)`);
    rows.push({ backend, engine: 'lab step', samplesPerSec: Math.round(t.samplesPerSec) });
  }
  return { rows, notes };
}

const rows = [];
const notes = [];
let race = { backend: null, longestTaskMs: null, maxTimerLateMs: null, secondsToBeatPca2: null };
try {
  // The user-facing numbers first: default settings, the backend the lab picks itself.
  race = await withContext(async (newPage) => within(RACE_MS, measurePca2Race(await newPage(), baseUrl, log, { screenshotPath: opts.screenshot ? join(root, opts.screenshot) : null }), 'PCA-2 race')).catch((e) => {
    notes.push(`race: ${e.message}`);
    return race;
  });

  const cj = await withContext(async (newPage) => {
    const page = await newPage();
    await enginePage(page);
    const runs = [];
    for (let round = 0; round < ROUNDS; round++) runs.push(await page.evaluate((sec) => window.__bench.convnet(sec), SECONDS));
    log(`convnetjs ${runs.map((r) => r.samplesPerSec.toFixed(0)).join(' / ')} samples/s (loss ${best(runs).loss.toFixed(2)})`);
    return best(runs);
  });
  rows.push({ backend: 'js', engine: 'convnetjs', samplesPerSec: Math.round(cj.samplesPerSec) });

  for (const backend of BACKENDS) {
    const left = remainingMs();
    if (left < 30_000) {
      notes.push(`${backend}: left out, the ${BUDGET_S} s budget was spent`);
      log(notes[notes.length - 1]);
      continue;
    }
    const r = await withContext((newPage) => within(left, measureBackend(backend, newPage), `${backend}`)).catch((e) => ({
      rows: [],
      notes: [`left out: ${e.message} (the run's budget)`],
    }));
    rows.push(...r.rows);
    for (const note of r.notes) {
      notes.push(`${backend}: ${note}`);
      log(notes[notes.length - 1]);
    }
  }
} finally {
  await browser.close();
  await new Promise((r) => server.httpServer.close(r));
}
const { longestTaskMs, maxTimerLateMs, secondsToBeatPca2 } = race;
/** The backend the lab picks itself with the default settings: the targets are about it. */
const chosenBackend = race.backend;

const results = {
  date: new Date().toISOString(),
  machine:
    `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform}, ` +
    `Chromium ${browserVersion}, load average ${loadAtStart.toFixed(1)} at start / ${loadavg()[0].toFixed(1)} at end`,
  ...(gpu ? { gpu } : {}),
  chosenBackend,
  rows,
  longestTaskMs,
  maxTimerLateMs,
  secondsToBeatPca2,
  notes,
};
results.targets = targets(results);
mkdirSync(join(root, 'bench'), { recursive: true });
const resultsFile = opts.gpu ? 'results-gpu.json' : 'results.json';
writeFileSync(join(root, 'bench', resultsFile), JSON.stringify(results, null, 2) + '\n');
printReport(results);
if (!opts.gpu && !opts['no-readme']) updateReadme(results);
log(`done; wrote bench/${resultsFile}${opts.gpu || opts['no-readme'] ? '' : ' and the README\'s bench section'}`);
