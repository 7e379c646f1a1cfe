import { describe, expect, it } from 'vitest';
import { knnAccuracy } from './knn';

describe('knnAccuracy, worked by hand', () => {
  // Training points on the x axis: 0 and 1 are digit 0, 3 and 4 are digit 1, 10 is digit 2.
  const train = new Float32Array([0, 0, 1, 0, 3, 0, 4, 0, 10, 0]);
  const trainLabels = [0, 0, 1, 1, 2];
  const test = new Float32Array([0.4, 0, 2.1, 0, 1.9, 0, 8, 0, 3.6, 0.5]);
  const testLabels = [0, 0, 1, 2, 1];

  it('k = 1: the nearest neighbour', () => {
    // 0.4 -> 0 ✓; 2.1 -> 3 (1) ✗; 1.9 -> 1 (0) ✗; 8 -> 10 (2) ✓; (3.6, 0.5) -> 4 (1) ✓
    expect(knnAccuracy(train, trainLabels, test, testLabels, 2, 1)).toBeCloseTo(3 / 5, 12);
  });

  it('k = 3: the majority', () => {
    // 0.4: 0,0,1 -> 0 ✓; 2.1: 1,0,1 -> 1 ✗; 1.9: 0,1,0 -> 0 ✗; 8: 2,1,1 -> 1 ✗; (3.6, 0.5): 1,1,0 -> 1 ✓
    expect(knnAccuracy(train, trainLabels, test, testLabels, 2, 3)).toBeCloseTo(2 / 5, 12);
  });

  it('k = 2: a tied vote goes to the nearest neighbour', () => {
    // 0.4: 0,0 ✓; 2.1: 1,0 -> 1 ✗; 1.9: 0,1 -> 0 ✗; 8: 2,1 -> 2 ✓; (3.6, 0.5): 1,1 ✓
    expect(knnAccuracy(train, trainLabels, test, testLabels, 2, 2)).toBeCloseTo(3 / 5, 12);
  });

  it('a tie is broken by the nearest tied label, not by which label reached the count first', () => {
    // From 0.1 the neighbours in order are labels 7 (0.1), 3 (0.9), 3 (1.6), 7 (1.9): 2 votes each.
    const points = new Float32Array([0, 1, -1.5, 2]);
    const labels = [7, 3, 3, 7];
    expect(knnAccuracy(points, labels, new Float32Array([0.1]), [7], 1, 4)).toBe(1);
    expect(knnAccuracy(points, labels, new Float32Array([0.1]), [3], 1, 4)).toBe(0);
  });

  it('clamps k to the training set and refuses bad input', () => {
    // k = 5 and k = 9 both use all five points; 0.4 and (3.6, 0.5) win their ties, the others lose.
    expect(knnAccuracy(train, trainLabels, test, testLabels, 2, 9)).toBeCloseTo(2 / 5, 12);
    expect(knnAccuracy(train, trainLabels, test, testLabels, 2, 5)).toBeCloseTo(2 / 5, 12);
    expect(() => knnAccuracy(train, trainLabels, test, testLabels, 2, 0)).toThrow(RangeError);
    expect(() => knnAccuracy(train, trainLabels, test, testLabels, 3, 1)).toThrow(RangeError);
  });

  it('scores 5,000 test points against 10,000 in 2-D in well under a few seconds', () => {
    const n = 10000;
    const m = 5000;
    // Two well separated clusters: near-perfect accuracy expected.
    const pts = (count: number, offset: number) => {
      const p = new Float32Array(count * 2);
      for (let i = 0; i < count; i++) {
        p[2 * i] = (i % 2) * 10 + Math.sin(i * 12.9898 + offset);
        p[2 * i + 1] = Math.cos(i * 78.233 + offset);
      }
      return p;
    };
    const labels = (count: number) => Array.from({ length: count }, (_, i) => i % 2);
    const start = performance.now();
    const accuracy = knnAccuracy(pts(n, 0), labels(n), pts(m, 1), labels(m), 2, 5);
    const ms = performance.now() - start;
    console.log(`knnAccuracy 5,000 x 10,000 in 2-D, k = 5: ${ms.toFixed(0)} ms`);
    expect(accuracy).toBe(1);
    expect(ms).toBeLessThan(5000);
  });
});
