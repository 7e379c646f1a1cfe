/**
 * The page's own defences (issue 11, items 6 and 7), in the real page:
 * - a strict Content-Security-Policy (src/offline/securityPolicy.ts) as a header from the server
 *   and as a meta tag in the page, under which the lab boots, trains and opens every lesson
 *   without one violation;
 * - the production build (served at prod/, built without the test hooks): no `window.__lab`, no
 *   failure switch in the page's scripts, and it trains;
 * - a panel that throws while it renders fails alone: a worded message and Retry in its frame,
 *   the rest of the page and training go on;
 * - `step(n)` is bounded: a nonsense count takes one step.
 * Backend-independent (forced wasm): runs in the wasm project only.
 */
import { expect, test } from './fixtures';
import { announced, labState, type LabWindow } from './labConsole';

type Violations = Window & { __violations?: string[] };

test('under a strict Content-Security-Policy the lab boots, trains and opens every lesson without a violation', async ({ page, backend }) => {
  test.setTimeout(240_000);
  const printed: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) printed.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => ((window as Violations).__violations ??= []).push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  const response = await page.goto(`./?backend=${backend}`);
  const header = response!.headers()['content-security-policy'];
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval' blob:");
  expect(header).toContain("frame-ancestors *");
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("default-src 'self'");
  expect(meta).not.toContain('frame-ancestors');

  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: 120_000 });
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText('1', { timeout: 30_000 });

  const links = await page.getByTestId('lesson-nav').locator('a[href*="lesson="]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(links.length).toBeGreaterThanOrEqual(18);
  // Every lesson's page is drawn; the first lesson of each model kind is also built and announced
  // (what the worker does differs by kind, not by lesson: building all of them only costs time).
  const built = new Set<string>();
  for (const link of links) {
    const id = /lesson=([^&]+)/.exec(link)![1];
    await page.evaluate((hash) => (location.hash = hash), link);
    await page.waitForFunction((lesson) => (window as LabWindow).__lab!.store.getState().lessonId === lesson, id);
    if (id === 'text-retrieval') {
      await page.waitForFunction(() => ((window as LabWindow).__lab!.store.getState() as unknown as { text: { status: string } }).text.status === 'ready', null, { timeout: 90_000 });
      continue;
    }
    const kind = (await labState(page)).config.model.kind;
    if (built.has(kind)) continue;
    built.add(kind);
    await announced(page, 90_000);
  }
  await announced(page, 90_000);
  expect(built.size).toBeGreaterThanOrEqual(6);
  expect(await page.evaluate(() => (window as Violations).__violations ?? [])).toEqual([]);
  expect(printed).toEqual([]);
});

test('the production build exposes no test hooks and trains', async ({ page, backend, request }) => {
  test.setTimeout(120_000);
  await page.goto(`./prod/?backend=${backend}`);
  await expect(page.getByTestId('backend-badge')).toHaveText(backend, { timeout: 120_000 });
  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: 120_000 });
  expect(await page.evaluate(() => typeof (window as LabWindow).__lab)).toBe('undefined');
  // The page's own scripts (not the workers'): none holds a switch a page script could reach.
  const scripts = await page.evaluate(() => [...document.querySelectorAll('script[src]')].map((s) => (s as HTMLScriptElement).src));
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) {
    const text = await (await request.get(src)).text();
    for (const hook of ['__lab', 'crashDuringNextInits', 'failPanel', 'setStorageBudget']) expect(text, `${src} holds ${hook}`).not.toContain(hook);
  }
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText('1', { timeout: 30_000 });
});

test('a panel that fails alone: its message and Retry in its frame, the rest of the lab goes on; step(n) is bounded', async ({ page, openLab }) => {
  test.setTimeout(120_000);
  await openLab();
  await announced(page);
  await page.evaluate(() => (window as LabWindow).__lab!.failPanel('latent'));
  const latent = page.locator('[data-panel="latent"]');
  await expect(latent.getByTestId('panel-failed')).toContainText('stopped working');
  await expect(page.getByTestId('latent-scatter')).toHaveCount(0);
  // The other panels and training go on.
  await expect(page.locator('[data-panel="training"]')).toBeVisible();
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText('1', { timeout: 30_000 });

  await page.evaluate(() => (window as LabWindow).__lab!.failPanel('latent', false));
  await latent.getByTestId('panel-retry').click();
  await expect(page.getByTestId('latent-scatter')).toBeVisible();
  await expect(latent.getByTestId('panel-failed')).toHaveCount(0);

  // A count that is not one takes one step, not none (and never more than the bound).
  await page.evaluate(() => (window as LabWindow).__lab!.step(Number.NaN));
  await page.evaluate(() => (window as LabWindow).__lab!.step(-4));
  await expect(page.getByTestId('metric-step')).toHaveText('3', { timeout: 30_000 });
  expect((await labState(page)).progress?.step).toBe(3);
});
