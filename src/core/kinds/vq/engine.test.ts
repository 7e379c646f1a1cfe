import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { imagesToFloat, pixelMoments } from '../../data/dataset';
import { loadMnistNode } from '../../data/mnistNode';
import { seededSubset } from '../../data/rng';
import { outputBiasForMean } from '../../models/denseStack';
import { BatchOrder } from '../../train/batchOrder';
import { DEFAULT_CONFIG, kindModel } from '../../config';
import { useWasmInNode } from '../../train/nodeBackend';
import { Trainer } from '../../train/trainer';
import type { MnistData } from '../../train/types';
import { reconstructionNats } from '../vae/objective';
import { vqCodeDim, vqWeightLayout, type VqModelConfig } from './kind';
import { decodeVqIndices, readVqCodes } from './views';
import { createVqEngine, resetDeadCodesOnDevice, usageFigures, type VqEngine } from './engine';

let data: MnistData;
let test: tf.Tensor2D;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
  test = tf.tensor2d(imagesToFloat(data.testImages.subarray(0, 1000 * 784), null), [1000, 784]);
});

const small: VqModelConfig = kindModel('vq', { encoderLayers: [32], codeSize: 12, hiddenActivation: 'relu', vqPositions: 4, codebookSize: 16, commitment: 0.25, vqResetEvery: 3 });

/** Steps `engine` through `steps` seeded batches of the first `trainSize` training digits, as the Trainer does. */
function train(engine: VqEngine, steps: number, trainSize: number, from = 0, optimizer = tf.train.adam(0.002), model = small) {
  const x = tf.tensor2d(imagesToFloat(data.trainImages, seededSubset(data.trainCount, trainSize, 1)), [trainSize, 784]);
  const order = new BatchOrder(trainSize, 100, 1);
  const labels = tf.zeros([100], 'int32') as tf.Tensor1D;
  for (let s = from; s < from + steps; s++) {
    tf.tidy(() => engine.trainStep(tf.gather(x, tf.tensor1d(order.next(), 'int32')), { model, step: s, seed: 1, optimizer, labels })).dispose();
  }
  tf.dispose([x, labels]);
  return optimizer;
}

describe('VQ engine pieces, by hand', () => {
  it('perplexity exp(entropy) and codes used of a usage count (int32 counts too)', () => {
    tf.tidy(() => {
      // p = (1/2, 1/4, 1/4, 0): entropy 1.5 log 2, perplexity 2^1.5, 3 codes used.
      const [p, used] = usageFigures(tf.tensor1d([2, 1, 1, 0], 'int32')).dataSync();
      expect(p).toBeCloseTo(2 ** 1.5, 5);
      expect(used).toBe(3);
      expect(Array.from(usageFigures(tf.tensor1d([5, 5, 5, 5])).dataSync())).toEqual([4, 4]);
      expect(Array.from(usageFigures(tf.tensor1d([0, 7, 0])).dataSync())).toEqual([1, 1]);
    });
  });

  it('a dead-code reset moves only the unused codes onto the picked candidates', () => {
    const codebook = tf.variable(tf.tensor2d([[0, 0], [1, 1], [2, 2]]));
    const candidates = tf.tensor2d([[5, 5], [7, 7]]);
    // rng 0.9 -> candidate floor(0.9 x 2) = 1 for every code; only code 1 (usage 0) takes it.
    tf.tidy(() => resetDeadCodesOnDevice(codebook, tf.tensor1d([3, 0, 1], 'int32'), candidates, () => 0.9));
    expect(Array.from(codebook.dataSync())).toEqual([0, 0, 7, 7, 2, 2]);
    tf.tidy(() => resetDeadCodesOnDevice(codebook, 'all', candidates, () => 0.1));
    expect(Array.from(codebook.dataSync())).toEqual([5, 5, 5, 5, 5, 5]);
    tf.dispose([codebook, candidates]);
  });

  it('code size = positions x code length; the layout names the codebook between encoder and decoder', () => {
    expect(vqCodeDim({ codeSize: 32, vqPositions: 8 })).toBe(4);
    expect(() => vqCodeDim({ codeSize: 30, vqPositions: 8 })).toThrow(/multiple of the code positions/);
    const layout = vqWeightLayout(small);
    expect(layout.map((l) => l.name)).toEqual([
      'encoder/0/kernel', 'encoder/0/bias', 'encoder/1/kernel', 'encoder/1/bias', 'codebook',
      'decoder/0/kernel', 'decoder/0/bias', 'decoder/1/kernel', 'decoder/1/bias',
    ]);
    const engine = createVqEngine(small, 1);
    expect(engine.variables.map((v) => v.shape)).toEqual(layout.map((l) => l.shape));
    engine.dispose();
  });
});

describe('VQ engine training step', () => {
  it('returns the per-pixel BCE of the quantised reconstruction before the update, and learns', () => {
    const spec = { ...small, vqResetEvery: 0 };
    const engine = createVqEngine(spec, 1);
    const x = tf.tensor2d(imagesToFloat(data.trainImages.subarray(0, 100 * 784), null), [100, 784]);
    const expected = tf.tidy(() => tf.div(tf.mean(reconstructionNats(engine.reconstructLogits(x), x)), 784).dataSync()[0]);
    const optimizer = tf.train.adam(0.01);
    const labels = tf.zeros([100], 'int32') as tf.Tensor1D;
    const before = engine.variables.map((v) => v.dataSync().slice());
    const loss = tf.tidy(() => engine.trainStep(x, { model: spec, step: 0, seed: 1, optimizer, labels }));
    expect(loss.dataSync()[0]).toBeCloseTo(expected, 5);
    // Every variable moved: encoder (straight-through + commitment), codebook, decoder.
    engine.variables.forEach((v, i) => expect(Array.from(v.dataSync())).not.toEqual(Array.from(before[i])));
    for (let s = 1; s < 30; s++) tf.tidy(() => engine.trainStep(x, { model: spec, step: s, seed: 1, optimizer, labels })).dispose();
    const after = tf.tidy(() => tf.div(tf.mean(reconstructionNats(engine.reconstructLogits(x), x)), 784).dataSync()[0]);
    expect(after).toBeLessThan(expected - 0.02);
    tf.dispose([x, labels, loss]);
    optimizer.dispose();
    engine.dispose();
  });

  it('with resets, step 0 first puts every code on an encoder output of the batch', () => {
    const engine = createVqEngine(small, 1);
    const x = tf.tensor2d(imagesToFloat(data.trainImages.subarray(0, 100 * 784), null), [100, 784]);
    const zE = tf.tidy(() => tf.reshape(engine.model.encodeContinuous(x), [-1, 3]).arraySync() as number[][]);
    const optimizer = tf.train.sgd(0); // no update: the codebook is the reset's
    const labels = tf.zeros([100], 'int32') as tf.Tensor1D;
    tf.tidy(() => engine.trainStep(x, { model: small, step: 0, seed: 1, optimizer, labels })).dispose();
    const codes = engine.model.codebook.arraySync();
    for (const c of codes) expect(zE.some((z) => z.every((v, j) => Math.abs(v - c[j]) < 1e-6))).toBe(true);
    tf.dispose([x, labels]);
    optimizer.dispose();
    engine.dispose();
  });
});

describe('VQ engine tensors', () => {
  it('leaves no tensors behind: steps, a reset step, measure, indices both ways, dispose', () => {
    const baseline = tf.memory().numTensors;
    const engine = createVqEngine(small, 1);
    const optimizer = train(engine, 1, 1000);
    const settled = tf.memory().numTensors;
    // Steps 1..5 include the resets after steps 2 and 5 (vqResetEvery 3).
    train(engine, 5, 1000, 1, optimizer);
    expect(tf.memory().numTensors).toBe(settled);
    const labels = tf.zeros([5], 'int32') as tf.Tensor1D;
    const x = tf.slice(test, [0, 0], [5, 784]);
    tf.tidy(() => engine.measure!(x, labels)).dispose();
    const indices = tf.tidy(() => engine.encodeIndices(x));
    expect(indices.shape).toEqual([5, 4]);
    expect(indices.dtype).toBe('int32');
    tf.tidy(() => engine.decodeIndices(indices)).dispose();
    tf.tidy(() => engine.decode(engine.encode(x))).dispose();
    tf.dispose([indices, labels, x]);
    expect(tf.memory().numTensors).toBe(settled);
    engine.dispose();
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('decoding a digit\'s indices gives its reconstruction', () => {
    const engine = createVqEngine(small, 1, outputBiasForMean(pixelMoments(imagesToFloat(data.trainImages.subarray(0, 1000 * 784), null)).mean, 'sigmoid'));
    train(engine, 10, 1000).dispose();
    tf.tidy(() => {
      const x = tf.slice(test, [0, 0], [4, 784]);
      const viaIndices = engine.decodeIndices(engine.encodeIndices(x)).dataSync();
      const viaCode = engine.decode(engine.encode(x)).dataSync();
      viaCode.forEach((v, i) => expect(viaIndices[i]).toBeCloseTo(v, 5));
    });
    engine.dispose();
  });

  it('in the Trainer: steps (with resets), decode of indices, reset and dispose leave no tensors behind', async () => {
    const baseline = tf.memory().numTensors;
    const config = {
      model: kindModel('vq', { encoderLayers: [32], codeSize: 12, vqPositions: 4, codebookSize: 16, vqResetEvery: 2 }),
      train: { ...DEFAULT_CONFIG.train, trainSize: 1000, batchSize: 50 },
    };
    const trainer = new Trainer(data, config);
    trainer.steps(1);
    await trainer.readTrainMetrics();
    await trainer.evaluateTest('live');
    await trainer.measureEngine();
    const settled = tf.memory().numTensors;
    trainer.steps(5);
    await trainer.readTrainMetrics();
    const live = imagesToFloat(data.testImages.subarray(0, 3 * 784), null);
    const reading = await readVqCodes(trainer, live, 3);
    expect(reading.indices.length).toBe(12);
    expect(reading.usage.reduce((a, b) => a + b, 0)).toBe(1000 * 4);
    const pixels = await decodeVqIndices(trainer, reading.indices, 3);
    expect(pixels.length).toBe(3 * 784);
    await expect(decodeVqIndices(trainer, Int32Array.from([0, 1, 2, 16]), 1)).rejects.toThrow(/code index 16 at position 3 of row 0 is not one of the 16 codes/);
    expect(tf.memory().numTensors).toBe(settled);
    trainer.reset();
    trainer.steps(3);
    await trainer.readTrainMetrics();
    expect(tf.memory().numTensors).toBe(settled);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
