/**
 * wasm on every core the page may use (issue 13): the preview server sends the isolation
 * headers, so the lab is cross-origin isolated and tfjs-wasm runs its threaded build; a static
 * host that sends none gets them from the service worker after its one reload; inside a frame
 * of a page that is not isolated, the lab trains on one thread and says why.
 * Backend-specific to wasm, so it runs in the wasm project only (playwright.config.ts).
 * Cheap for CI: four page boots, one step of training where a test trains (core-lab.spec.ts
 * trains the threaded build to a lower loss); ~2.5 min under load on the 2-core machine.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { test, expect, BOOT_TIMEOUT_MS } from './fixtures';

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

/**
 * One training step and its test loss (seconds): the threaded or single-threaded build runs a
 * step end to end. How well it trains is core-lab.spec.ts's (which runs threaded here too).
 */
async function takesAStep(target: Page | Frame): Promise<void> {
  await expect(target.getByTestId('train-toggle')).toBeEnabled({ timeout: BOOT_TIMEOUT_MS });
  await target.getByTestId('step-button').click();
  await expect(target.getByTestId('metric-step')).toHaveText(/^[1-9]\d*$/, { timeout: 30_000 });
  await expect(target.getByTestId('metric-test-loss')).toHaveText(/^\d/, { timeout: 30_000 });
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

test('isolated, the automatic choice measures wasm on every thread and on one, keeps the faster, and Why? says so', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await expect(page.getByTestId('backend-badge')).toHaveText(/^(wasm|webgl|webgpu|cpu)$/, { timeout: BOOT_TIMEOUT_MS });
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const expected = await expectedThreads(page);
  test.skip(expected < 2, 'this machine reports one core: nothing to spread over threads');

  const threads = (await wasmThreads(page)) as Threads & { measured?: { threads: number; threaded: number; single: number } };
  expect(threads.measured?.threads, `wasm's threads: ${JSON.stringify(threads)}`).toBe(expected);
  expect(threads.cores).toBe(await page.evaluate(() => navigator.hardwareConcurrency));
  const { threaded, single } = threads.measured!;
  // On a busy machine one thread can win: then the report says so.
  const count = threaded >= single ? expected : 1;
  if (threaded >= single) expect(threads).toMatchObject({ count: expected });
  else expect(threads).toMatchObject({ count: 1, why: 'slower' });

  await page.getByRole('button', { name: /^Why\?/ }).click();
  const words = page.getByTestId('backend-threads-wasm');
  await expect(words).toHaveAttribute('data-threads', String(count));
  await expect(words).toContainText(`Threads: ${count}`);
  await expect(words).toContainText(`on ${expected} threads`);
  expect(errors).toEqual([]);
});

test('?threads=1 runs the single-threaded build and says it was asked for', async ({ page, openLab }) => {
  test.setTimeout(240_000);
  await openLab({ threads: '1' });
  expect(await wasmThreads(page)).toMatchObject({ count: 1, why: 'asked' });
});

test('inside a frame of a page that is not isolated: one thread, the reason, and a training step', async ({ page, baseURL }) => {
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
  await takesAStep(frame!);
});

test.describe('a static host that sends no isolation headers', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the service worker adds the headers; the page reloads once and takes a step on every core', async ({ page }) => {
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
    // Forced, wasm is not measured against one thread: every core.
    expect(await wasmThreads(page)).toEqual({ count: await expectedThreads(page), cores: await page.evaluate(() => navigator.hardwareConcurrency) });
    await takesAStep(page);
    // Once: a further load is served isolated from the start.
    expect(documents).toHaveLength(2);
  });
});
