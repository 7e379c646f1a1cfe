import { describe, expect, it } from 'vitest';
import { drawingOrder, placeNumerals } from './scatterPlacement';

describe('drawingOrder', () => {
  it('is a permutation that keeps slices of index order and sorts each slice by label', () => {
    const n = 5000;
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) labels[i] = (i * 7919) % 10;
    const order = drawingOrder(labels, n);
    expect(new Set(order).size).toBe(n);
    const size = Math.ceil(n / 8);
    for (let p = 0; p < n; p++) {
      expect(Math.floor(order[p] / size)).toBe(Math.floor(p / size)); // stays in its slice
      if (p % size !== 0) expect(labels[order[p]]).toBeGreaterThanOrEqual(labels[order[p - 1]]);
    }
  });

  it('handles fewer points than slices', () => {
    expect(Array.from(drawingOrder(new Uint8Array([3, 1, 2]), 3))).toEqual([0, 1, 2]);
    expect(Array.from(drawingOrder(new Uint8Array([3, 1, 2, 0]), 2))).toEqual([0, 1]);
  });
});

describe('placeNumerals', () => {
  /** A seeded LCG, so the "random" cloud is the same every run. */
  const cloud = (n: number, size: number, seed = 7) => {
    let s = seed;
    const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32) * size;
    const xs = new Float32Array(n);
    const ys = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = next();
      ys[i] = next();
    }
    return { xs, ys };
  };

  it('keeps no two numerals closer than the gap, and leaves no free spot unused', () => {
    const n = 5000;
    const gap = 12;
    const { xs, ys } = cloud(n, 500);
    const all = Array.from({ length: n }, (_, i) => i);
    const kept = placeNumerals(xs, ys, all, gap, Infinity);
    let closest = Infinity;
    for (let a = 0; a < kept.length; a++) {
      for (let b = a + 1; b < kept.length; b++) {
        closest = Math.min(closest, Math.hypot(xs[kept[a]] - xs[kept[b]], ys[kept[a]] - ys[kept[b]]));
      }
    }
    expect(closest).toBeGreaterThanOrEqual(gap);
    // Maximal: every point left out has a kept numeral within the gap.
    const keptSet = new Set(kept);
    for (let i = 0; i < n; i += 37) {
      if (keptSet.has(i)) continue;
      const near = kept.some((j) => Math.hypot(xs[j] - xs[i], ys[j] - ys[i]) < gap);
      expect(near, `point ${i} was free`).toBe(true);
    }
    // A 500 x 500 square packs at most about (500 / 12 + 1)^2 / 0.9 such discs; at least a few hundred fit.
    expect(kept.length).toBeGreaterThan(600);
    expect(kept.length).toBeLessThan(2100);
  });

  it('keeps every point of a sparse view, in candidate order, and stops at max', () => {
    const xs = [0, 100, 200, 300];
    const ys = [0, 0, 0, 0];
    expect(placeNumerals(xs, ys, [3, 1, 2, 0], 12, 10)).toEqual([3, 1, 2, 0]);
    expect(placeNumerals(xs, ys, [3, 1, 2, 0], 12, 2)).toEqual([3, 1]);
    expect(placeNumerals(xs, ys, [], 12, 2)).toEqual([]);
  });

  it('handles negative screen positions (points just off the left or top edge)', () => {
    expect(placeNumerals([-5, -1, 20], [-5, -2, 3], [0, 1, 2], 12, 10)).toEqual([0, 2]);
  });
});
