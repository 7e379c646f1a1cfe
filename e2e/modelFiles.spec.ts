/**
 * Model files judged before they are read (issue 11, item 5; src/state/modelFileReading.ts), in
 * the real page with real files on disk:
 * - a 2 GiB file (the header format allowed 1 GiB): refused at once by its size, not a byte read;
 * - a file with the lab's magic and an absurd header: refused from its first bytes;
 * - a file the browser can no longer read (moved or deleted after it was chosen): a worded
 *   message, and no unhandled rejection anywhere in the test.
 * Every read of the page is recorded (Blob.prototype.arrayBuffer, wrapped: it still reads). The
 * browser's failure to read is made where Chromium makes it, at the read (a NotFoundError), for
 * the file named 'gone.aelab' and its slices: Playwright hands files over as bytes, so a file
 * deleted on disk stays readable in the page.
 * Backend-independent (forced wasm): runs in the wasm project only.
 */
import { open, rm } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const GiB = 2 ** 30;
const readSizes = (page: Page) => page.evaluate(() => (window as unknown as { __reads: number[] }).__reads.splice(0));

test('model files: too large, foreign and unreadable ones are refused with a message, judged before their body is read', async ({ page, openLab }, testInfo) => {
  test.setTimeout(150_000);
  await page.addInitScript(() => {
    const w = window as unknown as { __reads: number[]; __rejections: string[] };
    w.__reads = [];
    w.__rejections = [];
    addEventListener('unhandledrejection', (e) => w.__rejections.push(String(e.reason)));
    const gone = new WeakSet<Blob>();
    const isGone = (b: Blob) => gone.has(b) || (b instanceof File && b.name === 'gone.aelab');
    const slice = Blob.prototype.slice;
    Blob.prototype.slice = function (...args: Parameters<Blob['slice']>) {
      const part = slice.apply(this, args);
      if (isGone(this)) gone.add(part);
      return part;
    };
    const read = Blob.prototype.arrayBuffer;
    Blob.prototype.arrayBuffer = function () {
      w.__reads.push(this.size);
      if (isGone(this)) return Promise.reject(new DOMException('A requested file or directory could not be found at the time an operation was processed.', 'NotFoundError'));
      return read.call(this);
    };
  });
  await openLab();
  const input = page.getByTestId('model-import-file');
  const refused = page.getByTestId('model-file-refused');

  await test.step('a 2 GiB file: refused by its size, nothing read', async () => {
    const huge = testInfo.outputPath('huge.aelab');
    const file = await open(huge, 'w');
    await file.truncate(2 * GiB);
    await file.close();
    await input.setInputFiles(huge);
    await expect(refused).toHaveAttribute('data-code', 'file.tooLarge', { timeout: 1000 });
    await expect(refused).toContainText('2048 MB');
    expect(await readSizes(page)).toEqual([]);
    await rm(huge);
  });

  await test.step('the lab\'s magic with an absurd header: refused from its first bytes', async () => {
    const bytes = Buffer.alloc(4096);
    bytes.write('AELABMLP', 0, 'latin1');
    bytes.writeUInt32LE(0x7fffffff, 8);
    await input.setInputFiles({ name: 'odd.aelab', mimeType: 'application/octet-stream', buffer: bytes });
    await expect(refused).toHaveAttribute('data-code', 'file.notModel', { timeout: 1000 });
    await expect(refused).toContainText('header is damaged');
    expect(Math.max(...(await readSizes(page)))).toBeLessThanOrEqual(12);
  });

  await test.step('a file the browser can no longer read: the failed read is a message', async () => {
    await input.setInputFiles({ name: 'gone.aelab', mimeType: 'application/octet-stream', buffer: Buffer.alloc(1000) });
    await expect(refused).toHaveAttribute('data-code', 'file.unreadable');
    await expect(refused).toContainText('could not be read');
  });
  // The lab is unharmed.
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText('1', { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { __rejections: string[] }).__rejections)).toEqual([]);
});
