/**
 * wasm on every core the page may use (issue 13): the preview server sends the isolation
 * headers, so the lab is cross-origin isolated and tfjs-wasm runs its threaded build; a static
 * host that sends none gets them from the service worker after its one reload; inside a frame
 * of a page that is not isolated, the lab trains on one thread and says why.
 * Backend-specific to wasm, so it runs in the wasm project only (playwright.config.ts).
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { test, expect, BOOT_TIMEOUT_MS } from './fixtures';
import { readMetric, watchMetric } from './labPage';

interface Threads {
  count: number;
  cores: number;
  why?: string;
}

/** The wasm candidate's threads in the lab's backend report (window.__lab, the bridge's console API). */
function wasmThreads(target: Page | Frame): Promise<Threads | undefined> {
  return target.evaluate(async () => {
    const lab = (window as unknown as { __lab: { backendReport(): Promise<{ candidates: { name: string; threads?: Threads }[] }> } }).__lab;
    return (await lab.backendReport()).candidates.find((c) => c.name === 'wasm')?.threads;
  });
}

/** The threads the lab should run: the cores the browser reports, at most 8 (wasmThreads.ts). */
function expectedThreads(target: Page | Frame): Promise<number> {
  return target.evaluate(() => Math.min(navigator.hardwareConcurrency, 8));
}

/** Trains until the test loss falls by a tenth (wasm: a few seconds), then pauses. */
async function trainsUntilLossFalls(target: Page | Frame): Promise<void> {
  const toggle = target.getByTestId('train-toggle');
  await expect(toggle).toBeEnabled({ timeout: BOOT_TIMEOUT_MS });
  await target.getByTestId('step-button').click();
  await expect(target.getByTestId('metric-test-loss')).toHaveText(/^\d/, { timeout: 30_000 });
  const first = await readMetric(target as Page, 'metric-test-loss');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await watchMetric(target as Page, 'metric-test-loss', (v) => v <= 0.9 * first, 90_000);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false', { timeout: 30_000 });
}

/**
 * A static host that sends no isolation headers: the e2e build (playwright.config.ts
 * webServer) under /lab/, and /frame-host.html?lab=URL, a page that embeds a lab in a frame.
 * Another port of localhost: another origin than the preview server's.
 */
let server: Server;
let origin = '';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

test.beforeAll(async () => {
  const port = Number(process.env.E2E_PORT) || 4173;
  const root = join(process.cwd(), 'node_modules', '.cache', 'autoencoder-lab', `e2e-dist-${port}`);
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === '/frame-host.html') {
      const lab = new URL(request.url ?? '/', 'http://x').searchParams.get('lab') ?? '';
      const body = `<!doctype html><title>host</title><iframe src="${lab.replace(/"/g, '')}" width="1300" height="900"></iframe>`;
      return void response.writeHead(200, { 'Content-Type': 'text/html' }).end(body);
    }
    if (!path.startsWith('/lab/')) return void response.writeHead(404).end();
    const file = normalize(join(root, path.slice('/lab/'.length) || 'index.html'));
    if (!file.startsWith(root)) return void response.writeHead(404).end();
    readFile(file).then(
      (body) => response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const address = server.address();
  origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test('isolated: wasm chosen on its own trains on every core, and Why? says how many', async ({ page, openLab }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openLab();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const expected = await expectedThreads(page);
  test.skip(expected < 2, 'this machine reports one core: nothing to spread over threads');

  const threads = await wasmThreads(page);
  expect(threads).toEqual({ count: expected, cores: await page.evaluate(() => navigator.hardwareConcurrency) });
  await page.getByRole('button', { name: /^Why\?/ }).click();
  await expect(page.getByTestId('backend-threads-wasm')).toHaveAttribute('data-threads', String(expected));
  await expect(page.getByTestId('backend-threads-wasm')).toContainText(`Threads: ${expected}`);

  await trainsUntilLossFalls(page);
  expect(errors).toEqual([]);
});

test('the automatic choice measures wasm on every thread and on one, and keeps the faster', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./');
  await expect(page.getByTestId('backend-badge')).toHaveText(/^(wasm|webgl|webgpu|cpu)$/, { timeout: BOOT_TIMEOUT_MS });
  const threads = (await wasmThreads(page)) as Threads & { measured?: { threads: number; threaded: number; single: number } };
  const expected = await expectedThreads(page);
  test.skip(expected < 2, 'this machine reports one core');
  expect(threads.measured?.threads, `wasm's threads: ${JSON.stringify(threads)}`).toBe(expected);
  const { threaded, single } = threads.measured!;
  // On a busy machine one thread can win: then the report says so.
  if (threaded >= single) expect(threads).toMatchObject({ count: expected });
  else expect(threads).toMatchObject({ count: 1, why: 'slower' });
});

test('?threads=1 runs the single-threaded build and says it was asked for', async ({ page, openLab }) => {
  test.setTimeout(240_000);
  await openLab({ threads: '1' });
  expect(await wasmThreads(page)).toMatchObject({ count: 1, why: 'asked' });
});

test('inside a frame of a page that is not isolated: one thread, the reason, and training works', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  // Another origin embeds the lab without allow="cross-origin-isolated", and is not isolated itself.
  const host = `${origin}/frame-host.html?lab=${encodeURIComponent(new URL('./?backend=wasm', baseURL).href)}`;
  await page.goto(host);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame, 'the lab\'s frame').toBeDefined();
  await expect(frame!.getByTestId('backend-badge')).toHaveText('wasm', { timeout: BOOT_TIMEOUT_MS });
  expect(await frame!.evaluate(() => crossOriginIsolated)).toBe(false);
  expect(await wasmThreads(frame!)).toMatchObject({ count: 1, why: 'frame' });
  await frame!.getByRole('button', { name: /^Why\?/ }).click();
  await expect(frame!.getByTestId('backend-threads-wasm')).toContainText('inside a frame');
  await trainsUntilLossFalls(frame!);
});

test.describe('a static host that sends no isolation headers', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the service worker adds the headers; the page reloads once and trains on every core', async ({ page }) => {
    test.setTimeout(300_000);
    const documents: { isolationHeader?: string; fromServiceWorker: boolean }[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'document' && response.frame() === page.mainFrame()) {
        documents.push({ isolationHeader: response.headers()['cross-origin-embedder-policy'], fromServiceWorker: response.fromServiceWorker() });
      }
    });
    await page.goto(`${origin}/lab/?backend=wasm`);
    expect(await page.evaluate(() => crossOriginIsolated), 'the first load, without headers').toBe(false);

    // The service worker installs (the build and MNIST into its cache), takes control, and the
    // page reloads itself onto a response with the headers.
    await expect
      .poll(() => page.evaluate(() => crossOriginIsolated).catch(() => false), { timeout: 180_000, intervals: [1000] })
      .toBe(true);
    expect(documents).toEqual([
      { isolationHeader: undefined, fromServiceWorker: false },
      { isolationHeader: 'require-corp', fromServiceWorker: true },
    ]);
    await expect(page.getByTestId('backend-badge')).toHaveText('wasm', { timeout: BOOT_TIMEOUT_MS });
    expect((await wasmThreads(page))?.count).toBe(await expectedThreads(page));
    await trainsUntilLossFalls(page);
    // Once: a further load is served isolated from the start.
    expect(documents).toHaveLength(2);
  });
});
