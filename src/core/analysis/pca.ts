/**
 * Exact principal component analysis: the baseline every autoencoder in the lab is compared
 * with (a linear encoder/decoder whose code is the projection on the top k components), and
 * the 2-D map of codes larger than 2.
 */
import { covarianceMatrix } from './covariance';
import { topEigenpairs } from './symmetricEigen';

export interface Pca {
  /** [d] mean of the fitted rows. */
  mean: Float32Array;
  /** [k, d] orthonormal rows, by decreasing variance; each row's largest-magnitude entry is positive. */
  components: Float32Array;
  k: number;
  d: number;
  /** [k] variance of the data along each component (eigenvalues of the covariance, divided by n - 1). */
  explainedVariance: Float32Array;
}

/**
 * Exact PCA, mean-centred: covariance (Float64 accumulation, one triangle, blocked loops) then
 * symmetric eigendecomposition, top k.
 * @param x [n, d] row-major
 * @param k number of components, 1..d
 */
export function fitPca(x: Float32Array, n: number, d: number, k: number): Pca {
  if (!Number.isInteger(k) || k < 1 || k > d) throw new RangeError(`k=${k} components must be an integer in 1..${d}`);
  const { mean, cov } = covarianceMatrix(x, n, d);
  const { values, vectors } = topEigenpairs(cov, d, k);
  const components = new Float32Array(k * d);
  for (let c = 0; c < k; c++) {
    const v = vectors.subarray(c * d, (c + 1) * d);
    // An eigenvector's sign is arbitrary; fix it so refits of similar data give the same map.
    let largest = 0;
    for (let i = 1; i < d; i++) if (Math.abs(v[i]) > Math.abs(v[largest])) largest = i;
    const sign = v[largest] < 0 ? -1 : 1;
    for (let i = 0; i < d; i++) components[c * d + i] = sign * v[i];
  }
  const explainedVariance = new Float32Array(k);
  // Rounding can leave a zero-variance direction at -1e-17; a variance is never negative.
  for (let c = 0; c < k; c++) explainedVariance[c] = Math.max(0, values[c]);
  return { mean: Float32Array.from(mean), components, k, d, explainedVariance };
}

/**
 * The PCA code of each row: its centred coordinates along the components.
 * @param x [n, d] row-major
 * @returns [n, k]
 */
export function pcaProject(p: Pca, x: Float32Array, n: number): Float32Array {
  const { d, k, mean, components } = p;
  if (x.length < n * d) throw new RangeError(`x holds ${x.length} values, fewer than n*d = ${n * d}`);
  const z = new Float32Array(n * k);
  const centred = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    const row = r * d;
    for (let i = 0; i < d; i++) centred[i] = x[row + i] - mean[i];
    for (let c = 0; c < k; c++) {
      const comp = c * d;
      let acc = 0;
      for (let i = 0; i < d; i++) acc += centred[i] * components[comp + i];
      z[r * k + c] = acc;
    }
  }
  return z;
}

/**
 * The PCA reconstruction of codes: mean + Σ_c z_c · component_c.
 * @param z [n, k] row-major
 * @returns [n, d]
 */
export function pcaReconstruct(p: Pca, z: Float32Array, n: number): Float32Array {
  const { d, k, mean, components } = p;
  if (z.length < n * k) throw new RangeError(`z holds ${z.length} values, fewer than n*k = ${n * k}`);
  const out = new Float32Array(n * d);
  const acc = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < d; i++) acc[i] = mean[i];
    for (let c = 0; c < k; c++) {
      const zc = z[r * k + c];
      const comp = c * d;
      for (let i = 0; i < d; i++) acc[i] += zc * components[comp + i];
    }
    out.set(acc, r * d);
  }
  return out;
}

/**
 * Squared error per image, the unit of Hinton & Salakhutdinov (2006): the sum over the d
 * pixels of (x - x̂)², averaged over the n images.
 * @param x [n, d] originals
 * @param xhat [n, d] reconstructions
 */
export function squaredErrorPerImage(x: Float32Array, xhat: Float32Array, n: number, d: number): number {
  if (x.length < n * d || xhat.length < n * d) {
    throw new RangeError(`x and xhat need n*d = ${n * d} values (got ${x.length} and ${xhat.length})`);
  }
  if (n < 1) throw new RangeError('squared error per image needs at least one image');
  let sum = 0;
  for (let i = 0; i < n * d; i++) {
    const e = x[i] - xhat[i];
    sum += e * e;
  }
  return sum / n;
}
