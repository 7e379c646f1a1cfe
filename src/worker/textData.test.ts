import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildBrownPassages } from '../core/data/brownPassages';
import { loadPassages, PASSAGE_FILE, TextDataError } from './textData';

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

  it('names the file and the fix for every kind of damage, as message codes', async () => {
    const cases: [typeof fetch, string, RegExp?][] = [
      [serve('Not found', 404, 'text/plain'), 'data.httpStatus'],
      [serve('<!doctype html><html></html>', 200, 'text/html'), 'data.webPage'],
      [serve(gzipSync('{"format": "passages/0"}')), 'data.badPassages', /format/],
      [serve(gzipSync(JSON.stringify(file)).subarray(0, 20)), 'data.gzipCorrupt'],
      [serve(gzipSync('{ not json')), 'data.notJson', /JSON/],
      [(async () => Promise.reject(new Error('offline'))) as typeof fetch, 'data.requestFailed', /offline/],
    ];
    for (const [fetchImpl, code, detail] of cases) {
      const error = await loadPassages('http://x/data/', fetchImpl).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TextDataError);
      const { problem, hint } = error as TextDataError;
      expect(problem.code).toBe(code);
      expect(problem.params).toMatchObject({ file: PASSAGE_FILE });
      if (detail) expect(problem.detail).toMatch(detail);
      expect(hint.code).toBe('hint.prepareData');
    }
    const notFound = (await loadPassages('http://x/data/', serve('Not found', 404, 'text/plain')).catch((e: unknown) => e)) as TextDataError;
    expect(notFound.problem.params).toMatchObject({ status: 404, url: `http://x/data/${PASSAGE_FILE}` });
  });

});
