/**
 * A config is validated once, where it enters (issue 10): the model files and saved models of
 * the old main (src/compat/fixtures, main's full-form configs of every kind) enter through
 * checkConfig, the one validator: what the lab reads is exactly what checkConfig makes of the
 * file's config, and a config checkConfig refuses is refused with the same problem, at the
 * same field. Inside the lab (bridge, worker, Trainer) the config is trusted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfig, type LabConfig } from '../core/config';
import { analyseSnapshot, checkSnapshot, type ModelSnapshot } from '../core/train/snapshot';
import { decodeSnapshot, encodeSnapshot } from '../core/train/snapshotFile';

const DIR = join(__dirname, 'fixtures');
const models: { name: string; file: string }[] = JSON.parse(readFileSync(join(DIR, 'models.json'), 'utf8')).models;

/** The file's header as old main wrote it: its config in the full form, not validated. */
function rawHeaderConfig(bytes: Uint8Array): Record<string, unknown> {
  const magic = 'AELABMLP'.length;
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(magic, true);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(magic + 4, magic + 4 + length))).config;
}

const checked = (raw: unknown): LabConfig => {
  const r = checkConfig(raw);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join(' '));
  return r.config;
};

describe.each(models.map((m) => [m.name, m] as const))('%s (a model of the old main)', (_, m) => {
  const bytes = new Uint8Array(readFileSync(join(DIR, m.file)));
  const raw = rawHeaderConfig(bytes);

  it('as a model file: the config read is checkConfig\'s reading of the file\'s config', () => {
    expect(decodeSnapshot(bytes).config).toEqual(checked(raw));
  });

  it('as a saved model (the snapshot kept in IndexedDB): the same', () => {
    const stored = { ...decodeSnapshot(bytes), config: structuredClone(raw) } as unknown as ModelSnapshot;
    const here = checked(raw);
    expect(checkSnapshot(stored, here).ok).toBe(true);
    const read = analyseSnapshot(stored, here);
    expect(read.ok && read.snapshot.config).toEqual(here);
  });

  it('a config checkConfig refuses is refused by both, at the same field', () => {
    const bad = { ...raw, model: { ...(raw.model as object), codeSize: 0 } };
    const problem = checkConfig(bad);
    expect(problem.ok).toBe(false);
    const path = problem.ok ? '' : problem.problems[0].path;
    const snapshot = { ...decodeSnapshot(bytes), config: bad } as unknown as ModelSnapshot;
    expect(() => decodeSnapshot(encodeSnapshot(snapshot))).toThrow(new RegExp(path.replace('.', '\\.')));
    const saved = checkSnapshot(snapshot, checked(raw));
    expect(saved.ok).toBe(false);
    expect(saved.ok ? '' : saved.problems.join(' ')).toContain(path);
  });
});
