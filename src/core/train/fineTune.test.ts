import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_SIZE } from '../config';
import { createLayer } from '../models/denseStack';
import { createRng } from '../data/rng';
import { crossEntropy, FineTuning, pretrainedClassifier, randomClassifier } from './fineTune';
import { DEFAULT_PRETRAIN_CONFIG, type PretrainConfig } from './pretrainConfig';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config: PretrainConfig = { ...DEFAULT_PRETRAIN_CONFIG, widths: [8, 6], labels: 40, batchSize: 16, learningRate: 0.01 };

/** Two separable kinds of "digit": the left half lit (label 3) or the right half (label 7), noisy. */
function twoKinds(n: number, seed: number): { images: Float32Array; labels: Uint8Array; bytes: Uint8Array } {
  const rng = createRng(seed);
  const images = new Float32Array(n * IMAGE_SIZE);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % 2 === 0 ? 3 : 7;
    for (let p = 0; p < IMAGE_SIZE; p++) {
      const left = p % 28 < 14;
      const on = (labels[i] === 3) === left;
      images[i * IMAGE_SIZE + p] = on ? 0.5 + 0.5 * rng() : 0.2 * rng();
    }
  }
  const bytes = Uint8Array.from(images, (v) => Math.round(v * 255));
  return { images, labels, bytes };
}

function encoders(seed: number) {
  const rng = createRng(seed);
  return [createLayer(IMAGE_SIZE, 8, 'relu', rng), createLayer(8, 6, 'relu', rng)];
}

describe('the two classifiers', () => {
  it('the pretrained one copies the encoders; both share the softmax layer they start from', () => {
    const e = encoders(3);
    const pre = pretrainedClassifier(e, 1);
    const rand = randomClassifier([8, 6], 'relu', 1);
    expect(pre.layers.map((l) => l.kernel.shape)).toEqual([[784, 8], [8, 6], [6, 10]]);
    expect(rand.layers.map((l) => l.kernel.shape)).toEqual([[784, 8], [8, 6], [6, 10]]);
    expect(Array.from(pre.layers[0].kernel.dataSync())).toEqual(Array.from(e[0].kernel.dataSync()));
    expect(pre.layers[0].kernel).not.toBe(e[0].kernel); // a copy: fine-tuning leaves the original
    expect(Array.from(pre.layers[2].kernel.dataSync())).toEqual(Array.from(rand.layers[2].kernel.dataSync()));
    expect(Array.from(pre.layers[0].kernel.dataSync())).not.toEqual(Array.from(rand.layers[0].kernel.dataSync()));
    [pre, rand].forEach((c) => c.dispose());
    e.forEach((l) => (l.kernel.dispose(), l.bias.dispose()));
  });

  it('cross-entropy of uniform logits is ln 10', () => {
    const v = tf.tidy(() => crossEntropy(tf.zeros([4, 10]), tf.tensor1d([0, 3, 9, 1], 'int32')).dataSync()[0]);
    expect(v).toBeCloseTo(Math.log(10), 5);
  });
});

describe('fine-tuning both networks', () => {
  it('learns two separable kinds; accuracy equals the arg-max agreement counted by hand', async () => {
    const train = twoKinds(40, 1);
    const test = twoKinds(30, 2);
    const ft = new FineTuning(pretrainedClassifier(encoders(3), 1), train.images, train.labels, config);
    const at0 = await ft.accuracy(test.bytes, test.labels, 30);
    // By hand: the arg-max of each network's logits against the labels.
    const byHand = tf.tidy(() => {
      const x = tf.div(tf.tensor2d(test.bytes, [30, IMAGE_SIZE], 'float32'), 255) as tf.Tensor2D;
      return (['pretrained', 'random'] as const).map((net) => {
        const predicted = Array.from(ft.networks[net].logits(x).argMax(1).dataSync());
        return predicted.reduce((c, p, i) => c + (p === test.labels[i] ? 1 : 0), 0) / 30;
      });
    });
    expect([at0.pretrained, at0.random]).toEqual(byHand);
    ft.steps(40);
    expect(ft.step).toBe(40);
    const losses = await ft.readLosses();
    expect(losses.pretrained).toBeGreaterThan(0);
    expect(losses.random).toBeGreaterThan(0);
    const at = await ft.accuracy(test.bytes, test.labels, 30);
    expect(at.pretrained).toBe(1);
    expect(at.random).toBe(1);
    expect(await ft.readLosses()).toEqual({ pretrained: Number.NaN, random: Number.NaN });
    ft.dispose();
  });

  it('with fewer labels than a batch, every step uses all of them', async () => {
    const train = twoKinds(10, 4);
    const ft = new FineTuning(pretrainedClassifier(encoders(5), 1), train.images, train.labels, { ...config, batchSize: 64 });
    ft.steps(2);
    expect(Number.isFinite((await ft.readLosses()).random)).toBe(true);
    ft.dispose();
  });

  it('leaves no tensor behind: steps, read-backs, accuracy, dispose', async () => {
    const train = twoKinds(40, 1);
    const test = twoKinds(20, 2);
    const before = tf.memory().numTensors;
    const ft = new FineTuning(pretrainedClassifier(encoders(3), 1), train.images, train.labels, config);
    ft.steps(1); // Adam's slots
    await ft.readLosses();
    const steady = tf.memory().numTensors;
    ft.steps(3);
    await ft.readLosses();
    await ft.accuracy(test.bytes, test.labels, 20);
    expect(tf.memory().numTensors).toBe(steady);
    ft.dispose();
    // The encoders passed to pretrainedClassifier are the caller's: 4 tensors (2 layers) remain.
    expect(tf.memory().numTensors).toBe(before + 4);
  });
});
