import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildBrownPassages } from '../core/data/brownPassages';
import { loadPassages, PASSAGE_FILE } from './textData';

const file = buildBrownPassages([{ name: 'ca01', text: '\tThe/at jury/nn said/vbd the/at jury/nn voted/vbd ./.\n' }], { source: 'test', passageWords: 3, vocabularySize: 3 });
const serve = (body: Uint8Array | string, status = 200, type = 'application/gzip'): typeof fetch =>
  (async () => new Response(body as BodyInit, { status, headers: { 'content-type': type } })) as typeof fetch;

describe('loading the Brown passages', () => {
  it('inflates and checks the prepared file (or takes it already inflated)', async () => {
    const corpus = await loadPassages('http://x/data/', serve(gzipSync(JSON.stringify(file))));
    expect(corpus.size).toBe(1);
    expect(corpus.vocabulary).toEqual(['jury', 'said', 'voted']);
    expect((await loadPassages('http://x/data/', serve(JSON.stringify(file), 200, 'application/json'))).size).toBe(1);
  });

  it('names the file and the fix for every kind of damage', async () => {
    const cases: [typeof fetch, RegExp][] = [
      [serve('Not found', 404, 'text/plain'), /HTTP 404/],
      [serve('<!doctype html><html></html>', 200, 'text/html'), /web page instead/],
      [serve(gzipSync('{"format": "passages/0"}')), /format/],
      [serve(gzipSync(JSON.stringify(file)).subarray(0, 20)), /corrupt|JSON/],
      [serve(gzipSync('{ not json')), /not valid JSON/],
      [(async () => Promise.reject(new Error('offline'))) as typeof fetch, /request failed \(offline\)/],
    ];
    for (const [fetchImpl, problem] of cases) {
      const error = await loadPassages('http://x/data/', fetchImpl).catch((e: Error & { hint?: string }) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain(PASSAGE_FILE);
      expect((error as Error).message).toMatch(problem);
      expect((error as { hint?: string }).hint).toMatch(/npm run prepare-data/);
    }
  });
});
