/**
 * A missing or corrupt MNIST file must give a message that names the file and says what to do,
 * never a blank page. The tests serve a build, whose reader is a student: check the network and
 * press Retry (a dev server tells the developer to run `npm run prepare-data` instead:
 * worker/dataLoader.ts DATA_FIX_HINT). The files are fetched by the lab's dedicated worker;
 * Playwright's page.route intercepts those requests too in Chromium (each test asserts that
 * its route was hit, so a route that silently misses the worker fails the test).
 */
import { gzipSync } from 'node:zlib';
import { test, expect } from './fixtures';

const FILE = 'test-labels.idx.gz';

const cases: { name: string; damage: 'missing' | 'truncated' | 'not gzip' | 'wrong idx' }[] = [
  { name: 'a missing file (HTTP 404)', damage: 'missing' },
  { name: 'a truncated gzip file', damage: 'truncated' },
  { name: 'a file that is not gzip', damage: 'not gzip' },
  { name: 'a gzip file with the wrong idx header', damage: 'wrong idx' },
];

for (const { name, damage } of cases) {
  test(`${name} gives a message naming ${FILE}`, async ({ page, backend }) => {
    let hits = 0;
    await page.route(`**/data/${FILE}`, async (route) => {
      hits++;
      if (damage === 'missing') return route.fulfill({ status: 404, body: 'Not found' });
      const real = await route.fetch();
      const body = await real.body();
      if (damage === 'truncated') return route.fulfill({ response: real, body: body.subarray(0, Math.floor(body.length / 2)) });
      if (damage === 'not gzip') return route.fulfill({ response: real, body: Buffer.from('these bytes are not a gzip stream at all') });
      // A valid gzip stream of a valid idx *images* header: right format, wrong file.
      const header = Buffer.alloc(16);
      header.writeUInt32BE(2051, 0);
      header.writeUInt32BE(0, 4);
      header.writeUInt32BE(28, 8);
      header.writeUInt32BE(28, 12);
      return route.fulfill({ response: real, body: gzipSync(header) });
    });

    await page.goto(`./?backend=${backend}`);
    const notice = page.getByTestId('notice-error-data');
    await expect(notice).toBeVisible({ timeout: 60_000 });
    await expect(notice).toContainText(FILE);
    // What a student can do, and the button to do it; no developer command in a build.
    await expect(notice).toContainText('press Retry');
    await expect(notice).not.toContainText('npm');
    await expect(notice.getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(hits, 'the route saw the worker fetch the file').toBeGreaterThan(0);
    // The page around the message is still the lab, not a blank page; training is refused.
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('train-toggle')).toBeDisabled();
  });
}
