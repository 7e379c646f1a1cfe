/**
 * The long lesson (issue 11, item 9): trains on wasm for SOAK_MINUTES (10) while switching lessons
 * SOAK_SWITCHES (50) times and decoding 20 grid clicks a second, then compares the start with the
 * end, both paused in the first lesson after a few steps: the worker's tensors (exactly as many),
 * the page's JS heap, the wasm memory, the storage used, the notices. The bounds are the README's
 * ("The long lesson"); the figures are printed and written to test-results/soak/soak.json
 * (docs/soak.md keeps a run's).
 */
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { announced, labState, noticeCodes, type LabWindow } from '../e2e/labConsole';

const MINUTES = Number(process.env.SOAK_MINUTES) || 10;
const SWITCHES = Number(process.env.SOAK_SWITCHES) || 50;
const CLICKS_PER_SECOND = 20;
const MiB = 2 ** 20;
/** The README's bounds: growth from start to end. */
const BOUNDS = { jsHeapGrowthMiB: 64, wasmMiB: 1024, storageMiB: 256, notices: 4 };

type Soak = Window & { __clicks?: { done: number; failed: number; skipped: number; stop: () => void } };

interface Figures {
  tensors: number;
  tensorMiB: number;
  jsHeapMiB: number;
  wasmMiB: number;
  storageMiB: number;
  notices: string[];
}

async function figures(page: Page): Promise<Figures> {
  const worker = await page.evaluate(() => (window as LabWindow).__lab!.memory());
  const page_ = await page.evaluate(async () => ({
    heap: (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? Number.NaN,
    storage: (await navigator.storage.estimate()).usage ?? Number.NaN,
  }));
  const round = (bytes: number) => Math.round((bytes / MiB) * 10) / 10;
  return {
    tensors: worker.numTensors,
    tensorMiB: round(worker.numBytes),
    jsHeapMiB: round(page_.heap),
    wasmMiB: round(worker.wasmBytes ?? Number.NaN),
    storageMiB: round(page_.storage),
    notices: await noticeCodes(page),
  };
}

/** Pauses, waits for the pause and the page's reads to settle, and steps `n` exactly. */
async function pauseAndStep(page: Page, n: number): Promise<void> {
  await page.evaluate(async (k) => {
    const lab = (window as LabWindow).__lab! as unknown as { pause(): Promise<void>; step(n: number): Promise<void> };
    await lab.pause();
    await lab.step(k);
  }, n);
}

test('a long lesson: training, lesson switches and grid clicks leave nothing growing', async ({ page, openLab }, testInfo) => {
  await openLab();
  await announced(page);
  // The lessons that train the MNIST autoencoder, as the navigator links them; the soak starts and ends in the first.
  const links = await page.getByTestId('lesson-nav').locator('a[href*="lesson="]').evaluateAll((as) =>
    as.map((a) => a.getAttribute('href')!).filter((h) => !/lesson=(text-retrieval|pretraining)&/.test(h)),
  );
  expect(links.length).toBeGreaterThan(10);
  await page.evaluate((hash) => (location.hash = hash), links[0]);
  await announced(page, 120_000);
  await pauseAndStep(page, 5);
  const start = await figures(page);
  console.log('soak start', JSON.stringify(start));

  // 20 decodes a second from the page, at most 4 waiting (a slow decode is skipped, not queued).
  await page.evaluate((perSecond) => {
    const lab = (window as LabWindow).__lab! as unknown as { decodeMapPoint(x: number, y: number): Promise<unknown> };
    const clicks = { done: 0, failed: 0, skipped: 0, stop: () => clearInterval(timer) };
    let waiting = 0;
    let i = 0;
    const timer = setInterval(() => {
      if (waiting >= 4) return void clicks.skipped++;
      waiting++;
      i++;
      lab.decodeMapPoint(Math.sin(i) * 2, Math.cos(i * 0.7) * 2).then(
        () => clicks.done++,
        () => clicks.failed++,
      ).finally(() => waiting--);
    }, 1000 / perSecond);
    (window as Soak).__clicks = clicks;
  }, CLICKS_PER_SECOND);

  const began = Date.now();
  const deadline = began + MINUTES * 60_000;
  for (let i = 0; i < SWITCHES; i++) {
    // The last switch goes back to the lesson the start was measured in.
    const link = i === SWITCHES - 1 ? links[0] : links[(i + 1) % links.length];
    await page.evaluate((hash) => (location.hash = hash), link);
    await announced(page, 120_000);
    await page.evaluate(() => ((window as LabWindow).__lab! as unknown as { train(): Promise<void> }).train());
    // Spread the switches over the soak: train until this one's share of the time is up.
    const next = began + ((i + 1) * (deadline - began)) / SWITCHES;
    if (i < SWITCHES - 1) await page.waitForFunction((t) => Date.now() >= t, next, { timeout: Math.max(1000, next - Date.now() + 60_000), polling: 1000 });
  }
  const clicks = await page.evaluate(() => {
    const c = (window as Soak).__clicks!;
    c.stop();
    return { done: c.done, failed: c.failed, skipped: c.skipped };
  });
  await pauseAndStep(page, 5);
  const end = await figures(page);
  const trained = (await labState(page)).progress?.step ?? 0;
  console.log('soak end', JSON.stringify(end), 'clicks', JSON.stringify(clicks), 'minutes', ((Date.now() - began) / 60_000).toFixed(1));
  await writeFile(testInfo.outputPath('soak.json'), JSON.stringify({ minutes: MINUTES, switches: SWITCHES, start, end, clicks, trained, bounds: BOUNDS }, null, 2));

  expect(end.tensors, 'tensors in the worker, paused in the same lesson').toBe(start.tensors);
  expect(end.jsHeapMiB - start.jsHeapMiB, 'JS heap growth (MiB)').toBeLessThan(BOUNDS.jsHeapGrowthMiB);
  expect(end.wasmMiB, 'wasm memory (MiB)').toBeLessThan(BOUNDS.wasmMiB);
  expect(end.storageMiB, 'storage used (MiB)').toBeLessThan(BOUNDS.storageMiB);
  expect(end.notices.length, `notices: ${end.notices.join(', ')}`).toBeLessThanOrEqual(BOUNDS.notices);
  expect(clicks.failed, 'grid decodes that failed').toBe(0);
  expect(clicks.done).toBeGreaterThan(MINUTES * 60);
});
