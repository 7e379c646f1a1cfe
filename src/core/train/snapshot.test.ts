import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type MlpModelConfig, type OptimizerName, type TrainConfig } from '../config';
import { imagesToFloat } from '../data/dataset';
import { loadMnistNode } from '../data/mnistNode';
import { createRng } from '../data/rng';
import { checkSnapshot, SnapshotError, weightLayout, type ModelSnapshot } from './snapshot';
import { crc32, decodeSnapshot, encodeSnapshot } from './snapshotFile';
import { useWasmInNode } from './nodeBackend';
import { Trainer } from './trainer';
import type { MnistData } from './types';

let data: MnistData;
let images: Float32Array;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
  images = imagesToFloat(data.testImages.subarray(0, 20 * 784), null);
});

/** A tiny model on 1,000 digits: snapshots are about the bookkeeping, not the learning. */
function config(model: Partial<MlpModelConfig> = {}, train: Partial<TrainConfig> = {}): { model: MlpModelConfig; train: TrainConfig } {
  return {
    model: { ...DEFAULT_CONFIG.model, encoderLayers: [8], codeSize: 2, ...model },
    train: { ...DEFAULT_CONFIG.train, trainSize: 1000, batchSize: 8, ...train },
  };
}

/** Losses of the next `reads` reads of 3 steps each, then the codes of 20 test digits. */
async function continueRun(t: Trainer, reads = 2): Promise<{ losses: number[]; codes: Float32Array }> {
  const losses: number[] = [];
  for (let i = 0; i < reads; i++) {
    t.steps(3);
    losses.push((await t.readTrainMetrics()).trainLoss);
  }
  return { losses, codes: await t.encode(images, 20) };
}

describe('exportState / importState', () => {
  for (const optimizer of ['adam', 'sgd', 'rmsprop'] as const satisfies readonly OptimizerName[]) {
    it(`${optimizer}: an imported run continues exactly as the original; without optimizer state it does not`, async () => {
      const c = config({}, { optimizer, learningRate: 0.01 });
      const a = new Trainer(data, c);
      a.steps(7);
      await a.readTrainMetrics();
      const full = await a.exportState();
      const bare = await a.exportState({ optimizer: false });
      expect(full.step).toBe(7);
      expect(full.samplesSeen).toBe(56);
      expect(full.weights.map((w) => [w.name, w.shape])).toEqual(weightLayout(c.model).map((l) => [l.name, l.shape]));
      // Adam and RMSprop keep two slots per weight, momentum one; 8 weights here (4 layers).
      expect(full.optimizer?.slots.length).toBe(optimizer === 'sgd' ? 8 : 16);
      expect(full.optimizer?.iterations).toBe(7);
      expect(bare.optimizer).toBeUndefined();

      const b = new Trainer(data, c);
      expect(await b.importState(full)).toEqual({ warnings: [] });
      expect([b.step, b.samplesSeen, b.epoch]).toEqual([7, 56, 0.056]);
      const bare2 = new Trainer(data, c);
      await bare2.importState(bare);

      const original = await continueRun(a);
      const restored = await continueRun(b);
      expect(restored.losses).toEqual(original.losses);
      expect(restored.codes).toEqual(original.codes);
      // Same weights and batches but fresh optimizer state: the run goes elsewhere.
      const fresh = await continueRun(bare2);
      expect(fresh.losses[1]).not.toBe(original.losses[1]);
      for (const t of [a, b, bare2]) t.dispose();
    });
  }

  it('a model that has not taken a step yet round-trips too', async () => {
    const a = new Trainer(data, config());
    const s = await a.exportState();
    expect(s.optimizer).toEqual({ name: 'adam', iterations: 0, slots: [] });
    const b = new Trainer(data, config({}, { seed: 99 }));
    const { warnings } = await b.importState(s);
    expect(warnings).toEqual(['Seed 1 in the file, 99 here.']);
    expect(await b.encode(images, 20)).toEqual(await a.encode(images, 20));
    a.dispose();
    b.dispose();
  });

  it('a refused snapshot throws a SnapshotError naming the differences and changes nothing', async () => {
    const a = new Trainer(data, config({ encoderLayers: [16] }));
    a.steps(2);
    const s = await a.exportState();
    const b = new Trainer(data, config({ codeSize: 3 }));
    b.steps(1);
    const before = await b.encode(images, 20);
    const error = await b.importState(s).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SnapshotError);
    expect((error as SnapshotError).problems).toEqual(['Layer 1 has 16 units in the file, 8 here.', 'Code size 2 in the file, 3 here.']);
    expect(b.step).toBe(1);
    expect(await b.encode(images, 20)).toEqual(before);
    a.dispose();
    b.dispose();
  });

  it('leaks no tensors: export, import, a second import, a refused import; none after dispose', async () => {
    const start = tf.memory().numTensors;
    const a = new Trainer(data, config());
    const aConstructed = tf.memory().numTensors;
    a.steps(3);
    const trained = tf.memory().numTensors;
    // Adam's slots, made by the first step: two per weight.
    expect(trained - aConstructed).toBe(16);
    const s = await a.exportState();
    await a.exportState({ optimizer: false });
    expect(tf.memory().numTensors).toBe(trained);

    const b = new Trainer(data, config());
    const constructed = tf.memory().numTensors;
    await b.importState(s);
    // The same optimizer slots as the trainer it came from; the new weights replace the old.
    expect(tf.memory().numTensors - constructed).toBe(trained - aConstructed);
    const imported = tf.memory().numTensors;
    await b.importState(s);
    expect(tf.memory().numTensors).toBe(imported);
    await expect(b.importState({ ...s, config: config({ codeSize: 5 }) })).rejects.toThrow(SnapshotError);
    expect(tf.memory().numTensors).toBe(imported);
    b.steps(3);
    expect(tf.memory().numTensors).toBe(imported);
    // A snapshot whose optimizer state is left out (another optimizer here).
    const sgd = new Trainer(data, config({}, { optimizer: 'sgd' }));
    const sgdStart = tf.memory().numTensors;
    const r = await sgd.importState(s);
    expect(r.warnings).toContain('The file holds the state of adam; this lab trains with sgd, which starts fresh.');
    expect(tf.memory().numTensors).toBe(sgdStart);
    for (const t of [a, b, sgd]) t.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('checkSnapshot', () => {
  let s: ModelSnapshot;
  beforeAll(async () => {
    const t = new Trainer(data, config({ encoderLayers: [16, 8] }));
    t.steps(2);
    s = await t.exportState();
    t.dispose();
  });

  it('accepts its own architecture with nothing to say', () => {
    expect(checkSnapshot(s, s.config)).toEqual({ ok: true, warnings: [], issues: [] });
  });

  it('names each architecture difference, field by field', () => {
    const here = config({ encoderLayers: [32, 8], codeSize: 30, hiddenActivation: 'tanh', outputActivation: 'linear', loss: 'mse' });
    const r = checkSnapshot(s, here);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems).toEqual([
      'Layer 1 has 16 units in the file, 32 here.',
      'Code size 2 in the file, 30 here.',
      'Hidden activation relu in the file, tanh here: the weights would compute something else.',
      'Output activation sigmoid in the file, linear here: the weights would compute something else.',
    ]);
    expect(r.warnings).toEqual(['Loss bce in the file, mse here: the weights load, and training goes on with mse.']);
    expect(r.issues.find((i) => i.what === 'encoderLayer')).toMatchObject({ layer: 1, file: '16', here: '32' });
    const deeper = checkSnapshot(s, config({ encoderLayers: [16, 8, 4] }));
    expect(deeper.ok ? [] : deeper.problems).toEqual(['The encoder has 2 hidden layers in the file (16, 8), 3 here (16, 8, 4).']);
    const none = checkSnapshot(s, config({ encoderLayers: [] }));
    expect(none.ok ? [] : none.problems).toEqual(['The encoder has 2 hidden layers in the file (16, 8), 0 here (none).']);
  });

  it('loads with warnings when only the loss, penalty or training settings differ', () => {
    const here = config(
      { encoderLayers: [16, 8], loss: 'mse', codeL2: 0.001 },
      { optimizer: 'rmsprop', learningRate: 0.01, batchSize: 32, trainSize: 2000, seed: 4 },
    );
    const r = checkSnapshot(s, here);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      'Loss bce in the file, mse here: the weights load, and training goes on with mse.',
      'Code L2 penalty 0 in the file, 0.001 here: training goes on with 0.001.',
      'Optimizer adam in the file, rmsprop here.',
      'Learning rate 0.002 in the file, 0.01 here.',
      'Batch size 8 in the file, 32 here.',
      'Training images 1000 in the file, 2000 here.',
      'Seed 1 in the file, 4 here.',
      'The file holds the state of adam; this lab trains with rmsprop, which starts fresh.',
    ]);
  });

  it('warns when the file trained on other normal digits (anomaly detection)', () => {
    const here = config({ encoderLayers: [16, 8] }, { normalDigits: [0, 6] });
    const r = checkSnapshot(s, here);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual(['Normal digits 0,1,2,3,4,5,6,7,8,9 in the file, 0,6 here: training goes on with 0,6.']);
  });

  it('refuses what is not a snapshot of this format, never throwing', () => {
    const problems = (v: unknown) => {
      const r = checkSnapshot(v, s.config);
      return r.ok ? [] : r.problems;
    };
    for (const v of [null, undefined, 42, 'model', [], {}, { format: 'keras' }]) {
      expect(problems(v)[0]).toMatch(/^This is not an Autoencoder Lab model/);
    }
    expect(problems({ format: 'tfjs' })).toEqual(['This is not an Autoencoder Lab model (it says "tfjs").']);
    expect(problems({ ...s, version: 2 })).toEqual(['The model file has format version 2; this lab reads version 1.']);
    expect(problems({ ...s, step: -1 })[0]).toMatch(/^The file's step is not valid/);
    expect(problems({ ...s, config: { ...s.config, model: { ...s.config.model, codeSize: 0 } } })[0]).toMatch(/config\.model\.codeSize/);
    expect(problems({ ...s, weights: s.weights.slice(1) })).toEqual(['The file holds 11 weight tensors; this architecture has 12.']);
    const swapped = [...s.weights];
    [swapped[0], swapped[2]] = [swapped[2], swapped[0]];
    expect(problems({ ...s, weights: swapped })[0]).toBe(
      'Weight 1 is encoder/1/kernel [16, 8] in the file; this architecture needs encoder/0/kernel [784, 16].',
    );
    const short = s.weights.map((w, i) => (i === 1 ? { ...w, data: w.data.subarray(1) } : w));
    expect(problems({ ...s, weights: short })).toEqual(['Weight encoder/0/bias has 15 values in the file; its shape [16] needs 16.']);
    const nan = s.weights.map((w, i) => (i === 3 ? { ...w, data: Float32Array.from(w.data, (v, j) => (j < 2 ? Number.NaN : v)) } : w));
    expect(problems({ ...s, weights: nan })).toEqual(['Weight encoder/1/bias holds 2 values that are not finite numbers (the model had diverged).']);
    const plainArray = s.weights.map((w) => ({ ...w, data: Array.from(w.data) }));
    expect(problems({ ...s, weights: plainArray })[0]).toMatch(/^The file's weights\.0\.data is not valid/);
  });

  it('ignores optimizer state that does not fit, with a warning', () => {
    const slots = s.optimizer!.slots;
    const r = checkSnapshot({ ...s, optimizer: { ...s.optimizer!, slots: slots.slice(1) } }, s.config);
    expect(r).toMatchObject({ ok: true, warnings: ['The optimizer state in the file does not fit this model; adam starts fresh.'] });
  });
});

describe('encodeSnapshot / decodeSnapshot', () => {
  let s: ModelSnapshot;
  let file: Uint8Array;
  let source: Trainer;
  beforeAll(async () => {
    source = new Trainer(data, config({ encoderLayers: [6], codeSize: 3, codeL2: 0.001 }, { optimizer: 'rmsprop' }));
    source.steps(4);
    s = await source.exportState();
    file = encodeSnapshot(s);
  });

  it('round-trips: the same snapshot, the same bytes again, identical decodes by an imported model', async () => {
    const back = decodeSnapshot(file);
    expect(back).toEqual(s);
    expect(encodeSnapshot(back)).toEqual(file);
    // Header, padding, float32 data (the weights and RMSprop's 2 slots per weight) and checksum.
    const values = s.weights.reduce((n, w) => n + w.data.length, 0);
    expect(file.length).toBeGreaterThan(12 + 3 * 4 * values + 4);
    expect(file.length).toBeLessThan(12 + 3 * 4 * values + 4 + 4096);
    const t = new Trainer(data, s.config);
    await t.importState(back);
    const codes = Float32Array.from({ length: 30 }, (_, i) => Math.sin(i) * 3);
    expect(await t.decode(codes, 10)).toEqual(await source.decode(codes, 10));
    t.dispose();
    // A file inside a larger buffer at an odd offset (a Blob's bytes sliced out of something else).
    const padded = new Uint8Array(file.length + 3);
    padded.set(file, 3);
    expect(decodeSnapshot(padded.subarray(3))).toEqual(s);
  });

  const refusal = (bytes: Uint8Array): string => {
    try {
      decodeSnapshot(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(SnapshotError);
      return (e as Error).message;
    }
    throw new Error('decoded');
  };

  it('refuses truncated files at every length, saying they were cut short', () => {
    expect(refusal(new Uint8Array())).toBe('The file is empty.');
    const headerEnd = 12 + new DataView(file.buffer).getUint32(8, true);
    // Every cut inside the prefix and header, and a spread of cuts through the data.
    const cuts = new Set<number>();
    for (let n = 1; n < headerEnd + 8; n++) cuts.add(n);
    for (let n = headerEnd; n < file.length; n += 997) cuts.add(n);
    cuts.add(file.length - 1);
    for (const n of cuts) {
      const message = refusal(file.subarray(0, n));
      if (n >= 12) expect(message, `cut at ${n}`).toMatch(/^The file is cut short/);
      else expect(message, `cut at ${n}`).toMatch(/^This is not an Autoencoder Lab model file/);
    }
  });

  it('refuses garbage, extra bytes, damaged headers and damaged data', () => {
    const rng = createRng(11);
    for (let i = 0; i < 200; i++) {
      const junk = Uint8Array.from({ length: Math.floor(rng() * 300) }, () => Math.floor(rng() * 256));
      if (i % 2 === 0) junk.set([65, 69, 76, 65, 66, 77, 76, 80].slice(0, junk.length)); // the magic, then junk
      refusal(junk);
    }
    expect(refusal(new TextEncoder().encode('{"format":"autoencoder-lab/mlp"}'))).toBe('This is not an Autoencoder Lab model file.');
    const longer = new Uint8Array(file.length + 4);
    longer.set(file);
    expect(refusal(longer)).toBe('This is not an Autoencoder Lab model file. It has 4 bytes more than its header describes.');
    const bigHeader = file.slice();
    new DataView(bigHeader.buffer).setUint32(8, 0xffffffff, true);
    expect(refusal(bigHeader)).toBe('This is not an Autoencoder Lab model file. Its header is damaged.');
    // Every byte of the header flipped in turn, and some of the data: always refused.
    const headerEnd = 12 + new DataView(file.buffer).getUint32(8, true);
    for (let p = 8; p < file.length; p += p < headerEnd + 8 ? 1 : 101) {
      const bad = file.slice();
      bad[p] ^= 0x55;
      refusal(bad);
    }
    const badData = file.slice();
    badData[file.length - 5] ^= 1;
    expect(refusal(badData)).toBe('The model file is damaged: its content does not match its checksum.');
    const badCrc = file.slice();
    badCrc[file.length - 1] ^= 1;
    expect(refusal(badCrc)).toBe('The model file is damaged: its content does not match its checksum.');
  });

  it('crc32 is the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});
