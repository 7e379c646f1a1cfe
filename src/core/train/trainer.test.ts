import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig, type MlpModelConfig, type TrainConfig } from '../config';
import { imagesToFloat } from '../data/dataset';
import { loadMnistNode } from '../data/mnistNode';
import { DIVERGENCE_WARMUP_STEPS } from './divergence';
import { useWasmInNode } from './nodeBackend';
import { EvaluationStopped, Trainer } from './trainer';
import type { MnistData } from './types';

let data: MnistData;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

/** A small, fast configuration on 1,000 training digits. */
function config(model: Partial<MlpModelConfig> = {}, train: Partial<TrainConfig> = {}): LabConfig {
  return {
    model: { ...DEFAULT_CONFIG.model, encoderLayers: [32], codeSize: 2, ...model },
    train: { ...DEFAULT_CONFIG.train, trainSize: 1000, batchSize: 32, ...train },
  };
}

function testImages(n: number, from = 0): Float32Array {
  return imagesToFloat(data.testImages.subarray(from * 784, (from + n) * 784), null);
}

describe('Trainer shapes', () => {
  it('encode, decode and reconstruct give [n, codeSize] and [n, 784] in [0, 1]', async () => {
    for (const output of ['sigmoid', 'linear'] as const) {
      const trainer = new Trainer(data, config({ codeSize: 3, outputActivation: output, loss: 'mse' }));
      trainer.steps(3);
      const images = testImages(5);
      const codes = await trainer.encode(images, 5);
      expect(codes.length).toBe(5 * 3);
      expect(codes.some((v) => v !== 0)).toBe(true);
      const decoded = await trainer.decode(codes, 5);
      expect(decoded.length).toBe(5 * 784);
      const rec = await trainer.reconstruct(images, 5);
      expect(rec.length).toBe(5 * 784);
      // decode(encode(x)) is reconstruct(x).
      for (let i = 0; i < rec.length; i += 97) expect(rec[i]).toBeCloseTo(decoded[i], 5);
      for (const v of rec) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      // A linear output far outside [0, 1] still comes back clamped.
      const far = await trainer.decode(Float32Array.from([1e4, -1e4, 3e3, -1e4, 1e4, 1e4]), 2);
      expect(Math.min(...far)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...far)).toBeLessThanOrEqual(1);
      await expect(trainer.encode(images, 6)).rejects.toThrow(RangeError);
      await expect(trainer.decode(codes, 6)).rejects.toThrow(RangeError);
      trainer.dispose();
    }
  });

  it('counts steps, samples and fractional epochs', () => {
    const trainer = new Trainer(data, config({}, { batchSize: 64, trainSize: 1000 }));
    trainer.steps(20);
    expect(trainer.step).toBe(20);
    expect(trainer.samplesSeen).toBe(1280);
    expect(trainer.epoch).toBeCloseTo(1.28, 10);
    expect(trainer.trainIndices.length).toBe(1000);
    trainer.dispose();
  });
});

describe('Trainer determinism', () => {
  async function firstLosses(seed: number): Promise<number[]> {
    const trainer = new Trainer(data, config({}, { seed }));
    const losses: number[] = [];
    for (let i = 0; i < 3; i++) {
      trainer.steps(4);
      losses.push((await trainer.readTrainMetrics()).trainLoss);
    }
    trainer.reset();
    trainer.steps(4);
    losses.push((await trainer.readTrainMetrics()).trainLoss);
    trainer.dispose();
    return losses;
  }

  it('the same seed gives the same losses (also after reset); another seed does not', async () => {
    const a = await firstLosses(5);
    expect(await firstLosses(5)).toEqual(a);
    expect(a[3]).toBe(a[0]);
    const b = await firstLosses(6);
    expect(b[0]).not.toBe(a[0]);
  });
});

describe('Trainer learns on real MNIST', () => {
  it('test squared error per image falls well below its starting value', async () => {
    const trainer = new Trainer(data, config({ encoderLayers: [32], codeSize: 16 }, { batchSize: 32, learningRate: 0.003 }));
    const before = await trainer.evaluateTest('live');
    expect(before.count).toBe(1000);
    // The decoder starts out drawing the mean training digit: about 52 per image on MNIST.
    expect(before.testSquaredError).toBeGreaterThan(45);
    const trainLosses: number[] = [];
    for (let i = 0; i < 3; i++) {
      trainer.steps(50);
      const m = await trainer.readTrainMetrics();
      expect(m.divergence).toBeUndefined();
      trainLosses.push(m.trainLoss);
    }
    const after = await trainer.evaluateTest('live');
    // A 16-number code after 150 steps of 32 digits (measured: about 26) is far better than
    // any constant image (about 51): an encoder or decoder that does not learn cannot pass.
    expect(after.testSquaredError).toBeLessThan(0.65 * before.testSquaredError);
    expect(after.testLoss).toBeLessThan(0.8 * before.testLoss);
    expect(trainLosses[2]).toBeLessThan(0.8 * trainer.meanImageLoss);
    expect(trainer.step).toBe(150);
    trainer.dispose();
  });

  it('full evaluation covers all 10,000 test digits and agrees with the live subset', async () => {
    const trainer = new Trainer(data, config({ encoderLayers: [16] }, { batchSize: 64 }));
    trainer.steps(30);
    const live = await trainer.evaluateTest('live');
    const full = await trainer.evaluateTest('full');
    expect(full.count).toBe(10000);
    expect(Math.abs(full.testSquaredError - live.testSquaredError)).toBeLessThan(0.1 * live.testSquaredError);
    // Squared error per image equals the mean squared error per pixel times 784 for an mse model.
    const mse = new Trainer(data, config({ encoderLayers: [16], loss: 'mse' }));
    mse.steps(5);
    const m = await mse.evaluateTest('live');
    expect(m.testSquaredError).toBeCloseTo(m.testLoss * 784, 2);
    mse.dispose();
    trainer.dispose();
  });

  it('a full evaluation gives way when told to, or when the model is reset under it, and leaks nothing', async () => {
    const trainer = new Trainer(data, config({ encoderLayers: [16] }));
    trainer.steps(3);
    const before = tf.memory().numTensors;
    await expect(trainer.evaluateTest('full', { stopIf: () => true })).rejects.toBeInstanceOf(EvaluationStopped);
    // Stops part of the way through the ten chunks of 1,000 digits.
    let asked = 0;
    await expect(trainer.evaluateTest('full', { stopIf: () => ++asked > 5 })).rejects.toBeInstanceOf(EvaluationStopped);
    expect(asked).toBe(6);
    expect(tf.memory().numTensors).toBe(before);
    const evaluation = trainer.evaluateTest('full');
    trainer.reset();
    // A fresh model (its optimizer makes its slots on the first step).
    const afterReset = tf.memory().numTensors;
    await expect(evaluation).rejects.toThrow(/reset during the test evaluation/);
    // The sums of the chunk that was in flight when reset() ran are freed too.
    expect(tf.memory().numTensors).toBe(afterReset - 1);
    // Never stopped: the whole test set.
    expect((await trainer.evaluateTest('full', { stopIf: () => false })).count).toBe(10000);
    trainer.dispose();
  });
});

describe('Trainer leaks no tensors', () => {
  // 1,000 steps for Adam (the default); fewer for the others, to keep the file fast.
  for (const [optimizer, steps] of [['adam', 1000], ['sgd', 200], ['rmsprop', 200]] as const) {
    it(`${optimizer}: same count after 10 and ${steps} steps, reads, evaluation, decoding, reset; none after dispose`, async () => {
      const start = tf.memory().numTensors;
      const trainer = new Trainer(data, config({ encoderLayers: [8], codeSize: 2 }, { optimizer, batchSize: 4 }));
      const constructed = tf.memory().numTensors;
      trainer.steps(10);
      const after10 = tf.memory().numTensors;
      trainer.steps(steps - 10);
      expect(tf.memory().numTensors).toBe(after10);
      await trainer.readTrainMetrics();
      expect(tf.memory().numTensors).toBe(after10);
      await trainer.evaluateTest('live');
      const images = testImages(10);
      const codes = await trainer.encode(images, 10);
      await trainer.decode(codes, 10);
      await trainer.reconstruct(images, 10);
      expect(tf.memory().numTensors).toBe(after10);
      trainer.reset();
      expect(tf.memory().numTensors).toBe(constructed);
      trainer.steps(3);
      expect(tf.memory().numTensors).toBe(after10);
      trainer.dispose();
      expect(tf.memory().numTensors).toBe(start);
      expect(() => trainer.steps(1)).toThrow(/disposed/);
    });
  }
});

describe('divergence', () => {
  it('a huge learning rate is detected, with what happened and what to try', async () => {
    // Adam at the largest allowed rate moves every weight by about 1 per step: the linear
    // output shoots to values in the thousands.
    const trainer = new Trainer(
      data,
      config({ outputActivation: 'linear', loss: 'mse' }, { optimizer: 'adam', learningRate: 1, batchSize: 16 }),
    );
    let found;
    for (let i = 0; i < 12 && !found; i++) {
      trainer.steps(5);
      found = (await trainer.readTrainMetrics()).divergence;
    }
    expect(found).toBeDefined();
    expect(found!.message.code).toMatch(/^diverged\.(nan|infinite|explodedBest|explodedMean)$/);
    expect(found!.message.params).toMatchObject({ learningRate: 1, suggested: 0.1 });
    expect(found!.step).toBeLessThanOrEqual(DIVERGENCE_WARMUP_STEPS);
    trainer.dispose();
  });

  it('normal training is not flagged', async () => {
    const trainer = new Trainer(data, config({}, { batchSize: 16 }));
    expect(trainer.meanImageLoss).toBeGreaterThan(0.1);
    for (let i = 0; i < 20; i++) {
      trainer.steps(5);
      const m = await trainer.readTrainMetrics();
      expect(m.divergence).toBeUndefined();
      expect(m.trainLoss).toBeLessThan(2 * trainer.meanImageLoss);
    }
    trainer.dispose();
  });
});
