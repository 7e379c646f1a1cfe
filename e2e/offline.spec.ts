/**
 * Works offline after the first visit: the service worker (src/offline/sw.ts) caches the
 * build, the tfjs .wasm files and MNIST; with the network cut, a reload still opens the lab,
 * loads the data and trains. Backend-independent: runs in the wasm project only.
 *
 * Service workers are allowed here; playwright.config.ts blocks them for the other specs,
 * whose page.route interceptions a service worker would otherwise answer first.
 */
import type { Page, Request } from '@playwright/test';
import { test, expect } from './fixtures';

test.use({ serviceWorkers: 'allow' });

/**
 * Two boots of the lab (online, then offline) and the service worker's install (~17 MB into
 * the cache): ~50-80 s on the shared 2-core machine under load, far less on an idle one.
 */
const TEST_TIMEOUT_MS = 150_000;
const DATA_FILES = ['train-images.idx.gz', 'train-labels.idx.gz', 'test-images.idx.gz', 'test-labels.idx.gz'];

/** The path a request would have in the precache: the query dropped, a folder is its index.html. */
function cachePath(url: string): string {
  const { pathname } = new URL(url);
  return pathname.endsWith('/') ? `${pathname}index.html` : pathname;
}

/** Paths of every entry in every cache of this origin (queries dropped, e.g. Workbox's revision). */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
}

async function stepCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('metric-step').textContent())?.trim());
}

test('after one visit, a reload with the network cut opens the lab and trains', async ({ page, context, backend, baseURL, openLab }) => {
  test.setTimeout(TEST_TIMEOUT_MS);
  const origin = new URL(baseURL!).origin;
  // Everything the page and its Web Workers fetch from the lab's origin (the service worker's own fetches are not page requests).
  const fetchedOnline = new Set<string>();
  const recordOnline = (request: Request) => {
    if (request.url().startsWith(origin)) fetchedOnline.add(cachePath(request.url()));
  };
  page.on('request', recordOnline);

  await test.step('first visit: the lab boots and the service worker takes control', async () => {
    await openLab();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  });

  await test.step('the cache holds everything the first visit fetched, MNIST and the .wasm files among it', async () => {
    page.off('request', recordOnline);
    const cached = new Set(await cachedPaths(page));
    const dataPaths = DATA_FILES.map((file) => new URL(`data/${file}`, page.url()).pathname);
    for (const path of dataPaths) expect(cached, `cached: ${path}`).toContain(path);
    const wasmFetched = [...fetchedOnline].filter((p) => p.endsWith('.wasm'));
    expect(wasmFetched.length, 'the lab worker fetched a tfjs .wasm file').toBeGreaterThan(0);
    for (const path of dataPaths) expect(fetchedOnline, `the lab worker fetched ${path}`).toContain(path);
    const missing = [...fetchedOnline].filter((p) => !cached.has(p) && !p.endsWith('/sw.js'));
    expect(missing, 'fetched on the first visit but not cached').toEqual([]);
  });

  const failedOffline: string[] = [];
  await test.step('the network is cut, for the page and the service worker alike', async () => {
    await context.setOffline(true);
    const [worker] = context.serviceWorkers();
    expect(worker, 'the service worker is running').toBeDefined();
    // An uncached URL from inside the service worker: its fetches must fail too, or the test proves nothing.
    const probe = await worker.evaluate(() =>
      fetch(`data/manifest.json?offline-probe=${Date.now()}`, { cache: 'no-store' }).then(
        (r) => `answered HTTP ${r.status}`,
        () => 'failed',
      ),
    );
    expect(probe, "the service worker's own fetch").toBe('failed');
    page.on('requestfailed', (request) => {
      if (request.url().startsWith(origin)) failedOffline.push(`${request.url()} (${request.failure()?.errorText})`);
    });
  });

  await test.step('offline reload: the page, the build and MNIST come from the cache', async () => {
    const response = await page.reload();
    expect(response?.fromServiceWorker(), 'the page was served by the service worker').toBe(true);
    // It adds the isolation headers itself (a static host may send none): wasm's threads stay on.
    expect(response?.headers()['cross-origin-embedder-policy']).toBe('require-corp');
    expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin');
    expect(await page.evaluate(() => crossOriginIsolated), 'isolated offline too').toBe(true);
    await expect(page.getByTestId('backend-badge')).toHaveText(backend, { timeout: 60_000 });
    await expect(page.getByTestId('notice-error-data')).toHaveCount(0);
  });

  await test.step('offline training: the step count rises', async () => {
    const toggle = page.getByTestId('train-toggle');
    await expect(toggle).toBeEnabled({ timeout: 30_000 });
    const before = await stepCount(page);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(before + 5);
    await expect(page.getByTestId('notice-error-data')).toHaveCount(0);
    expect(failedOffline, 'requests of the lab that failed offline').toEqual([]);
  });
});
