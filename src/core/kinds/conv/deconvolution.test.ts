import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWasmInNode } from '../../train/nodeBackend';
import {
  convolveValid,
  deconvolutionAsConvolution,
  rotate180,
  samePadTop,
  spreadOut,
  spreadPadding,
  transposedConvolution,
} from './deconvolution';

// Worked by hand: each input value stamps the kernel times itself at (2i, 2j); the stamps of
// (0, 1) and (1, 1) run off the 4x4 output on the right and below.
const X = [
  [1, 2],
  [3, 4],
];
const K = [
  [1, 2, 0],
  [0, 0, 0],
  [0, 0, 3],
];
const EXPECTED = [
  [1, 2, 2, 4],
  [0, 0, 0, 0],
  [3, 6, 3 + 4, 8],
  [0, 0, 0, 0],
];

describe('deconvolution is a convolution over the spread-out input', () => {
  it('the transposed convolution by its definition gives the hand-worked output', () => {
    expect(transposedConvolution(X, K, 2, [4, 4], 0)).toEqual(EXPECTED);
  });

  it('spreads the input out with zeros between and around', () => {
    const { before, after } = spreadPadding(2, 4, 3, 2, 0);
    expect([before, after]).toEqual([2, 1]);
    expect(spreadOut(X, 2, before, after)).toEqual([
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 1, 0, 2, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 3, 0, 4, 0],
      [0, 0, 0, 0, 0, 0],
    ]);
    expect(rotate180(K)).toEqual([
      [3, 0, 0],
      [0, 0, 0],
      [0, 2, 1],
    ]);
  });

  it('a convolution of the spread-out input with the turned kernel gives the same output', () => {
    expect(deconvolutionAsConvolution(X, K, 2, 4, 0)).toEqual(EXPECTED);
    // Without turning the kernel it would not: the claim is not trivially true.
    const { before, after } = spreadPadding(2, 4, 3, 2, 0);
    expect(convolveValid(spreadOut(X, 2, before, after), K)).not.toEqual(EXPECTED);
  });

  it('holds for other strides, paddings and sizes (random values)', () => {
    let seed = 5;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    const grid = (r: number, c: number) => Array.from({ length: r }, () => Array.from({ length: c }, rand));
    for (const [side, k, stride, padTop, outSide] of [
      [3, 3, 2, 0, 6],
      [3, 3, 1, 1, 3],
      [2, 5, 3, 1, 6],
      [4, 2, 2, 0, 8],
    ]) {
      const x = grid(side, side);
      const kernel = grid(k, k);
      const a = transposedConvolution(x, kernel, stride, [outSide, outSide], padTop);
      const b = deconvolutionAsConvolution(x, kernel, stride, outSide, padTop);
      a.forEach((row, r) => row.forEach((v, c) => expect(b[r][c]).toBeCloseTo(v, 12)));
    }
  });

  it("uses TensorFlow's 'same' padding: 0 on top for a 3x3 kernel, stride 2, even side", () => {
    expect(samePadTop(4, 3, 2)).toBe(0);
    expect(samePadTop(28, 3, 1)).toBe(1);
  });
});

describe.each(['cpu', 'wasm'])("tfjs's conv2dTranspose on %s", (backend) => {
  beforeAll(async () => {
    if (backend === 'wasm') await useWasmInNode();
    else await tf.setBackend('cpu');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('equals the hand-worked deconvolution', () => {
    const y = tf.tidy(() =>
      tf.conv2dTranspose(tf.tensor4d(X.flat(), [1, 2, 2, 1]), tf.tensor4d(K.flat(), [3, 3, 1, 1]), [1, 4, 4, 1], 2, 'same'),
    );
    expect(Array.from(y.dataSync())).toEqual(EXPECTED.flat());
    y.dispose();
  });
});
