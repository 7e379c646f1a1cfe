/**
 * The math views on real MNIST in Node (wasm): for every dense kind, a unit's numbers are the
 * model's own (the output layer's units are the reconstruction's pixels, the code layer's the
 * code, the first layer's input sum is Σ w x + b of the pixels), the digit's loss is the curve's
 * loss, and no read leaves a tensor behind (tf.memory().numTensors counted exactly around each).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { densePath } from '../core/analysis/densePath';
import { DEFAULT_CONFIG, IMAGE_SIZE, type LabConfig } from '../core/config';
import { imagesToFloat } from '../core/data/dataset';
import { loadMnistNode } from '../core/data/mnistNode';
import { useWasmInNode } from '../core/train/nodeBackend';
import { Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';
import { digitLoss, firstLayerWeights, inspectUnit } from './mathViews';

let data: MnistData;
beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

const train = { ...DEFAULT_CONFIG.train, trainSize: 1000, batchSize: 50 };
const dense = { ...DEFAULT_CONFIG.model, encoderLayers: [24, 12], codeSize: 4 };
const CONFIGS: Record<string, LabConfig> = {
  mlp: { model: { ...dense, kind: 'mlp' }, train } as LabConfig,
  vae: { model: { ...dense, kind: 'vae', beta: 1 }, train } as LabConfig,
  vq: { model: { ...dense, kind: 'vq', vqPositions: 2, codebookSize: 8, commitment: 0.25, vqResetEvery: 25 }, train } as LabConfig,
  adversarial: { model: { ...dense, kind: 'adversarial', prior: 'gaussian' }, train } as LabConfig,
  conditional: { model: { ...dense, kind: 'conditional', codeL2: 0 }, train } as LabConfig,
};

const digit = (i: number) => imagesToFloat(data.testImages.subarray(i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE), null);
const close = (a: number, b: number, tol = 2e-4) => expect(Math.abs(a - b)).toBeLessThan(tol * Math.max(1, Math.abs(b)));

describe.each(Object.keys(CONFIGS))('the math views of the %s kind', (kind) => {
  it("give the model's own numbers for a unit, the digit's loss and the first layer, leaking nothing", async () => {
    const trainer = new Trainer(data, CONFIGS[kind]);
    trainer.steps(4);
    await trainer.readTrainMetrics();
    const path = densePath(trainer.config.model)!;
    const widths = [784, ...path.map((l) => l.fanOut)];
    expect(widths).toEqual([784, 24, 12, 4, 12, 24, 784]);
    const x = digit(3);
    const label = data.testLabels[3];

    let before = tf.memory().numTensors;
    const loss = await digitLoss(trainer, x, label);
    expect(tf.memory().numTensors).toBe(before);
    // The loss the curve counts: the mean of the per-pixel terms, each the formula on x and x̂.
    expect(loss.loss).toBe('bce');
    close(loss.value, loss.terms.reduce((a, b) => a + b, 0) / 784, 1e-6);
    for (const p of [100, 300, 406, 600]) {
      const xh = Math.min(1 - 1e-7, Math.max(1e-7, loss.reconstruction[p]));
      close(loss.terms[p], -(x[p] * Math.log(xh) + (1 - x[p]) * Math.log(1 - xh)), 1e-3);
    }

    const last = path.length;
    for (const unit of [0, 300, 406]) {
      before = tf.memory().numTensors;
      const u = await inspectUnit(trainer, x, label, last, unit);
      expect(tf.memory().numTensors).toBe(before);
      expect(u.weights.length).toBe(24);
      expect(u.activationName).toBe('sigmoid');
      // The output layer's unit is the reconstruction's pixel.
      close(u.activation, loss.reconstruction[unit]);
      close(u.activation, 1 / (1 + Math.exp(-u.inputSum)));
    }
    // The first layer: z is Σ w x + b over the pixels.
    const first = await inspectUnit(trainer, x, label, 1, 5);
    expect(first.weights.length).toBe(784);
    close(first.inputSum, first.weights.reduce((s, w, i) => s + w * x[i], first.bias), 1e-4);
    close(first.activation, Math.max(0, first.inputSum));
    // The code layer is the code (a VQ-VAE's code layer is the encoder's output before the codebook).
    if (kind !== 'vq') {
      const code = await trainer.encode(x, 1);
      for (let j = 0; j < 4; j++) close((await inspectUnit(trainer, x, label, 3, j)).activation, code[j]);
    }
    if (kind === 'conditional') {
      expect(path[3].fanIn).toBe(4 + 10);
      expect((await inspectUnit(trainer, x, label, 4, 0)).label).toBe(label);
      // A drawing (no label): the label that redraws it best, as the page's reconstruction uses.
      expect((await inspectUnit(trainer, x, undefined, 4, 0)).label).toBeGreaterThanOrEqual(0);
    }

    before = tf.memory().numTensors;
    const w = await firstLayerWeights(trainer, 16);
    expect(tf.memory().numTensors).toBe(before);
    expect(w).toMatchObject({ units: 16, total: 24, step: 4 });
    expect(Array.from(w.weights.subarray(5 * 784, 6 * 784))).toEqual(Array.from(first.weights));
    expect((await firstLayerWeights(trainer, 100)).units).toBe(24);

    await expect(inspectUnit(trainer, x, label, 0, 0)).rejects.toThrow(RangeError);
    await expect(inspectUnit(trainer, x, label, 1, 24)).rejects.toThrow(RangeError);
    await expect(digitLoss(trainer, x.subarray(0, 10), label)).rejects.toThrow(RangeError);
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
  }, 60_000);
});

it('the convolutional kind has no dense path to inspect', async () => {
  const conv = { model: { ...DEFAULT_CONFIG.model, kind: 'conv', encoderLayers: [], convChannels: [4, 4], convDecoder: 'maxUnpool', codeSize: 8 }, train } as unknown as LabConfig;
  expect(densePath(conv.model)).toBeUndefined();
  const trainer = new Trainer(data, conv);
  const before = tf.memory().numTensors;
  await expect(firstLayerWeights(trainer, 4)).rejects.toThrow(/no dense layers/);
  expect(tf.memory().numTensors).toBe(before);
  trainer.dispose();
}, 60_000);
