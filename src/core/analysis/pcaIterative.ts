/**
 * The top few principal components of wide data by subspace (block power) iteration, for the
 * map of large codes (a 1000-number sparse code): exact PCA (pca.ts) forms the d x d covariance
 * and tridiagonalises it, ~3.7 s of JS for 2,000 codes of 1000 numbers, which would stall the
 * lab worker at every map refresh. Here each iteration costs two passes over the centred data,
 * 2·n·d·b multiply-adds for a block of b = k + 2 vectors, and the covariance is never formed.
 * Warm-started from the previous map's components it needs few iterations, since the codes
 * change little between refreshes. The result is a Pca like fitPca's (same sign rule).
 */
import { createRng } from '../data/rng';
import type { Pca } from './pca';
import { topEigenpairs } from './symmetricEigen';

/** Vectors beyond k in the iterated block: faster convergence when λ_k and λ_k+1 are close. */
const OVERSAMPLE = 2;

/**
 * @param x [n, d] row-major
 * @param k components wanted, 1..d - OVERSAMPLE
 * @param options.start previous components [k', d] to start from (the rest is seeded noise)
 * @param options.iterations power iterations (default 12 warm, 30 cold)
 */
export function fitPcaIterative(x: Float32Array, n: number, d: number, k: number, options: { start?: Pca; iterations?: number; seed?: number } = {}): Pca {
  const b = k + OVERSAMPLE;
  if (!Number.isInteger(k) || k < 1 || b > d) throw new RangeError(`k=${k} components need k + ${OVERSAMPLE} <= d = ${d}`);
  const mean = new Float64Array(d);
  for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) mean[i] += x[r * d + i];
  for (let i = 0; i < d; i++) mean[i] /= n;

  // Centred once (n·d doubles, 16 MB for 2,000 x 1000): both passes then run contiguous rows.
  const xc = new Float64Array(n * d);
  for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) xc[r * d + i] = x[r * d + i] - mean[i];

  const rng = createRng(options.seed ?? 1);
  const v = new Float64Array(b * d);
  const start = options.start && options.start.d === d ? options.start : undefined;
  for (let j = 0; j < b; j++) {
    for (let i = 0; i < d; i++) v[j * d + i] = start && j < start.k ? start.components[j * d + i] : rng() - 0.5;
  }
  orthonormalRows(v, b, d);
  const iterations = options.iterations ?? (start ? 6 : 30);
  const w = new Float64Array(n * b);
  for (let it = 0; it < iterations; it++) {
    project(xc, v, n, d, b, w);
    // v = Xcᵀ w, [b, d]
    v.fill(0);
    for (let r = 0; r < n; r++) {
      const row = r * d;
      for (let j = 0; j < b; j++) {
        const wj = w[r * b + j];
        if (wj === 0) continue;
        const vj = j * d;
        for (let i = 0; i < d; i++) v[vj + i] += xc[row + i] * wj;
      }
    }
    orthonormalRows(v, b, d);
  }
  // Rayleigh-Ritz: the covariance restricted to the block, S = (Xc Vᵀ)ᵀ (Xc Vᵀ) / (n - 1), [b, b].
  project(xc, v, n, d, b, w);
  const s = new Float64Array(b * b);
  for (let r = 0; r < n; r++) for (let p = 0; p < b; p++) for (let q = p; q < b; q++) s[p * b + q] += w[r * b + p] * w[r * b + q];
  for (let p = 0; p < b; p++) for (let q = p; q < b; q++) s[q * b + p] = s[p * b + q] /= Math.max(1, n - 1);
  const { values, vectors } = topEigenpairs(s, b, k);
  const components = new Float32Array(k * d);
  for (let c = 0; c < k; c++) {
    const row = new Float64Array(d);
    for (let j = 0; j < b; j++) {
      const a = vectors[c * b + j];
      for (let i = 0; i < d; i++) row[i] += a * v[j * d + i];
    }
    let largest = 0;
    for (let i = 1; i < d; i++) if (Math.abs(row[i]) > Math.abs(row[largest])) largest = i;
    const sign = row[largest] < 0 ? -1 : 1;
    for (let i = 0; i < d; i++) components[c * d + i] = sign * row[i];
  }
  const explainedVariance = Float32Array.from(values.subarray(0, k), (e) => Math.max(0, e));
  return { mean: Float32Array.from(mean), components, k, d, explainedVariance };
}

/** w = Xc vᵀ: [n, b], xc [n, d] the centred rows. */
function project(xc: Float64Array, v: Float64Array, n: number, d: number, b: number, w: Float64Array): void {
  for (let r = 0; r < n; r++) {
    const row = r * d;
    for (let j = 0; j < b; j++) {
      const vj = j * d;
      let acc = 0;
      for (let i = 0; i < d; i++) acc += xc[row + i] * v[vj + i];
      w[r * b + j] = acc;
    }
  }
}

/**
 * Modified Gram-Schmidt on the rows of m [rows, d], in place, each row orthogonalised twice
 * ("twice is enough"). Rank-deficient data (codes on a plane) can leave a row with nothing
 * outside the span of the earlier ones but rounding (normalised, that rounding would point
 * back into the span): it is replaced by a fixed pseudo-random row and
 * orthogonalised again, so the block stays orthonormal.
 */
export function orthonormalRows(m: Float64Array, rows: number, d: number): void {
  for (let j = 0; j < rows; j++) {
    const rj = j * d;
    for (let attempt = 0; ; attempt++) {
      let before = 0;
      for (let i = 0; i < d; i++) before += m[rj + i] * m[rj + i];
      for (let pass = 0; pass < 2; pass++) {
        for (let p = 0; p < j; p++) {
          let dot = 0;
          for (let i = 0; i < d; i++) dot += m[rj + i] * m[p * d + i];
          for (let i = 0; i < d; i++) m[rj + i] -= dot * m[p * d + i];
        }
      }
      let norm = 0;
      for (let i = 0; i < d; i++) norm += m[rj + i] * m[rj + i];
      norm = Math.sqrt(norm);
      // Little left of the row (relative to before): what remains is rounding, not a direction.
      if (norm > 1e-8 * Math.sqrt(before) || attempt === 3) {
        for (let i = 0; i < d; i++) m[rj + i] /= norm || 1;
        break;
      }
      for (let i = 0; i < d; i++) m[rj + i] = Math.sin(12.9898 * (i + 1) + 78.233 * (j + 1) * (attempt + 1));
    }
  }
}
