/**
 * The data loader against a real HTTP server serving the real generated files, and the ways
 * a static host gets them wrong: 404, an HTML fallback with status 200, a host that sends
 * Content-Encoding: gzip (so the client inflates), corrupt gzip, a wrong idx header.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILES, DataLoadError, loadMnist } from './dataLoader';

const DATA_DIR = join(import.meta.dirname, '../../public/data');
const file = (name: string) => readFileSync(join(DATA_DIR, name));

let server: Server;
let base = '';

/** Routes: /good/, /encoded/ (Content-Encoding gzip), /raw/ (inflated idx bytes), /html/, /missing/, /corrupt/, /badmagic/. */
function handle(path: string): { status: number; headers: Record<string, string>; body: Buffer } {
  const [, mode, name] = path.split('/');
  const known = Object.values(DATA_FILES).includes(name as never);
  const html = { status: 200, headers: { 'content-type': 'text/html' }, body: Buffer.from('<!doctype html><html></html>') };
  if (!known) return { status: 404, headers: {}, body: Buffer.from('not found') };
  const gz = file(name);
  switch (mode) {
    case 'good':
      return { status: 200, headers: { 'content-type': 'application/gzip' }, body: gz };
    case 'encoded':
      return { status: 200, headers: { 'content-encoding': 'gzip', 'content-type': 'application/octet-stream' }, body: gz };
    case 'raw': // what the page sees after the browser inflated a Content-Encoding: gzip response
      return { status: 200, headers: {}, body: gunzipSync(gz) };
    case 'html':
      return name === DATA_FILES.testLabels ? html : { status: 200, headers: {}, body: gz };
    case 'missing':
      return name === DATA_FILES.trainImages ? { status: 404, headers: {}, body: Buffer.from('nope') } : { status: 200, headers: {}, body: gz };
    case 'corrupt':
      return name === DATA_FILES.testImages ? { status: 200, headers: {}, body: gz.subarray(0, gz.length >> 1) } : { status: 200, headers: {}, body: gz };
    case 'badmagic': {
      if (name !== DATA_FILES.trainLabels) return { status: 200, headers: {}, body: gz };
      const raw = gunzipSync(gz);
      raw.writeUInt32BE(2051, 0); // an images magic in a labels file
      return { status: 200, headers: {}, body: gzipSync(raw) };
    }
    default:
      return html;
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const r = handle(req.url ?? '/');
    res.writeHead(r.status, r.headers);
    res.end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failure(mode: string): Promise<DataLoadError> {
  const e = await loadMnist(`${base}/${mode}/`).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DataLoadError);
  return e as DataLoadError;
}

describe('loadMnist', () => {
  it('loads all of MNIST from gzip files', async () => {
    const d = await loadMnist(`${base}/good/`);
    expect([d.trainCount, d.testCount]).toEqual([60000, 10000]);
    expect(d.trainImages.length).toBe(60000 * 784);
    expect(d.testLabels.length).toBe(10000);
    // The first test digit of MNIST is a 7, the first training digit a 5.
    expect([d.testLabels[0], d.trainLabels[0]]).toEqual([7, 5]);
    let ink = 0;
    for (let i = 0; i < 784; i++) ink += d.testImages[i];
    expect(ink).toBeGreaterThan(784 * 10);
  });

  it('accepts files the host already inflated (Content-Encoding: gzip)', async () => {
    for (const mode of ['encoded', 'raw']) {
      const d = await loadMnist(`${base}/${mode}/`);
      expect(d.trainCount).toBe(60000);
      expect(d.trainLabels[0]).toBe(5);
    }
  });

  it('names the file and the fix on a 404', async () => {
    const e = await failure('missing');
    expect(e.file).toBe(DATA_FILES.trainImages);
    expect(e.problem).toEqual({ code: 'data.httpStatus', params: { file: DATA_FILES.trainImages, status: 404, url: `${base}/missing/${DATA_FILES.trainImages}` } });
    expect(e.hint.code).toBe('hint.prepareData');
  });

  it('recognises an HTML fallback page served with status 200', async () => {
    const e = await failure('html');
    expect(e.file).toBe(DATA_FILES.testLabels);
    expect(e.problem).toEqual({ code: 'data.webPage', params: { file: DATA_FILES.testLabels } });
  });

  it('reports corrupt gzip', async () => {
    const e = await failure('corrupt');
    expect(e.file).toBe(DATA_FILES.testImages);
    expect(e.problem.code).toBe('data.gzipCorrupt');
    expect(e.problem.detail).toBeTruthy();
  });

  it('reports a wrong idx header with the file name', async () => {
    const e = await failure('badmagic');
    expect(e.file).toBe(DATA_FILES.trainLabels);
    expect(e.problem.code).toBe('data.badIdx');
    expect(e.problem.detail).toMatch(/magic/);
  });
});
