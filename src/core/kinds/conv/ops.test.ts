import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWasmInNode } from '../../train/nodeBackend';
import {
  convolution,
  deconvolution,
  maxPool,
  maxUnpool,
  poolSwitches,
  preferredConvGradients,
  repeatUnpool,
  spreadOutMap,
  type ConvGradients,
  type ConvWeights,
} from './ops';
import type { LayerActivation } from '../../models/dense';

/** A 4x4 map, one channel, with ties: an all-zero window, two 7s and two 9s. */
const MAP = [
  [1, 5, 0, 0],
  [3, 2, 0, 0],
  [7, 7, 4, 9],
  [1, 7, 9, 2],
];
/** Its switches by hand: the max of each window, the first in reading order among ties. */
const SWITCHES = [
  [0, 1, 1, 0],
  [0, 0, 0, 0],
  [1, 0, 0, 1],
  [0, 0, 0, 0],
];
/** The same map negated, as a second channel: its maxima sit elsewhere. */
const SWITCHES_NEGATED = [
  [1, 0, 1, 0],
  [0, 0, 0, 0],
  [0, 0, 0, 0],
  [1, 0, 0, 1],
];

/** [h][w] per channel -> [1, h, w, c] */
function nhwc(channels: number[][][]): tf.Tensor4D {
  const h = channels[0].length;
  const w = channels[0][0].length;
  const values: number[] = [];
  for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) for (const ch of channels) values.push(ch[i][j]);
  return tf.tensor4d(values, [1, h, w, channels.length]);
}

/** [1, h, w, c] -> [h][w] of channel c */
function channel(t: tf.Tensor, c: number): number[][] {
  const [, h, w, n] = t.shape;
  const v = t.dataSync();
  return Array.from({ length: h! }, (_, i) => Array.from({ length: w! }, (_, j) => v[(i * w! + j) * n! + c]));
}

/** Filter [k, k, a, b] and bias [outChannels]. */
function randomWeights(k: number, a: number, b: number, outChannels: number, activation: LayerActivation, seed: number): ConvWeights {
  return {
    filter: tf.randomNormal<tf.Rank.R4>([k, k, a, b], 0, 0.4, 'float32', seed),
    bias: tf.randomNormal<tf.Rank.R1>([outChannels], 0, 0.3, 'float32', seed + 1),
    activation,
  };
}

function maxRelativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 1e-6;
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    scale = Math.max(scale, Math.abs(a[i]));
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
  }
  return diff / scale;
}

/** Value and gradients (input, filter, bias) of a weighted sum of a layer's output. */
function layerGradients(
  run: (x: tf.Tensor4D, l: ConvWeights) => tf.Tensor4D,
  xShape: [number, number, number, number],
  weights: () => ConvWeights,
): Float32Array[] {
  return tf.tidy(() => {
    const x = tf.randomUniform<tf.Rank.R4>(xShape, -1, 1, 'float32', 11);
    const l = weights();
    const f = (xi: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => {
      const y = run(xi as tf.Tensor4D, { filter: w as tf.Tensor4D, bias: b as tf.Tensor1D, activation: l.activation });
      // Uneven weights, so that no gradient (the bias's) cancels to zero by symmetry.
      return tf.sum(tf.mul(y, tf.reshape(tf.linspace(-0.5, 1.5, y.size), y.shape)));
    };
    const { value, grads } = tf.valueAndGrads(f)([x, l.filter, l.bias]);
    return [value, ...grads].map((t) => t.dataSync() as Float32Array);
  });
}

/** The reference: tfjs's own gradients on the cpu backend (wasm has no Conv2DBackpropFilter). */
async function onCpu<T>(f: () => T): Promise<T> {
  const previous = tf.getBackend();
  await tf.setBackend('cpu');
  try {
    return f();
  } finally {
    await tf.setBackend(previous);
  }
}

describe.each(['cpu', 'wasm'])('convolutional building blocks on %s', (backend) => {
  beforeAll(async () => {
    if (backend === 'wasm') await useWasmInNode();
    else await tf.setBackend('cpu');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('switches: one max per window, ties to the first in reading order, per channel', () => {
    tf.tidy(() => {
      const x = nhwc([MAP, MAP.map((r) => r.map((v) => -v))]);
      const sw = poolSwitches(x);
      expect(channel(sw, 0)).toEqual(SWITCHES);
      expect(channel(sw, 1)).toEqual(SWITCHES_NEGATED);
      const pooled = maxPool(x, sw);
      expect(channel(pooled, 0)).toEqual([
        [5, 0],
        [7, 9],
      ]);
    });
  });

  it('max-unpooling puts each value back where its max was, zeros elsewhere', () => {
    tf.tidy(() => {
      const sw = poolSwitches(nhwc([MAP]));
      const y = nhwc([
        [
          [10, 20],
          [30, 40],
        ],
      ]);
      expect(channel(maxUnpool(y, sw), 0)).toEqual([
        [0, 10, 20, 0],
        [0, 0, 0, 0],
        [30, 0, 0, 40],
        [0, 0, 0, 0],
      ]);
    });
  });

  it('repeat-unpooling copies each value over its window; the spread-out map keeps the top-left', () => {
    tf.tidy(() => {
      const y = nhwc([
        [
          [10, 20],
          [30, 40],
        ],
        [
          [1, 2],
          [3, 4],
        ],
      ]);
      expect(channel(repeatUnpool(y), 0)).toEqual([
        [10, 10, 20, 20],
        [10, 10, 20, 20],
        [30, 30, 40, 40],
        [30, 30, 40, 40],
      ]);
      expect(channel(spreadOutMap(y), 1)).toEqual([
        [1, 0, 2, 0],
        [0, 0, 0, 0],
        [3, 0, 4, 0],
        [0, 0, 0, 0],
      ]);
    });
  });

  it('switches mark exactly one position per window at its max (random batch)', () => {
    tf.tidy(() => {
      // Rounded values make ties frequent.
      const x = tf.round(tf.randomUniform<tf.Rank.R4>([3, 6, 8, 5], 0, 3, 'float32', 2)) as tf.Tensor4D;
      const sw = poolSwitches(x);
      const perWindow = tf.mul(tf.avgPool(sw, 2, 2, 'valid'), 4).dataSync();
      expect(Array.from(new Set(perWindow))).toEqual([1]);
      const kept = tf.mul(tf.avgPool(tf.mul(sw, x) as tf.Tensor4D, 2, 2, 'valid'), 4).dataSync();
      expect(Array.from(kept)).toEqual(Array.from(tf.maxPool(x, 2, 2, 'valid').dataSync()));
    });
  });

  it("max pooling's gradient through the switches equals tfjs's MaxPoolGrad (no ties)", async () => {
    const run = () =>
      tf.tidy(() => {
        const x = tf.randomUniform<tf.Rank.R4>([2, 6, 6, 3], -1, 1, 'float32', 4);
        const weights = tf.randomUniform<tf.Rank.R4>([2, 3, 3, 3], -1, 1, 'float32', 5);
        const custom = tf.grad((xi: tf.Tensor) => tf.sum(tf.mul(maxPool(xi as tf.Tensor4D, poolSwitches(xi as tf.Tensor4D)), weights)))(x);
        return custom.dataSync() as Float32Array;
      });
    const reference = await onCpu(() =>
      tf.tidy(() => {
        const x = tf.randomUniform<tf.Rank.R4>([2, 6, 6, 3], -1, 1, 'float32', 4);
        const weights = tf.randomUniform<tf.Rank.R4>([2, 3, 3, 3], -1, 1, 'float32', 5);
        return tf.grad((xi: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(xi as tf.Tensor4D, 2, 2, 'valid'), weights)))(x).dataSync() as Float32Array;
      }),
    );
    expect(maxRelativeDifference(reference, run())).toBeLessThan(1e-6);
  });

  const cases: [string, number, number, 'same' | 'valid', LayerActivation][] = [
    ['1 -> 4 channels, same, relu', 1, 4, 'same', 'relu'],
    ['3 -> 2 channels, same, tanh', 3, 2, 'same', 'tanh'],
    ['2 -> 3 channels, valid, sigmoid', 2, 3, 'valid', 'sigmoid'],
    ['4 -> 1 channel, same, linear', 4, 1, 'same', 'linear'],
  ];
  it.each(cases)('convolution %s: forward-convolution gradients equal the tape', async (_, cin, cout, pad, activation) => {
    const shape: [number, number, number, number] = [3, 7, 6, cin];
    const weights = () => randomWeights(3, cin, cout, cout, activation, 21);
    const run = (gradients: ConvGradients) => (x: tf.Tensor4D, l: ConvWeights) => convolution(x, l, { gradients, pad });
    const reference = await onCpu(() => layerGradients(run('tape'), shape, weights));
    const got = layerGradients(run('forwardConvolutions'), shape, weights);
    reference.forEach((r, i) => expect(maxRelativeDifference(r, got[i])).toBeLessThan(1e-4));
    // Gradients of input, filter and bias are far from zero: a wrong one would not pass.
    reference.slice(1).forEach((r) => expect(Math.max(...r.map(Math.abs))).toBeGreaterThan(0.01));
  });

  it.each([
    ['2 -> 3 channels, relu', 2, 3, 'relu'],
    ['3 -> 1 channel, linear', 3, 1, 'linear'],
  ] as [string, number, number, LayerActivation][])(
    'deconvolution %s: the spread-out convolution equals conv2dTranspose, gradients too',
    async (_, cin, cout, activation) => {
      const shape: [number, number, number, number] = [2, 4, 5, cin];
      // Deconvolution filters are [k, k, cout, cin].
      const weights = () => randomWeights(3, cout, cin, cout, activation, 31);
      const run = (gradients: ConvGradients) => (x: tf.Tensor4D, l: ConvWeights) => deconvolution(x, l, { gradients });
      const reference = await onCpu(() => layerGradients(run('tape'), shape, weights));
      const got = layerGradients(run('forwardConvolutions'), shape, weights);
      reference.forEach((r, i) => expect(maxRelativeDifference(r, got[i])).toBeLessThan(1e-4));
      const y = tf.tidy(() => deconvolution(tf.ones([1, 3, 3, cin]), weights(), { gradients: 'forwardConvolutions' }));
      expect(y.shape).toEqual([1, 6, 6, cout]);
      y.dispose();
    },
  );
});

it('trains convolutions by forward convolutions on wasm and cpu, by the tape on the GPU backends', () => {
  expect(preferredConvGradients('wasm')).toBe('forwardConvolutions');
  expect(preferredConvGradients('cpu')).toBe('forwardConvolutions');
  expect(preferredConvGradients('webgl')).toBe('tape');
  expect(preferredConvGradients('webgpu')).toBe('tape');
});
