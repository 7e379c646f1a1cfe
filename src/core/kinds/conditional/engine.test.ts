/**
 * The conditional kind through the Trainer: the test loss uses the test digits' own labels,
 * decode draws the chosen label, decodeWithLabels one label per code, no tensor leaks in any
 * call, and a snapshot round-trips (and is refused by a plain MLP).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig, type MlpModelConfig } from '../../config';
import { imagesToFloat } from '../../data/dataset';
import { loadMnistNode } from '../../data/mnistNode';
import { engineWeightLayout } from '../engines';
import { useWasmInNode } from '../../train/nodeBackend';
import { Trainer } from '../../train/trainer';
import type { MnistData } from '../../train/types';

let data: MnistData;

beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

function config(model: Partial<MlpModelConfig> = {}): LabConfig {
  return {
    model: { ...DEFAULT_CONFIG.model, kind: 'conditional', encoderLayers: [32], codeSize: 3, codeL2: 0.02, ...model },
    train: { ...DEFAULT_CONFIG.train, trainSize: 1000, batchSize: 32 },
  };
}

describe('the conditional kind through the Trainer', () => {
  it('its weights: the decoder first layer reads code + one-hot label', () => {
    expect(engineWeightLayout(config().model).map((w) => w.shape)).toEqual([[784, 32], [32], [32, 3], [3], [13, 32], [32], [32, 784], [784]]);
  });

  it('learns, and its test loss is judged with the right labels', async () => {
    const trainer = new Trainer(data, config({ encoderLayers: [64], codeL2: 0 }));
    const before = await trainer.evaluateTest('live');
    trainer.steps(250);
    const after = await trainer.evaluateTest('live');
    expect(after.testLoss).toBeLessThan(before.testLoss * 0.85);
    expect(after.testLoss).toBeLessThan(trainer.meanImageLoss);
    // The first test digit is a 7: drawn from its code as a 7 it is closer than as a 1 or a 0.
    expect(data.testLabels[0]).toBe(7);
    const image = imagesToFloat(data.testImages.subarray(0, 784), null);
    const code = await trainer.encode(image, 1);
    const three = new Float32Array([...code, ...code, ...code]);
    const drawn = await trainer.decodeWithLabels(three, [7, 1, 0], 3);
    const err = (k: number) => drawn.subarray(k * 784, (k + 1) * 784).reduce((s, v, p) => s + (v - image[p]) ** 2, 0);
    expect(err(0)).toBeLessThan(err(1));
    expect(err(0)).toBeLessThan(err(2));
    // decode draws decodeLabel: as 1 it is the second row of decodeWithLabels.
    trainer.setDecodeLabel(1);
    expect(await trainer.decode(code, 1)).toEqual(drawn.slice(784, 2 * 784));
    expect(() => trainer.setDecodeLabel(10)).toThrow(/not a digit/);
    await expect(trainer.decodeWithLabels(code, [3.5], 1)).rejects.toThrow(/digit labels/);
    const measures = await trainer.measureEngine();
    expect(Object.keys(measures ?? {})).toEqual(['codeLabelKnn', 'swapReadAsLabel', 'ownReadAsLabel']);
    trainer.dispose();
  }, 120_000);

  it('leaks no tensor in steps, encode, decode, reconstruct, measures, snapshots and reset', async () => {
    const trainer = new Trainer(data, config());
    trainer.steps(1);
    await trainer.readTrainMetrics();
    const before = tf.memory().numTensors;
    trainer.steps(2);
    expect(Number.isFinite((await trainer.readTrainMetrics()).trainLoss)).toBe(true);
    const images = imagesToFloat(data.testImages.subarray(0, 3 * 784), null);
    const codes = await trainer.encode(images, 3);
    expect((await trainer.decode(codes, 3)).length).toBe(3 * 784);
    expect((await trainer.decodeWithLabels(codes, [0, 5, 9], 3)).length).toBe(3 * 784);
    expect((await trainer.reconstruct(images, 3)).length).toBe(3 * 784);
    await trainer.evaluateTest('live');
    await trainer.testSquaredErrors();
    await trainer.measureEngine();
    const snapshot = await trainer.exportState();
    await trainer.importState(snapshot);
    trainer.reset();
    trainer.steps(1);
    await trainer.readTrainMetrics();
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
  }, 180_000);

  it('a snapshot round-trips exactly; an MLP refuses it', async () => {
    const trainer = new Trainer(data, config());
    trainer.steps(5);
    const snapshot = await trainer.exportState();
    const images = imagesToFloat(data.testImages.subarray(0, 2 * 784), null);
    const expected = await trainer.reconstruct(images, 2);
    trainer.reset();
    await trainer.importState(snapshot);
    expect(await trainer.reconstruct(images, 2)).toEqual(expected);
    trainer.dispose();
    const mlp = new Trainer(data, config({ kind: 'mlp' }));
    await expect(mlp.importState(snapshot)).rejects.toThrow(/conditional autoencoder/);
    mlp.dispose();
  }, 120_000);
});
