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
// Options: --seconds N (per timed round, default 3), --rounds N (per engine and backend, the
// best counts, default 2; fewer for a slow backend when the budget runs short), --backends webgl,wasm (default: all four; those that fail the lab's
// self-check are left out), --budget N (seconds for the run, default 300: a backend not
// reached in time is left out), --port (default 4174), --no-build, --screenshot docs/screenshot.png
// (after the PCA-2 race: the README's picture of the lab).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { FLAGS, findBrowser, howToGetBrowser } from './find-browser.mjs';
import { labRun, measurePca2Race, openLabAt } from '../bench/lab.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
    // Fast backends first; cpu, the last resort, last: a tight budget leaves it out first.
    backends: { type: 'string', default: 'wasm,webgl,webgpu,cpu' },
    budget: { type: 'string', default: '300' },
    port: { type: 'string', default: '4174' },
    'no-build': { type: 'boolean', default: false },
    screenshot: { type: 'string' },
  },
});
const SECONDS = Number(opts.seconds);
const ROUNDS = Math.max(1, Number(opts.rounds));
/** Seconds for the whole run; backends not reached in time are left out (and say so). */
const BUDGET_S = Number(opts.budget);
const FIT_WARMUP_MS = 90_000;
const RACE_MS = 150_000;
const BACKENDS = opts.backends.split(',').map((b) => b.trim());
const OUT_DIR = join(root, 'node_modules', '.cache', 'autoencoder-lab', 'bench-dist');
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
  args: [...FLAGS.common, ...FLAGS.webgpu, '--enable-unsafe-swiftshader'],
});

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
 * The lab and model.fit on one backend, side by side: both pages open, measured in
 * alternating rounds so that a change in the machine's load hits both; the best round of
 * each counts. Returns the rows measured and a note when something was left out.
 */
async function measureBackend(backend, newPage) {
  const labPage = await newPage();
  const opened = await openLabAt(labPage, baseUrl, backend, log).catch((e) => ({ ok: false, reason: String(e.message ?? e).split('\n')[0] }));
  if (!opened.ok) return { rows: [], note: `left out: ${opened.reason}` };
  log(`${backend}: the lab is ready (self-check passed, batch 256 applied)`);
  let fitPage = await newPage();
  await enginePage(fitPage);
  let fitNote = null;
  await within(FIT_WARMUP_MS, fitPage.evaluate((b) => window.__bench.fitSetup(b), backend), 'model.fit warm-up').catch(async (e) => {
    fitNote = String(e.message ?? e).split('\n')[0];
    await fitPage.close(); // stops its work, so it does not slow the lab's rounds
    fitPage = null;
  });
  if (fitPage) log(`${backend}: model.fit ready (built and warmed up)`);
  const lab = [];
  const fit = [];
  for (let round = 0; round < ROUNDS; round++) {
    const roundStart = Date.now();
    lab.push(await labRun(labPage, SECONDS));
    if (fitPage) fit.push(await fitPage.evaluate((sec) => window.__bench.fitRun(sec), SECONDS));
    // A slow backend gets fewer rounds rather than pushing the others out of the budget.
    if (remainingMs() < 1.5 * (Date.now() - roundStart) + 30_000 * (BACKENDS.length - 1 - BACKENDS.indexOf(backend))) break;
  }
  const rows = [];
  const l = best(lab);
  log(`${backend}: lab ${lab.map((r) => r.samplesPerSec.toFixed(0)).join(' / ')} samples/s (${l.steps} steps in ${l.seconds.toFixed(1)} s; the page showed ${l.shownSamplesPerSec.toFixed(0)})`);
  rows.push({ backend, engine: 'lab', samplesPerSec: Math.round(l.samplesPerSec) });
  if (fitPage) {
    const f = best(fit);
    log(`${backend}: model.fit ${fit.map((r) => r.samplesPerSec.toFixed(0)).join(' / ')} samples/s (${f.samples} samples in ${f.seconds.toFixed(1)} s, loss ${f.loss.toFixed(3)})`);
    rows.push({ backend, engine: 'model.fit', samplesPerSec: Math.round(f.samplesPerSec) });
  }
  return { rows, note: fitNote ? `model.fit left out: ${fitNote}` : null };
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
      note: `left out: ${e.message} (the run's budget)`,
    }));
    rows.push(...r.rows);
    if (r.note) {
      notes.push(`${backend}: ${r.note}`);
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
  chosenBackend,
  rows,
  longestTaskMs,
  maxTimerLateMs,
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
  console.log(`\ntargets (about the backend the lab chose itself: ${chosenBackend ?? 'unknown'}; the other backends for reference):`);
  const labBackends = backends.filter((x) => cell(x, 'lab') !== undefined);
  for (const b of [...labBackends.filter((x) => x === chosenBackend), ...labBackends.filter((x) => x !== chosenBackend)]) {
    const lab = cell(b, 'lab');
    const fitRate = cell(b, 'model.fit');
    console.log(
      `  ${b}${b === chosenBackend ? ' (chosen)' : ''}: lab >= model.fit: ${fitRate === undefined ? 'n/a' : lab >= fitRate ? 'met' : 'NOT met'} (${fitRate ? (lab / fitRate).toFixed(2) : '?'}x)` +
        `; lab >= 4x ConvNetJS: ${convnet ? (lab >= 4 * convnet ? 'met' : 'NOT met') : 'n/a'} (${convnet ? (lab / convnet).toFixed(1) : '?'}x)`,
    );
  }
  console.log(
    `  longest main-thread task while training: ${longestTaskMs ?? '?'} ms (target <= 50): ${longestTaskMs !== null && longestTaskMs <= 50 ? 'met' : 'NOT met'}` +
      `; a 0 ms timer fired at most ${maxTimerLateMs ?? '?'} ms late`,
  );
  for (const n of notes) console.log(`  note: ${n}`);
  console.log(`  seconds to beat PCA-2: ${secondsToBeatPca2 ?? 'not beaten'} (target <= 10): ${secondsToBeatPca2 !== null && secondsToBeatPca2 <= 10 ? 'met' : 'NOT met'}\n`);
}
