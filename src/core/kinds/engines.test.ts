/**
 * The engine seam: every kind in the lab trains through the same Trainer, leaks no tensor in
 * its steps, decodes, reconstructions, measures, snapshots and resets, and a snapshot of one
 * kind is refused by another.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkConfig, DEFAULT_CONFIG, defaultFullModel, kindModel, type FullModelConfig, type LabConfig } from '../config';
import { imagesToFloat } from '../data/dataset';
import { loadMnistNode } from '../data/mnistNode';
import { minimizeKeeping } from '../train/engine';
import { engineWeightLayout } from './engines';
import { useWasmInNode } from '../train/nodeBackend';
import { Trainer } from '../train/trainer';
import type { MnistData } from '../train/types';

let data: MnistData;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

function config(model: Partial<FullModelConfig>): LabConfig {
  return {
    model: kindModel(model.kind ?? 'mlp', model),
    train: { ...DEFAULT_CONFIG.train, trainSize: 1000, batchSize: 32 },
  };
}

const conv = (m: Partial<FullModelConfig> = {}) =>
  config({ kind: 'conv', encoderLayers: [], convChannels: [4, 4], codeSize: 8, ...m });

describe('minimizeKeeping', () => {
  it('returns the reconstruction part of the objective and leaves no tensor behind', () => {
    const w = tf.variable(tf.scalar(2));
    const optimizer = tf.train.sgd(0.1);
    const before = tf.memory().numTensors;
    const value = tf.tidy(() =>
      minimizeKeeping(optimizer, [w], () => {
        const reconstruction = tf.square(w) as tf.Scalar; // 4
        return { reconstruction, objective: tf.add(reconstruction, tf.mul(3, w)) as tf.Scalar }; // w² + 3w
      }),
    );
    expect(value.dataSync()[0]).toBeCloseTo(4, 6);
    // d/dw (w² + 3w) = 2w + 3 = 7: w <- 2 - 0.1 x 7.
    expect(w.dataSync()[0]).toBeCloseTo(1.3, 6);
    value.dispose();
    expect(tf.memory().numTensors).toBe(before);
    optimizer.dispose();
    w.dispose();
  });
});

describe('kinds in the config', () => {
  it('refuses what a kind cannot use, with the field named', () => {
    // Every kind's settings in one object, as main's configs held them.
    const bad = (m: Partial<FullModelConfig>) => {
      const r = checkConfig({ model: { ...defaultFullModel(), ...m }, train: DEFAULT_CONFIG.train });
      return r.ok ? [] : r.problems.map((p) => p.path);
    };
    expect(bad({ kind: 'conv' })).toContain('model.encoderLayers'); // the default has dense layers
    expect(bad({ kind: 'conv', encoderLayers: [], contractive: 0.1 })).toContain('model.contractive');
    expect(bad({ kind: 'vae', loss: 'mse' })).toContain('model.loss');
    expect(bad({ kind: 'vq', codeSize: 10, vqPositions: 4 })).toContain('model.codeSize');
    expect(bad({ kind: 'conv', encoderLayers: [] })).toEqual([]);
    // A config written before kinds had their fields reads with the defaults.
    const old = { model: { ...defaultFullModel(), kind: 'conv', encoderLayers: [] } as Record<string, unknown>, train: DEFAULT_CONFIG.train };
    for (const k of ['convChannels', 'convDecoder', 'beta', 'vqPositions', 'codebookSize', 'commitment', 'prior']) delete old.model[k];
    const r = checkConfig(old);
    expect(r.ok && r.config.model.kind === 'conv' && r.config.model.convChannels).toEqual([16, 8]);
  });
});

describe('the convolutional kind through the Trainer', () => {
  it('learns: the live test loss falls below the untrained model and the mean image', async () => {
    const trainer = new Trainer(data, conv());
    const before = await trainer.evaluateTest('live');
    trainer.steps(150);
    const after = await trainer.evaluateTest('live');
    expect(after.testLoss).toBeLessThan(before.testLoss * 0.8);
    expect(after.testLoss).toBeLessThan(trainer.meanImageLoss);
    trainer.dispose();
  }, 120_000);

  it('leaks no tensor in steps, encode, decode, reconstruct, test scores, snapshots and reset', async () => {
    for (const convDecoder of ['maxUnpool', 'repeatUnpool', 'deconvolution'] as const) {
      const trainer = new Trainer(data, conv({ convDecoder, noise: 'gaussian', noiseLevel: 0.3, codeL2: 0.01 }));
      trainer.steps(1); // the optimizer makes its slots on the first step
      await trainer.readTrainMetrics();
      const before = tf.memory().numTensors;
      trainer.steps(2);
      const metrics = await trainer.readTrainMetrics();
      expect(Number.isFinite(metrics.trainLoss)).toBe(true);
      const images = imagesToFloat(data.testImages.subarray(0, 3 * 784), null);
      const codes = await trainer.encode(images, 3);
      expect(codes.length).toBe(3 * 8);
      expect((await trainer.decode(codes, 3)).length).toBe(3 * 784);
      expect((await trainer.reconstruct(images, 3)).length).toBe(3 * 784);
      await trainer.evaluateTest('live');
      await trainer.evaluateDenoising();
      await trainer.denoise(images, 3);
      await trainer.measureEngine();
      const snapshot = await trainer.exportState();
      expect(snapshot.weights.map((w) => w.name)).toEqual(engineWeightLayout(trainer.config.model).map((l) => l.name));
      await trainer.importState(snapshot);
      trainer.reset();
      // A fresh optimizer has no slots until its first step.
      trainer.steps(1);
      await trainer.readTrainMetrics();
      expect(tf.memory().numTensors).toBe(before);
      trainer.dispose();
    }
  }, 180_000);

  it('a snapshot round-trips exactly, and an MLP refuses it by kind', async () => {
    const trainer = new Trainer(data, conv());
    trainer.steps(5);
    const snapshot = await trainer.exportState();
    const images = imagesToFloat(data.testImages.subarray(0, 2 * 784), null);
    const expected = await trainer.reconstruct(images, 2);
    trainer.reset();
    await trainer.importState(snapshot);
    expect(await trainer.reconstruct(images, 2)).toEqual(expected);
    trainer.dispose();
    const mlp = new Trainer(data, config({ encoderLayers: [32], codeSize: 8 }));
    await expect(mlp.importState(snapshot)).rejects.toThrow(/conv autoencoder/);
    mlp.dispose();
  }, 120_000);
});
