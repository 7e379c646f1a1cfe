import { describe, expect, it } from 'vitest';
import { extremes, histogram, quantile, squaredErrors } from './anomaly';

describe('squaredErrors', () => {
  it('sums (x - x̂)² per image, counted by hand', () => {
    // Image 0: (1-0)² + (0-0.5)² = 1.25; image 1: (0.5-0.5)² + (1-0)² = 1.
    expect(Array.from(squaredErrors([1, 0, 0.5, 1], [0, 0.5, 0.5, 0], 2, 2))).toEqual([1.25, 1]);
    expect(() => squaredErrors([1], [1], 2, 2)).toThrow(/2 images/);
  });
});

describe('histogram', () => {
  it('bins values over [min, max], the last bin closed, out-of-range values in the end bins', () => {
    // Bins of width 1 over [0, 4]: [0,1) [1,2) [2,3) [3,4].
    const h = histogram([0, 0.5, 1, 2.9, 3, 4, -2, 9, Number.NaN], 4, 0, 4);
    expect(Array.from(h.edges)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(h.counts)).toEqual([3, 1, 1, 3]);
  });

  it('counts only the items selected', () => {
    const h = histogram([0.5, 1.5, 1.6], 2, 0, 2, (i) => i !== 1);
    expect(Array.from(h.counts)).toEqual([1, 1]);
  });

  it('refuses an empty range or no bins', () => {
    expect(() => histogram([1], 0, 0, 1)).toThrow(/bins/);
    expect(() => histogram([1], 2, 1, 1)).toThrow(/empty/);
  });
});

describe('extremes and quantile', () => {
  it('gives the most anomalous first and the least anomalous first, ties by index', () => {
    const { most, least } = extremes([3, 1, 4, 1, 5, Number.NaN], 2);
    expect(Array.from(most)).toEqual([4, 2]);
    expect(Array.from(least)).toEqual([1, 3]);
    expect(Array.from(extremes([2], 3).most)).toEqual([0]);
  });

  it('takes the nearest-rank quantile of the finite values', () => {
    expect(quantile([5, 1, 4, 2, 3, Number.POSITIVE_INFINITY], 0.5)).toBe(3);
    expect(quantile([5, 1, 4, 2, 3], 1)).toBe(5);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
