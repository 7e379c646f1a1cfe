/**
 * A step cut into parts (cutStep.ts, Trainer.cutStep) is the same step: the same weights and
 * optimizer state as the whole step on a plain MLP, the same loss; an abandoned one changes
 * nothing; neither leaks a tensor.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig } from '../config';
import { loadMnistNode } from '../data/mnistNode';
import { partRanges } from './cutStep';
import { useWasmInNode } from './nodeBackend';
import { Trainer } from './trainer';
import type { MnistData } from './types';

let data: MnistData;
beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

const config: LabConfig = {
  model: { ...DEFAULT_CONFIG.model, encoderLayers: [32], codeSize: 2 },
  train: { ...DEFAULT_CONFIG.train, trainSize: 1000, batchSize: 30 },
};

const drain = (it: Generator<void, void, void>) => {
  let parts = 0;
  while (!it.next().done) parts++;
  return parts;
};

async function weights(t: Trainer): Promise<Float32Array[]> {
  const s = await t.exportState();
  return [...s.weights, ...(s.optimizer?.slots ?? [])].map((w) => w.data);
}

describe('partRanges', () => {
  it('splits a batch into nearly equal parts that cover it once', () => {
    expect(partRanges(30, 4)).toEqual([[0, 7], [7, 15], [15, 22], [22, 30]]);
    expect(partRanges(3, 8)).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect(partRanges(5, 0)).toEqual([[0, 5]]);
  });
});

describe('Trainer.cutStep', () => {
  it('gives the weights, optimizer state and loss of the whole step', async () => {
    const whole = new Trainer(data, config);
    const cut = new Trainer(data, config);
    try {
      whole.steps(3);
      expect(drain(cut.cutStep(3))).toBe(3);
      expect(drain(cut.cutStep(2))).toBe(2);
      cut.steps(1);
      expect(cut.step).toBe(3);
      const [a, b] = [await weights(whole), await weights(cut)];
      expect(b.length).toBe(a.length);
      let worst = 0;
      a.forEach((w, i) => w.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - b[i][j])))));
      expect(worst).toBeLessThan(1e-4);
      const [la, lb] = [await whole.readTrainMetrics(), await cut.readTrainMetrics()];
      expect(lb.trainLoss).toBeCloseTo(la.trainLoss, 4);
    } finally {
      whole.dispose();
      cut.dispose();
    }
  });

  it('leaks no tensor, whole or abandoned; an abandoned step leaves the model as it was', async () => {
    const trainer = new Trainer(data, config);
    try {
      trainer.steps(1);
      await trainer.readTrainMetrics();
      const before = tf.memory().numTensors;
      drain(trainer.cutStep(4));
      await trainer.readTrainMetrics();
      expect(tf.memory().numTensors).toBe(before);
      const kept = await weights(trainer);
      const it = trainer.cutStep(4);
      it.next();
      it.next();
      it.return();
      expect(tf.memory().numTensors).toBe(before);
      expect(trainer.step).toBe(2);
      expect(await weights(trainer)).toEqual(kept);
    } finally {
      trainer.dispose();
    }
  });
});

describe('Trainer.limitChunkRows', () => {
  it('encodes in smaller chunks to the same codes, leaking nothing, and stops between chunks when asked', async () => {
    const trainer = new Trainer(data, config);
    try {
      trainer.steps(2);
      await trainer.readTrainMetrics();
      const images = Float32Array.from(data.testImages.subarray(0, 20 * 784), (v) => v / 255);
      const whole = await trainer.encode(images, 20);
      const before = tf.memory().numTensors;
      trainer.limitChunkRows(7);
      expect(await trainer.encode(images, 20)).toEqual(whole);
      expect(tf.memory().numTensors).toBe(before);
      let chunks = 0;
      await expect(trainer.encode(images, 20, { stopIf: () => ++chunks > 2 })).rejects.toThrow();
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      trainer.dispose();
    }
  });
});
