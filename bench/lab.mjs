// The lab's side of `npm run bench` (scripts/bench.mjs): drives the real app in a page the
// way a user does (URL parameter, the architecture form, the Train button) and reads the
// numbers the page shows. Nothing here reaches into the app's internals except
// window.__lab.backendReport(), the bridge's public console API.

/** Batch size of the reference measurement (the lab's default is smaller). */
const BENCH_BATCH = 256;
/** Training before each timed window: kernels, the first evaluation, the loop's chunk size. */
const WARMUP_MS = 1500;
const BOOT_TIMEOUT_MS = 120_000;
/** A software GPU compiles every shader of the self-check and the first steps on the CPU (e2e/fixtures.ts: 300 s). */
const GPU_BOOT_TIMEOUT_MS = 300_000;
const bootTimeout = (backend) => (backend === 'webgl' || backend === 'webgpu' ? GPU_BOOT_TIMEOUT_MS : BOOT_TIMEOUT_MS);
/** Fewest steps a timed window should count (one step more or less is then a small error). */
const MIN_STEPS = 5;
const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Waits until the badge names a backend, or a notice says why none could be used. */
async function waitForBoot(page, timeout = BOOT_TIMEOUT_MS) {
  await page.waitForFunction(
    (names) => {
      const badge = document.querySelector('[data-testid="backend-badge"]')?.textContent?.trim() ?? '';
      const toggle = document.querySelector('[data-testid="train-toggle"]');
      const failed = document.querySelector('[data-testid^="notice-error-"]');
      return (names.includes(badge) && toggle && !toggle.disabled) || failed !== null;
    },
    BACKENDS,
    { timeout, polling: 200 },
  );
  const failed = page.locator('[data-testid^="notice-error-"]');
  if (await failed.count()) return { ok: false, reason: (await failed.first().innerText()).replace(/\s+/g, ' ') };
  return { ok: true, backend: (await page.getByTestId('backend-badge').innerText()).trim() };
}

async function readNumber(page, testId) {
  const text = (await page.getByTestId(testId).textContent())?.trim() ?? '';
  return /^-?\d/.test(text) ? Number.parseFloat(text) : Number.NaN;
}

/**
 * Opens the lab forced to `backend` with `?backend=` and applies the reference model (the
 * lab's default architecture 784-256-64-2-64-256-784) at batch 256 through the settings form.
 * @param query more of the address: `&threads=1` (wasm's single-threaded build), `&fused=0`
 *   (tfjs's own kernels instead of the lab's fused ones on webgpu)
 * @returns {{ ok: true, threads?: number, adapter?: string } | { ok: false, reason: string }} not
 *   ok when the backend failed the lab's self-check (or could not start): such backends are
 *   left out of the table.
 */
export async function openLabAt(page, baseUrl, backend, log, query = '') {
  await page.goto(`${baseUrl}?backend=${backend}${query}`);
  const boot = await waitForBoot(page, bootTimeout(backend));
  if (!boot.ok) return boot;
  const report = await page.evaluate(() => window.__lab.backendReport());
  const mine = report.candidates.find((c) => c.name === backend);
  if (report.chosen !== backend || mine?.status !== 'chosen') {
    const why = mine ? `${mine.reason.code}${mine.reason.detail ? ` (${mine.reason.detail})` : ''}` : 'no report';
    return { ok: false, reason: `lab chose ${report.chosen}: ${why}` };
  }
  const widths = await page.locator('.arch-editor').innerText().catch(() => '');
  if (!/784[\s\S]*256[\s\S]*64[\s\S]*2[\s\S]*64[\s\S]*256[\s\S]*784/.test(widths)) {
    log(`${backend}: warning, the architecture panel does not read 784-256-64-2-64-256-784`);
  }
  await page.getByLabel('Batch size').fill(String(BENCH_BATCH));
  await page.getByTestId('apply-config').click();
  await page.waitForFunction(
    () => {
      const apply = document.querySelector('[data-testid="apply-config"]');
      const toggle = document.querySelector('[data-testid="train-toggle"]');
      return apply?.disabled && toggle && !toggle.disabled;
    },
    null,
    { timeout: bootTimeout(backend) },
  );
  // What the lab runs on: wasm's threads, the GPU adapter or renderer.
  return { ok: true, threads: mine.threads?.count, adapter: mine.adapter };
}

/**
 * Samples per second of the lab's training loop over about `seconds` of wall-clock time:
 * presses Train, lets a few steps pass (kernels, the first evaluation), then times the steps
 * the page shows. Each change of the step counter is stamped in the page (a MutationObserver),
 * and the rate runs from the first change in the window to the last, so it is not off by a
 * partly counted step. This includes everything the running lab does besides training (live
 * test metrics, the code map, reconstructions, about once a second).
 */
export async function labRun(page, seconds) {
  const toggle = page.getByTestId('train-toggle');
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="metric-step"]');
    const stamps = [];
    const observer = new MutationObserver(() => stamps.push([performance.now(), Number.parseFloat(el.textContent ?? '')]));
    observer.observe(el, { childList: true, characterData: true, subtree: true });
    window.__stepStamps = { stamps, observer };
  });
  const startStep = await readNumber(page, 'metric-step');
  await toggle.click();
  const warmUntil = Date.now() + WARMUP_MS;
  while (Date.now() < warmUntil || !((await readNumber(page, 'metric-step')) >= startStep + 2)) {
    await page.waitForTimeout(100);
    if (Date.now() > warmUntil + BOOT_TIMEOUT_MS) throw new Error('the lab made no training steps');
  }
  const from = await page.evaluate(() => performance.now());
  const s0 = await readNumber(page, 'metric-step');
  const t0 = Date.now();
  const shown = [];
  // A slow backend (software WebGPU with tfjs's kernels: seconds a step) gets up to 20x the
  // window to count a few steps.
  while (Date.now() - t0 < seconds * 1000 || ((await readNumber(page, 'metric-step')) < s0 + MIN_STEPS && Date.now() - t0 < 20 * seconds * 1000)) {
    await page.waitForTimeout(250);
    const v = await readNumber(page, 'metric-samples-per-sec');
    if (Number.isFinite(v)) shown.push(v);
  }
  const to = await page.evaluate(() => performance.now());
  await toggle.click();
  await page.waitForFunction(() => document.querySelector('[data-testid="train-toggle"]')?.getAttribute('aria-pressed') === 'false');
  const stamps = await page.evaluate(({ from, to }) => {
    window.__stepStamps.observer.disconnect();
    return window.__stepStamps.stamps.filter(([t, step]) => t >= from && t <= to && Number.isFinite(step));
  }, { from, to });
  if (stamps.length < 2) throw new Error(`the step counter changed ${stamps.length} times in ${seconds} s`);
  const [[tA, sA], [tB, sB]] = [stamps[0], stamps[stamps.length - 1]];
  const shownMean = shown.length ? shown.reduce((a, b) => a + b, 0) / shown.length : Number.NaN;
  return { samplesPerSec: ((sB - sA) * BENCH_BATCH * 1000) / (tB - tA), shownSamplesPerSec: shownMean, steps: sB - sA, seconds: (tB - tA) / 1000 };
}

/**
 * Installed in the page before Train is pressed: the longest main-thread task, seen two ways.
 * Long-task entries (Chromium reports tasks over 50 ms) and a probe that asks for a 0 ms timer
 * again and again: how late a timer fires is how long the main thread was busy with
 * something else, which also catches tasks under 50 ms.
 */
function installTaskProbe() {
  const probe = { longTaskMs: 0, longTasks: 0, maxTimerLateMs: 0, maxFrameGapMs: 0, longFrames: 0, longFrameMs: 0, longFrameBlockingMs: 0, longFrameScripts: [], running: true };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      probe.longTasks++;
      probe.longTaskMs = Math.max(probe.longTaskMs, e.duration);
    }
  }).observe({ type: 'longtask' });
  // Long animation frames (over 50 ms, script and rendering together), with the scripts in them.
  if (PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        probe.longFrames++;
        if (e.duration > probe.longFrameMs) {
          probe.longFrameMs = e.duration;
          probe.longFrameBlockingMs = e.blockingDuration;
          probe.longFrameScripts = e.scripts.map((x) => `${x.invoker} ${Math.round(x.duration)} ms`).slice(0, 4);
        }
      }
    }).observe({ type: 'long-animation-frame' });
  }
  let expected = performance.now();
  const tick = () => {
    const now = performance.now();
    probe.maxTimerLateMs = Math.max(probe.maxTimerLateMs, now - expected);
    expected = now;
    if (probe.running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  let lastFrame = performance.now();
  const frame = (t) => {
    probe.maxFrameGapMs = Math.max(probe.maxFrameGapMs, t - lastFrame);
    lastFrame = t;
    if (probe.running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.__taskProbe = probe;
}

/**
 * Default settings, the backend the lab chooses itself: presses Train and measures the
 * seconds until the test squared error shown beats the PCA-2 line shown, and the main
 * thread's longest task while training (over at least `minSeconds`). With `screenshotPath`,
 * then decodes a point of the latent grid and saves a screenshot of the page (the README's).
 */
export async function measurePca2Race(page, baseUrl, log, { minSeconds = 10, timeoutSeconds = 90, screenshotPath = null } = {}) {
  await page.goto(baseUrl);
  const boot = await waitForBoot(page);
  if (!boot.ok) throw new Error(`the lab did not start: ${boot.reason}`);
  log(`race: the lab chose ${boot.backend}; pressing Train with the default settings`);
  await page.evaluate(installTaskProbe);
  await page.evaluate(() => {
    document.querySelector('[data-testid="train-toggle"]').addEventListener('click', () => (window.__trainPressedAt = performance.now()), { capture: true, once: true });
  });
  await page.getByTestId('train-toggle').click();
  const race = await page.evaluate(
    ({ minMs, timeoutMs }) =>
      new Promise((resolve) => {
        const start = window.__trainPressedAt;
        let beatenAt = null;
        let seen = null;
        const num = (id) => {
          const t = document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
          return /^-?\d/.test(t) ? Number.parseFloat(t) : Number.NaN;
        };
        const timer = setInterval(() => {
          const now = performance.now();
          const se = num('metric-test-squared-error');
          const pca = num('metric-pca-squared-error');
          if (beatenAt === null && se < pca) {
            beatenAt = now;
            seen = { se, pca, step: num('metric-step') };
          }
          if ((beatenAt !== null && now - start >= minMs) || now - start >= timeoutMs) {
            clearInterval(timer);
            window.__taskProbe.running = false;
            resolve({ seconds: beatenAt === null ? null : (beatenAt - start) / 1000, seen, probe: { ...window.__taskProbe }, lastSe: se, pca });
          }
        }, 50);
      }),
    { minMs: minSeconds * 1000, timeoutMs: timeoutSeconds * 1000 },
  );
  await page.getByTestId('train-toggle').click();
  const p = race.probe;
  log(
    `race: ${race.seconds === null ? `PCA-2 not beaten in ${timeoutSeconds} s (last ${race.lastSe} vs ${race.pca})` : `beat PCA-2 after ${race.seconds.toFixed(1)} s (${race.seen.se} < ${race.seen.pca} at step ${race.seen.step})`}; ` +
      `long tasks: ${p.longTasks} (longest ${p.longTaskMs.toFixed(0)} ms), timer lateness max ${p.maxTimerLateMs.toFixed(0)} ms, frame gap max ${p.maxFrameGapMs.toFixed(0)} ms, ` +
      `long animation frames: ${p.longFrames} (longest ${p.longFrameMs.toFixed(0)} ms, blocking ${p.longFrameBlockingMs.toFixed(0)} ms${p.longFrameScripts.length ? `: ${p.longFrameScripts.join('; ')}` : ''})`,
  );
  if (screenshotPath) {
    await page.waitForFunction(() => document.querySelector('[data-testid="train-toggle"]')?.getAttribute('aria-pressed') === 'false');
    const grid = page.getByTestId('latent-grid');
    await grid.scrollIntoViewIfNeeded();
    const box = await grid.boundingBox();
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.55);
    await page.waitForFunction(() => document.querySelector('[data-testid="decoded-image"]')?.hasAttribute('data-ink'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshotPath, fullPage: true });
    log(`race: screenshot saved to ${screenshotPath}`);
  }
  return {
    backend: boot.backend,
    secondsToBeatPca2: race.seconds === null ? null : Number(race.seconds.toFixed(1)),
    // The longest main-thread task (Long Tasks API: every task over 50 ms), whole ms; 0 = none.
    longestTaskMs: Math.round(p.longTaskMs),
    // How late a 0 ms timer fired at most: also the time the OS gave the page's thread to others.
    maxTimerLateMs: Math.round(p.maxTimerLateMs),
    probe: p,
  };
}
