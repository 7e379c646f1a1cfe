import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePriorCodes } from '../models/priors2d';
import { energyDistance, meanPairDistance } from './energyDistance';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const value = (f: () => tf.Scalar) => tf.tidy(() => f().dataSync()[0]);

describe('energy distance', () => {
  it('matches hand cases', () => {
    // {0} vs {1} on a line: 2·1 - 0 - 0 = 2.
    expect(value(() => energyDistance(tf.tensor2d([[0]]), tf.tensor2d([[1]])))).toBeCloseTo(2, 5);
    // {0, 2} vs {1}: E|X-Y| = 1, E|X-X'| = (0 + 2 + 2 + 0)/4 = 1, E|Y-Y'| = 0 -> 2 - 1 - 0 = 1.
    expect(value(() => energyDistance(tf.tensor2d([[0], [2]]), tf.tensor2d([[1]])))).toBeCloseTo(1, 5);
    // In 2-D: {(0,0)} vs {(3,4)}: 2·5 = 10.
    expect(value(() => energyDistance(tf.tensor2d([[0, 0]]), tf.tensor2d([[3, 4]])))).toBeCloseTo(10, 4);
    // Mean pair distance of the unit square's corners with themselves: (4·0 + 8·1 + 4·√2)/16.
    const square = [[0, 0], [1, 0], [0, 1], [1, 1]];
    expect(value(() => meanPairDistance(tf.tensor2d(square), tf.tensor2d(square)))).toBeCloseTo((8 + 4 * Math.SQRT2) / 16, 5);
  });

  it('is 0 for the same sample, symmetric, and grows with a shift of the location', () => {
    const a = samplePriorCodes('gaussian', 500, 2, 1);
    const b = samplePriorCodes('gaussian', 500, 2, 2);
    const shifted = a.map((v, i) => (i % 2 === 0 ? v + 1 : v));
    const ta = () => tf.tensor2d(a, [500, 2]);
    const tb = () => tf.tensor2d(b, [500, 2]);
    expect(value(() => energyDistance(ta(), ta()))).toBeLessThan(1e-4);
    const ab = value(() => energyDistance(ta(), tb()));
    expect(value(() => energyDistance(tb(), ta()))).toBeCloseTo(ab, 5);
    // Two samples of the same distribution: near 0; a shift by 1 is clearly larger.
    expect(ab).toBeLessThan(0.03);
    const far = value(() => energyDistance(tf.tensor2d(shifted, [500, 2]), tb()));
    expect(far).toBeGreaterThan(0.3);
    // All codes collapsed at the origin vs N(0, I): 2 E|Y| - E|Y - Y'| = 2·√(π/2) - √π ≈ 0.734.
    const collapsed = value(() => energyDistance(tf.zeros([1, 2]), tf.tensor2d(samplePriorCodes('gaussian', 2000, 2, 3), [2000, 2])));
    expect(collapsed).toBeCloseTo(2 * Math.sqrt(Math.PI / 2) - Math.sqrt(Math.PI), 1);
    expect(() => energyDistance(tf.zeros([2, 2]), tf.zeros([2, 3]))).toThrow(RangeError);
  });

  it('leaves no tensor behind', () => {
    const x = tf.tensor2d(samplePriorCodes('ring', 50, 2, 1), [50, 2]);
    const before = tf.memory().numTensors;
    energyDistance(x, x).dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
