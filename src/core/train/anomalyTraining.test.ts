/**
 * Training on the normal digits only (TrainConfig.normalDigits) and scoring every test digit by
 * its reconstruction error (Trainer.testSquaredErrors), on real MNIST in Node (wasm backend).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { squaredErrors } from '../analysis/anomaly';
import { checkConfig, DEFAULT_CONFIG, IMAGE_SIZE, type LabConfig } from '../config';
import { imagesToFloat } from '../data/dataset';
import { loadMnistNode } from '../data/mnistNode';
import { seededSubset } from '../data/rng';
import { useWasmInNode } from './nodeBackend';
import { Trainer } from './trainer';
import type { MnistData } from './types';

let data: MnistData;
beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

const config = (normalDigits: number[], trainSize = 1000): LabConfig => ({
  model: { ...DEFAULT_CONFIG.model, encoderLayers: [32], codeSize: 4 },
  train: { ...DEFAULT_CONFIG.train, trainSize, seed: 2, normalDigits },
});

describe('normal digits', () => {
  it('all ten digits keep the subset of before; one digit trains on that digit only, counting epochs over it', () => {
    const all = new Trainer(data, config([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(Array.from(all.trainIndices)).toEqual(Array.from(seededSubset(60000, 1000, 2)));
    all.dispose();
    // 60,000 training digits hold 5,421 fives: asking for 10,000 gives all of them.
    const fives = new Trainer(data, config([5], 10000));
    expect(fives.trainIndices.length).toBe(5421);
    for (const i of fives.trainIndices) expect(data.trainLabels[i]).toBe(5);
    fives.steps(1);
    expect(fives.epoch).toBeCloseTo(64 / 5421, 10);
    fives.dispose();
  });

  it('is validated: empty, repeated or unordered lists are refused with a message; old configs read as all ten', () => {
    for (const bad of [[], [3, 3], [6, 0], [10]]) {
      const r = checkConfig({ ...config([0]), train: { ...config([0]).train, normalDigits: bad } });
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok) expect(r.problems[0].path).toMatch(/^train\.normalDigits/);
    }
    const { normalDigits: _, ...old } = config([0]).train;
    const r = checkConfig({ model: config([0]).model, train: old });
    expect(r.ok && r.config.train.normalDigits).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('Trainer.testSquaredErrors', () => {
  it('gives every test digit the squared error of its reconstruction, with no tensor left behind', async () => {
    const trainer = new Trainer(data, config([1]));
    trainer.steps(5);
    await trainer.readTrainMetrics();
    const before = tf.memory().numTensors;
    const errors = await trainer.testSquaredErrors();
    expect(tf.memory().numTensors).toBe(before);
    expect(errors.length).toBe(10000);
    // Digits 0-2 and 9998-9999 (inside and past the resident live subset) against reconstruct().
    for (const i of [0, 1, 2, 9998, 9999]) {
      const x = imagesToFloat(data.testImages, [i]);
      const xHat = await trainer.reconstruct(x, 1);
      expect(errors[i]).toBeCloseTo(squaredErrors(x, xHat, 1, IMAGE_SIZE)[0], 2);
    }
    const full = await trainer.evaluateTest('full');
    // The same mean as the full test metric (which goes through the logits: float32 rounding apart).
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
    expect(Math.abs(mean - full.testSquaredError) / full.testSquaredError).toBeLessThan(1e-3);
    trainer.dispose();
  });
});
