import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmInNode } from '../../train/nodeBackend';
import { decodePriorSamples, priorQuantileGrid, probit, samplePrior } from './prior';

beforeAll(async () => {
  await useWasmInNode();
});

describe('probit (standard normal quantiles)', () => {
  it('matches tabulated quantiles in the centre and both tails', () => {
    // Φ⁻¹ to 9 digits (Abramowitz & Stegun table 26.5 / any statistics package).
    const table: [number, number][] = [
      [0.5, 0],
      [0.975, 1.959963985],
      [0.8413447461, 1],
      [0.01, -2.326347874],
      [0.001, -3.090232306],
      [1e-6, -4.753424309],
    ];
    for (const [p, z] of table) expect(probit(p)).toBeCloseTo(z, 7);
  });

  it('is odd about 1/2 and increasing; refuses values outside [0, 1]', () => {
    let previous = -Infinity;
    for (let i = 1; i < 200; i++) {
      const p = i / 200;
      expect(probit(p)).toBeCloseTo(-probit(1 - p), 9);
      expect(probit(p)).toBeGreaterThan(previous);
      previous = probit(p);
    }
    expect(probit(0)).toBe(-Infinity);
    expect(probit(1)).toBe(Infinity);
    expect(() => probit(1.5)).toThrow(RangeError);
    expect(() => probit(Number.NaN)).toThrow(RangeError);
  });
});

describe('latent grid over the prior quantiles', () => {
  it('puts cell (row, col) at (Φ⁻¹((col+0.5)/n), -Φ⁻¹((row+0.5)/n)), top row first', () => {
    const side = 4;
    const g = priorQuantileGrid(side);
    expect(g.length).toBe(side * side * 2);
    const q = [probit(1 / 8), probit(3 / 8), probit(5 / 8), probit(7 / 8)];
    for (let row = 0; row < side; row++) {
      for (let col = 0; col < side; col++) {
        expect(g[(row * side + col) * 2]).toBeCloseTo(q[col], 6);
        expect(g[(row * side + col) * 2 + 1]).toBeCloseTo(-q[row], 6);
      }
    }
    // Top-left is (negative, positive): left and up, as on the map.
    expect(g[0]).toBeLessThan(0);
    expect(g[1]).toBeGreaterThan(0);
  });

  it('sweeps two chosen dimensions of a larger code and leaves the rest at 0', () => {
    const g = priorQuantileGrid(3, 5, [3, 1]);
    expect(g.length).toBe(9 * 5);
    for (let cell = 0; cell < 9; cell++) {
      const code = g.subarray(cell * 5, cell * 5 + 5);
      expect([code[0], code[2], code[4]]).toEqual([0, 0, 0]);
    }
    // Middle cell of an odd grid is the prior's median in every dimension.
    expect(Array.from(g.subarray(4 * 5, 5 * 5)).map((v) => Math.abs(v))).toEqual([0, 0, 0, 0, 0]);
    expect(g[3]).toBeCloseTo(probit(1 / 6), 6);
    expect(() => priorQuantileGrid(3, 2, [0, 0])).toThrow(RangeError);
    expect(() => priorQuantileGrid(0)).toThrow(RangeError);
  });
});

describe('samples from the prior', () => {
  it('are seeded and standard normal (mean 0, variance 1, no correlation)', () => {
    const n = 20000;
    const a = samplePrior(n, 2, 7);
    expect(samplePrior(n, 2, 7)).toEqual(a);
    expect(samplePrior(n, 2, 8)).not.toEqual(a);
    let m0 = 0;
    let m1 = 0;
    let s00 = 0;
    let s11 = 0;
    let s01 = 0;
    for (let i = 0; i < n; i++) {
      const [x, y] = [a[2 * i], a[2 * i + 1]];
      m0 += x / n;
      m1 += y / n;
      s00 += (x * x) / n;
      s11 += (y * y) / n;
      s01 += (x * y) / n;
    }
    // Standard errors at n = 20,000: mean 0.007, variance 0.01, covariance 0.007.
    expect(Math.abs(m0)).toBeLessThan(0.03);
    expect(Math.abs(m1)).toBeLessThan(0.03);
    expect(Math.abs(s00 - 1)).toBeLessThan(0.05);
    expect(Math.abs(s11 - 1)).toBeLessThan(0.05);
    expect(Math.abs(s01)).toBeLessThan(0.03);
    // An odd code size fills every number too.
    expect(samplePrior(3, 3, 1).every((v) => v !== 0)).toBe(true);
  });

  it('decode in one batched call and leave only the images tensor', () => {
    const w = tf.variable(tf.ones([2, 6]));
    const before = tf.memory().numTensors;
    const { codes, images } = decodePriorSamples((z) => tf.sigmoid(tf.matMul(z, w)) as tf.Tensor2D, 5, 2, 3);
    expect(codes.length).toBe(10);
    expect(images.shape).toEqual([5, 6]);
    expect(tf.memory().numTensors).toBe(before + 1);
    images.dispose();
    w.dispose();
  });
});
