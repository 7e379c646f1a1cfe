/**
 * What main wrote before the code was reshaped (issue 10) still opens: every lesson's link and
 * links a teacher types by hand, the storage keys of saved models, and model files of every kind.
 * The fixtures were made once by main at a566e50 (src/compat/makeFixtures.gen.ts, see `git show 51a5d3d:src/compat/makeFixtures.gen.ts`)
 * and are never regenerated.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistNode } from '../core/data/mnistNode';
import { useWasmInNode } from '../core/train/nodeBackend';
import { checkSnapshot } from '../core/train/snapshot';
import { decodeSnapshot } from '../core/train/snapshotFile';
import { Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';
import { configKey } from '../state/modelPersistence';
import { parseLink, serializeLink } from '../state/link';

const DIR = join(__dirname, 'fixtures');
const read = (name: string) => JSON.parse(readFileSync(join(DIR, name), 'utf8'));

interface LinkFixture {
  hash: string;
  state: { lesson: string; config: { model: Record<string, unknown>; train: Record<string, unknown> }; view: unknown; lang: string; hidden: string[]; pretrain: unknown };
  ignored: { key: string; reason: string }[];
  configKey: string;
}

/**
 * The config read today must agree with the one read then on every field it has (a kind may
 * now leave out the other kinds' fields, which then held their defaults).
 */
function expectSameConfig(now: { model: object; train: object }, then: LinkFixture['state']['config']): void {
  for (const part of ['model', 'train'] as const) {
    const fields = Object.entries(now[part]);
    expect(fields.length).toBeGreaterThan(3);
    for (const [k, v] of fields) expect({ [k]: v }).toEqual({ [k]: then[part][k] });
  }
}

/**
 * Links whose old reading was itself a fault, each with what it opens as now and why (its
 * model, and what is reported). Everything else about them is still checked.
 */
const CHANGED_ON_PURPOSE: Record<string, { why: string; model: Record<string, unknown>; ignored: string[] }> = {
  '#v=1&lesson=free&kind=conv&channels=8,4&decoder=deconvolution&code=16': {
    // Old main refused the conv kind (the free lab's dense layers conflicted with it) and opened
    // a dense model. A link is the lesson's preset plus what it changes: the link names the kind,
    // and a convolutional model has no dense layers to take from the free lab (issue 10). It opens
    // the convolutional model it describes, with nothing to report (so its storage key is new).
    why: 'opens the convolutional model the link names',
    model: { kind: 'conv', codeSize: 16, hiddenActivation: 'relu', outputActivation: 'sigmoid', loss: 'bce', convChannels: [8, 4], convDecoder: 'deconvolution', noise: 'none', noiseLevel: 0.5, codeL2: 0 },
    ignored: [],
  },
};

describe("main's links of before still open as they did", () => {
  const links: LinkFixture[] = read('links.json').links;

  it('has every lesson and the hand-typed links', () => {
    expect(links.length).toBeGreaterThan(35);
  });

  it.each(links.map((l) => [l.hash || '(empty)', l] as const))('%s', (_, fixture) => {
    const { state, ignored } = parseLink(fixture.hash);
    expect(state.lesson).toBe(fixture.state.lesson);
    expect(state.view).toEqual(fixture.state.view);
    expect(state.lang).toBe(fixture.state.lang);
    expect(state.hidden).toEqual(fixture.state.hidden);
    expect(state.pretrain).toEqual(fixture.state.pretrain);
    const reasons = (list: { key: string; reason: string }[]) => list.filter((i) => i.reason !== 'missing').map((i) => `${i.key}:${i.reason}`).sort();
    const changed = CHANGED_ON_PURPOSE[fixture.hash];
    if (changed) {
      expect(state.config.model, changed.why).toEqual(changed.model);
      expect(state.config.train).toEqual(fixture.state.config.train);
      expect(reasons(ignored)).toEqual(changed.ignored);
    } else {
      expectSameConfig(state.config, fixture.state.config);
      // The saved model of that experiment is found under the same key.
      expect(configKey(state.config)).toBe(fixture.configKey);
      // What was ignored then for a reason other than absence is ignored now (absent fields are
      // the lesson's preset: issue 10 stops reporting them).
      expect(reasons(ignored)).toEqual(reasons(fixture.ignored));
    }
    // And the link the lab writes for it today reads back as the same state.
    const again = parseLink(serializeLink(state));
    expect(again.state).toEqual(state);
    expect(again.ignored.filter((i) => (i.reason as string) !== 'missing')).toEqual([]);
  });
});

describe("main's model files and saved runs of before still load", () => {
  let data: MnistData;
  beforeAll(async () => {
    await useWasmInNode();
    data = loadMnistNode();
  });
  const models: { name: string; file: string; savedRun: { key: string; step: number }; codes: number[]; decoded: number[]; step: number }[] = read('models.json').models;

  it('covers every kind', () => {
    const kinds = new Set(models.map((m) => decodeSnapshot(new Uint8Array(readFileSync(join(DIR, m.file)))).config.model.kind));
    expect([...kinds].sort()).toEqual(['adversarial', 'conditional', 'conv', 'mlp', 'vae', 'vq']);
  });

  it.each(models.map((m) => [m.name, m] as const))('%s', async (_, m) => {
    const snapshot = decodeSnapshot(new Uint8Array(readFileSync(join(DIR, m.file))));
    // A saved run of that model sits under this key in IndexedDB: the lab must look there.
    expect(configKey(snapshot.config)).toBe(m.savedRun.key);
    const check = checkSnapshot(snapshot, snapshot.config);
    expect(check.ok).toBe(true);
    const before = tf.memory().numTensors;
    const trainer = new Trainer(data, snapshot.config);
    try {
      const { warnings } = await trainer.importState(snapshot);
      expect(warnings).toEqual([]);
      expect(trainer.step).toBe(m.step);
      const n = m.decoded.length / 784;
      const decoded = await trainer.decode(Float32Array.from(m.codes), n);
      let worst = 0;
      decoded.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - m.decoded[i]))));
      expect(worst).toBeLessThan(1e-5);
    } finally {
      trainer.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
