import { describe, expect, it } from 'vitest';
import { fitPca, pcaProject, pcaReconstruct, squaredErrorPerImage } from './pca';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Orthonormalises the `count` vectors of length `len` stored as rows of `v` (Gram-Schmidt, twice). */
function orthonormaliseRows(v: Float64Array, count: number, len: number): void {
  for (let r = 0; r < count; r++) {
    const row = v.subarray(r * len, (r + 1) * len);
    for (let pass = 0; pass < 2; pass++) {
      for (let p = 0; p < r; p++) {
        const prev = v.subarray(p * len, (p + 1) * len);
        let dot = 0;
        for (let i = 0; i < len; i++) dot += row[i] * prev[i];
        for (let i = 0; i < len; i++) row[i] -= dot * prev[i];
      }
    }
    let norm = 0;
    for (let i = 0; i < len; i++) norm += row[i] * row[i];
    norm = Math.sqrt(norm);
    for (let i = 0; i < len; i++) row[i] /= norm;
  }
}

/**
 * data = mean + Σ_i a_i c_i + noise, with orthonormal directions c_i and coefficient columns a_i
 * that are centred, mutually orthogonal and scaled so their sample variance is exactly var_i:
 * the true principal components are then exactly the c_i, with variances var_i.
 */
function syntheticData(n: number, d: number, variances: number[], noise: number, seed: number) {
  const rnd = lcg(seed);
  const rank = variances.length;
  const directions = new Float64Array(rank * d);
  for (let i = 0; i < directions.length; i++) directions[i] = rnd() - 0.5;
  orthonormaliseRows(directions, rank, d);
  // Coefficients as rows of length n (one per direction), made orthogonal to the all-ones vector.
  const coefficients = new Float64Array((rank + 1) * n);
  coefficients.fill(1, 0, n);
  for (let i = n; i < coefficients.length; i++) coefficients[i] = rnd() - 0.5;
  orthonormaliseRows(coefficients, rank + 1, n);
  const mean = Array.from({ length: d }, () => 3 * rnd());
  const x = new Float32Array(n * d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) {
      let v = mean[j] + noise * (rnd() - 0.5);
      for (let c = 0; c < rank; c++) {
        v += Math.sqrt((n - 1) * variances[c]) * coefficients[(c + 1) * n + r] * directions[c * d + j];
      }
      x[r * d + j] = v;
    }
  }
  return { x, directions, mean };
}

/** CPU milliseconds spent in fn (user + system): steadier than wall time on a shared machine. */
function cpuMs<T>(fn: () => T): { result: T; ms: number } {
  const before = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000 };
}

describe('fitPca on data with known components', () => {
  const n = 2000;
  const d = 50;
  const variances = [9, 4, 2.25, 1, 0.25];
  const { x, directions, mean } = syntheticData(n, d, variances, 1e-4, 42);

  it('recovers the components (up to sign), their variances and the mean', () => {
    const p = fitPca(x, n, d, 5);
    expect(p.k).toBe(5);
    expect(p.d).toBe(d);
    for (let c = 0; c < 5; c++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += p.components[c * d + j] * directions[c * d + j];
      expect(Math.abs(dot)).toBeGreaterThan(1 - 1e-6);
      expect(Math.abs(p.explainedVariance[c] - variances[c]) / variances[c]).toBeLessThan(1e-5);
    }
    for (let j = 0; j < d; j++) expect(Math.abs(p.mean[j] - mean[j])).toBeLessThan(1e-4);
    // Orthonormal rows.
    for (let a = 0; a < 5; a++) {
      for (let b = 0; b <= a; b++) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += p.components[a * d + j] * p.components[b * d + j];
        expect(Math.abs(dot - (a === b ? 1 : 0))).toBeLessThan(1e-6);
      }
    }
  });

  it('reconstructs almost perfectly at the true rank, and with the expected error below it', () => {
    const full = fitPca(x, n, d, 5);
    const xhat = pcaReconstruct(full, pcaProject(full, x, n), n);
    // Only the 1e-4 noise (d * noise² / 12 ≈ 4e-8 per image) and float32 rounding remain.
    expect(squaredErrorPerImage(x, xhat, n, d)).toBeLessThan(1e-6);
    // Dropping the last two components loses exactly their variance: (n-1)/n * (1 + 0.25) per image.
    const three = fitPca(x, n, d, 3);
    const e3 = squaredErrorPerImage(x, pcaReconstruct(three, pcaProject(three, x, n), n), n, d);
    expect(e3).toBeCloseTo(((n - 1) / n) * 1.25, 4);
  });

  it('projects [n, d] -> [n, k] and reconstructs [n, k] -> [n, d]; the code of a reconstruction is the code', () => {
    const p = fitPca(x, n, d, 3);
    const z = pcaProject(p, x, 7);
    expect(z.length).toBe(7 * 3);
    const xhat = pcaReconstruct(p, z, 7);
    expect(xhat.length).toBe(7 * d);
    const z2 = pcaProject(p, xhat, 7);
    for (let i = 0; i < z.length; i++) expect(Math.abs(z2[i] - z[i])).toBeLessThan(1e-4);
    // Codes are centred with the variances of the components.
    const all = pcaProject(p, x, n);
    for (let c = 0; c < 3; c++) {
      let s = 0;
      let s2 = 0;
      for (let r = 0; r < n; r++) {
        s += all[r * 3 + c];
        s2 += all[r * 3 + c] ** 2;
      }
      expect(Math.abs(s / n)).toBeLessThan(1e-4);
      expect(s2 / (n - 1)).toBeCloseTo(variances[c], 3);
    }
  });

  it('is deterministic, including the signs', () => {
    const a = fitPca(x, n, d, 4);
    const b = fitPca(x, n, d, 4);
    expect(Array.from(a.components)).toEqual(Array.from(b.components));
  });

  it('refuses bad sizes', () => {
    expect(() => fitPca(x, n, d, 0)).toThrow(RangeError);
    expect(() => fitPca(x, n, d, d + 1)).toThrow(RangeError);
    expect(() => fitPca(x, n + 1, d, 2)).toThrow(RangeError);
    expect(() => squaredErrorPerImage(x, new Float32Array(3), n, d)).toThrow(RangeError);
  });
});

describe('squaredErrorPerImage', () => {
  it('is the per-image sum of squares averaged over images', () => {
    const x = new Float32Array([0, 0, 1, 1]);
    const xhat = new Float32Array([1, 0, 1, 3]);
    // Image 0: 1, image 1: 4 -> mean 2.5.
    expect(squaredErrorPerImage(x, xhat, 2, 2)).toBe(2.5);
  });
});

describe('fitPca on codes (the 2-D map of a larger code)', () => {
  it('fits 5,000 codes of size 64 (logs its CPU time)', () => {
    const n = 5000;
    const d = 64;
    const rnd = lcg(9);
    const x = new Float32Array(n * d);
    for (let i = 0; i < x.length; i++) x[i] = rnd() * (1 + (i % d));
    const { result: p, ms } = cpuMs(() => fitPca(x, n, d, 2));
    console.log(`fitPca 5000 x 64, k = 2: ${ms.toFixed(1)} ms of CPU`);
    expect(p.components.length).toBe(2 * d);
    expect(p.explainedVariance[0]).toBeGreaterThanOrEqual(p.explainedVariance[1]);
  });
});
