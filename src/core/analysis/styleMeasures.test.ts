import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { knnLeaveOneOutAccuracy } from './knn';
import { knnVote, leaveOneOutKnnAccuracy, readAsLabel, squaredDistances, swapLabels } from './styleMeasures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const values = (t: tf.Tensor) => Array.from(t.dataSync());

describe('style measures, worked by hand', () => {
  it('squared distances |q - r|²', () => {
    tf.tidy(() => {
      const q = tf.tensor2d([[0, 0], [1, 2]]);
      const r = tf.tensor2d([[3, 4], [1, 0], [1, 2]]);
      expect(values(squaredDistances(q, r))).toEqual([25, 1, 5, 8, 4, 0]);
    });
  });

  it('k-NN vote: the majority, a tie goes to the label with the nearest neighbour', () => {
    tf.tidy(() => {
      const labels = tf.tensor1d([0, 1, 1, 2], 'int32');
      // Row 0: nearest 0 (label 0), then 1, 2 (label 1): k = 3 -> 1.
      // Row 1: k = 2, nearest 3 (label 2) then 0 (label 0): a 1-1 tie -> 2, the nearer.
      // Row 2: k = 2, nearest 0 (label 0) then 3 (label 2): tie -> 0.
      const d = tf.tensor2d([
        [0, 1, 2, 9],
        [2, 5, 6, 1],
        [1, 7, 8, 3],
      ]);
      expect(values(knnVote(d.slice([0, 0], [1, 4]) as tf.Tensor2D, labels, 3))).toEqual([1]);
      expect(values(knnVote(d.slice([1, 0], [2, 4]) as tf.Tensor2D, labels, 2))).toEqual([2, 0]);
    });
  });

  it('swap labels: (own + 1 + i mod 9) mod 10, never the own label', () => {
    tf.tidy(() => {
      expect(values(swapLabels(tf.tensor1d([0, 9, 3], 'int32')))).toEqual([1, 1, 6]);
      const own = tf.tensor1d(Array.from({ length: 90 }, (_, i) => i % 10), 'int32');
      const other = values(swapLabels(own));
      other.forEach((o, i) => expect(o).not.toBe(i % 10));
      // Every label is asked for equally often (90 rows, 9 each).
      for (let d = 0; d < 10; d++) expect(other.filter((o) => o === d).length).toBe(9);
    });
  });

  it('read as label: share of images whose pixel-space vote is the wanted label', () => {
    tf.tidy(() => {
      const refs = tf.tensor2d([[0, 0], [0, 1], [10, 10], [10, 11]]);
      const refLabels = tf.tensor1d([3, 3, 7, 7], 'int32');
      const images = tf.tensor2d([[0, 0.4], [9, 9], [1, 1]]);
      // k = 1: votes 3, 7, 3; wanted 3, 3, 3 -> 2 of 3.
      expect(readAsLabel(images, tf.tensor1d([3, 3, 3], 'int32'), refs, refLabels, 1).dataSync()[0]).toBeCloseTo(2 / 3, 6);
    });
  });

  it('leave-one-out k-NN accuracy agrees with knn.ts on random clustered points', () => {
    let s = 12345;
    const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const n = 200;
    const dims = 3;
    const labels = Array.from({ length: n }, () => Math.floor(rand() * 4));
    const points = new Float32Array(n * dims);
    for (let i = 0; i < n; i++) for (let j = 0; j < dims; j++) points[i * dims + j] = labels[i] * (j === 0 ? 1 : 0.5) + 2 * rand();
    for (const k of [1, 4, 5]) {
      const expected = knnLeaveOneOutAccuracy(points, labels, dims, k);
      const got = tf.tidy(() =>
        leaveOneOutKnnAccuracy(tf.tensor2d(points, [n, dims]), tf.tensor1d(labels, 'int32'), k).dataSync()[0],
      );
      expect(got).toBeCloseTo(expected, 6);
      // Neither chance nor perfect: the check means something.
      expect(expected).toBeGreaterThan(0.3);
      expect(expected).toBeLessThan(0.95);
    }
  });

  it('frees every intermediate tensor', () => {
    const x = tf.randomNormal<tf.Rank.R2>([20, 5], 0, 1, 'float32', 1);
    const y = tf.tensor1d(Array.from({ length: 20 }, (_, i) => i % 3), 'int32');
    const before = tf.memory().numTensors;
    const a = leaveOneOutKnnAccuracy(x, y);
    const b = readAsLabel(x, y, x, y);
    expect(tf.memory().numTensors).toBe(before + 2);
    tf.dispose([a, b, x, y]);
  });
});

describe('read as label, leaving out the digit each image was drawn from', () => {
  it('skipOwn ignores reference i for image i', () => {
    tf.tidy(() => {
      const refs = tf.tensor2d([[0, 0], [0, 1], [10, 10]]);
      const refLabels = tf.tensor1d([3, 4, 7], 'int32');
      const images = tf.tensor2d([[0, 0.1], [0, 0.9]]);
      const wanted = tf.tensor1d([3, 4], 'int32');
      // k = 1: with itself in, each image finds its own reference (2 of 2); without, the other one (0 of 2).
      expect(readAsLabel(images, wanted, refs, refLabels, 1).dataSync()[0]).toBe(1);
      expect(readAsLabel(images, wanted, refs, refLabels, 1, { skipOwn: true }).dataSync()[0]).toBe(0);
    });
  });
});
