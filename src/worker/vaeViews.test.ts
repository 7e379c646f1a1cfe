/**
 * The VAE lessons' worker views on real MNIST in Node (wasm backend): the prior-quantile grid,
 * prior samples, the traversal and the plain autoencoder beside the VAE; none leaks a tensor.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig } from '../core/config';
import { loadMnistNode } from '../core/data/mnistNode';
import { useWasmInNode } from '../core/train/nodeBackend';
import { Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';
import { comparePlain, decodePriorGrid, decodePriorSamples, traverse } from './vaeViews';

let data: MnistData;
beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

const config = (codeSize: number): LabConfig => ({
  model: { ...DEFAULT_CONFIG.model, kind: 'vae', encoderLayers: [32], codeSize, beta: 1 },
  train: { ...DEFAULT_CONFIG.train, trainSize: 1000, batchSize: 100, learningRate: 0.002 },
});

describe('the VAE views', () => {
  it('decodes the prior grid, fresh samples per seed and a traversal; no leaks', async () => {
    const trainer = new Trainer(data, config(3));
    trainer.steps(5);
    await trainer.readTrainMetrics();
    const before = tf.memory().numTensors;
    expect((await decodePriorGrid(trainer, 4)).length).toBe(16 * 784);
    const a = await decodePriorSamples(trainer, 6, 1);
    const b = await decodePriorSamples(trainer, 6, 2);
    expect(a.codes.length).toBe(18);
    expect(a.images.length).toBe(6 * 784);
    expect(Array.from(a.codes)).not.toEqual(Array.from(b.codes));
    expect(Array.from((await decodePriorSamples(trainer, 6, 1)).codes)).toEqual(Array.from(a.codes));
    const t = await traverse(trainer, data, 5, [-3, 0, 3]);
    expect(t.label).toBe(data.testLabels[5]);
    expect(t.images.length).toBe(3 * 3 * 784);
    // Row 1, value 0: the digit's code with code number 1 set to 0; decoding it again gives the same image.
    const code = Float32Array.from(t.code);
    code[1] = 0;
    const again = await trainer.decode(code, 1);
    const tile = t.images.subarray((1 * 3 + 1) * 784, (1 * 3 + 2) * 784);
    expect(Math.max(...again.map((v, i) => Math.abs(v - tile[i])))).toBeLessThan(1e-5);
    await expect(traverse(trainer, data, -1, [0])).rejects.toThrow(RangeError);
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
  }, 60_000);

  it('trains a plain autoencoder beside a 2-D VAE and measures its holes; frees it after', async () => {
    const vae = new Trainer(data, config(2));
    const before = tf.memory().numTensors;
    const r = await comparePlain(data, vae.config, 1, 4, () => false);
    expect(r).toBeDefined();
    expect(r!.boxGrid.length).toBe(16 * 784);
    expect(r!.quantileGrid.length).toBe(16 * 784);
    for (const share of [r!.emptyBox, r!.emptyQuantile]) {
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThan(1);
    }
    expect(r!.testLoss).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
    expect(await comparePlain(data, vae.config, 1, 4, () => true)).toBeUndefined();
    expect(tf.memory().numTensors).toBe(before);
    await expect(comparePlain(data, config(3), 1, 4, () => false)).rejects.toThrow(/code size to 2/);
    vae.dispose();
  }, 60_000);
});
