/** fetchPatiently against a real HTTP server that stalls: silence is cut, a slow download is not. */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPatiently, StalledError } from './fetchPatiently';

const STALL = 300;
let server: Server;
let base = '';
const hits = new Map<string, number>();
const open: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    if (path === '/silent') return void open.push(res); // never answers
    if (path === '/halfway') {
      // Headers and a first chunk, then nothing.
      res.writeHead(200, { 'content-length': '10' });
      res.write('12345');
      return void open.push(res);
    }
    if (path === '/once-silent' && n === 1) return void open.push(res);
    if (path === '/slow') {
      // Moving all the time, longer in all than one stall: not cut.
      res.writeHead(200);
      let i = 0;
      const timer = setInterval(() => {
        res.write(String(i % 10));
        if (++i === 8) {
          clearInterval(timer);
          res.end();
        }
      }, STALL / 3);
      return;
    }
    res.writeHead(200);
    res.end('hello');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('fetchPatiently', () => {
  it('gives up on a server that says nothing, after asking twice', async () => {
    await expect(fetchPatiently(`${base}/silent`, fetch, STALL)).rejects.toBeInstanceOf(StalledError);
    expect(hits.get('/silent')).toBe(2);
  });

  it('gives up on a body that stops halfway', async () => {
    await expect(fetchPatiently(`${base}/halfway`, fetch, STALL)).rejects.toBeInstanceOf(StalledError);
    expect(hits.get('/halfway')).toBe(2);
  });

  it('gets the file on the second try when the first stalled', async () => {
    const { response, body } = await fetchPatiently(`${base}/once-silent`, fetch, STALL);
    expect(response.status).toBe(200);
    expect(text(body)).toBe('hello');
  });

  it('never cuts a slow download that keeps moving', async () => {
    const { body } = await fetchPatiently(`${base}/slow`, fetch, STALL);
    expect(text(body)).toBe('01234567');
    expect(hits.get('/slow')).toBe(1);
  });
});
