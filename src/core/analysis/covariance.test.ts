import { describe, expect, it } from 'vitest';
import { covarianceMatrix } from './covariance';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Two-pass textbook covariance, the slow obvious way. */
function naiveCovariance(x: Float32Array, n: number, d: number): { mean: number[]; cov: number[] } {
  const mean = new Array<number>(d).fill(0);
  for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) mean[i] += x[r * d + i] / n;
  const cov = new Array<number>(d * d).fill(0);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) cov[i * d + j] += ((x[r * d + i] - mean[i]) * (x[r * d + j] - mean[j])) / (n - 1);
    }
  }
  return { mean, cov };
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('covarianceMatrix', () => {
  // n not a multiple of the 128-row block and d odd: every edge of the blocked loops is hit.
  it.each([
    ['dense, offset far from zero', 301, 17, 0],
    ['sparse (mostly exact zeros, like MNIST)', 300, 28, 0.8],
  ])('matches the two-pass formula: %s', (_name, n, d, zeroFraction) => {
    const rnd = lcg(n + d);
    const x = new Float32Array(n * d);
    for (let i = 0; i < n * d; i++) x[i] = rnd() < zeroFraction ? 0 : zeroFraction > 0 ? rnd() : 100 + rnd();
    const { mean, cov } = covarianceMatrix(x, n, d);
    const reference = naiveCovariance(x, n, d);
    expect(maxDifference(mean, reference.mean)).toBeLessThan(1e-12);
    expect(maxDifference(cov, reference.cov)).toBeLessThan(1e-12);
    for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) expect(cov[i * d + j]).toBe(cov[j * d + i]);
  });

  it('gives the variance of a single column and refuses too short input', () => {
    const { mean, cov } = covarianceMatrix(new Float32Array([1, 2, 3, 4]), 4, 1);
    expect(mean[0]).toBeCloseTo(2.5, 14);
    expect(cov[0]).toBeCloseTo(5 / 3, 14);
    expect(() => covarianceMatrix(new Float32Array(5), 2, 3)).toThrow(RangeError);
    expect(() => covarianceMatrix(new Float32Array([1, 2, Number.NaN, 4]), 2, 2)).toThrow(/column 0/);
    expect(() => covarianceMatrix(new Float32Array([1, Infinity, 3, 4]), 2, 2)).toThrow(/column 1/);
  });
});
