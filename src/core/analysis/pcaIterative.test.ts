/**
 * Subspace iteration against exact PCA on data with a known spectrum, cold and warm-started,
 * and its speed on the sparse lesson's shape (2,000 codes of 1000 numbers).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../data/rng';
import { fitPca } from './pca';
import { fitPcaIterative } from './pcaIterative';

/** [n, d]: two planted directions with standard deviations 5 and 3 over unit-variance noise around a mean. */
function planted(n: number, d: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const a = Array.from({ length: 2 }, () => Array.from({ length: d }, normal));
  for (const row of a) {
    const norm = Math.hypot(...row);
    row.forEach((_, i) => (row[i] /= norm));
  }
  const x = new Float32Array(n * d);
  for (let r = 0; r < n; r++) {
    const z = [5 * normal(), 3 * normal()];
    for (let i = 0; i < d; i++) x[r * d + i] = 0.5 + z[0] * a[0][i] + z[1] * a[1][i] + 0.3 * normal();
  }
  return x;
}

describe('fitPcaIterative', () => {
  it('finds the same top-2 components and variances as exact PCA, cold and warm', () => {
    const n = 600;
    const d = 120;
    const x = planted(n, d, 3);
    const exact = fitPca(x, n, d, 2);
    const cold = fitPcaIterative(x, n, d, 2);
    const warm = fitPcaIterative(x, n, d, 2, { start: cold, iterations: 4 });
    for (const p of [cold, warm]) {
      for (let c = 0; c < 2; c++) {
        let dot = 0;
        for (let i = 0; i < d; i++) dot += p.components[c * d + i] * exact.components[c * d + i];
        expect(dot).toBeGreaterThan(0.9999); // same sign rule, unit vectors
        expect(p.explainedVariance[c] / exact.explainedVariance[c]).toBeCloseTo(1, 4);
      }
      for (let i = 0; i < d; i++) expect(p.mean[i]).toBeCloseTo(exact.mean[i], 5);
    }
  });

  it('maps 2,000 codes of 1000 numbers well under a second when warm', () => {
    const n = 2000;
    const d = 1000;
    const x = planted(n, d, 5);
    const cold = fitPcaIterative(x, n, d, 2);
    const t0 = performance.now();
    fitPcaIterative(x, n, d, 2, { start: cold });
    const ms = performance.now() - t0;
    console.log(`subspace iteration, 2,000 x 1000, warm: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(2000);
  });
});
