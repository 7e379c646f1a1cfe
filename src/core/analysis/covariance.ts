/**
 * Mean and covariance of the rows of a row-major [n, d] Float32Array, accumulated in Float64.
 *
 * Cost is n * d * (d + 1) / 2 multiply-adds (only one triangle is computed, then mirrored), so
 * the loops are arranged for the cache. Two exact paths, chosen by how many entries are zero:
 * - dense: a block of rows is centred and transposed into [d, BLOCK] Float64, then every pair
 *   of pixels is one contiguous dot product of length BLOCK (2 x 2 register blocking);
 * - sparse (MNIST: ~81% of pixels are exactly 0): per row, only the pairs of non-zero entries
 *   are accumulated into the raw second moment Σ x xᵀ, and n·m·mᵀ is subtracted at the end.
 *   That subtraction costs about eps·n·m_i·m_j of absolute accuracy, which matters only for a
 *   column whose mean is ~10⁴ times its spread: not data whose entries are mostly zero.
 */

/** Rows per block of the dense path: [784, 128] Float64 is 800 KB, about an L2 cache. */
const BLOCK = 128;
/**
 * Fraction of non-zero entries below which the sparse path is used. Measured on MNIST (CPU
 * time, 2-core machine): one sparse update costs about as much as 3-4 blocked dense
 * multiply-adds, so the paths break even near a density of one half; 0.4 leaves a margin.
 * MNIST (density 0.19): covariance of 60,000 digits in ~2 s instead of ~15 s dense.
 */
const SPARSE_DENSITY = 0.4;

export interface Covariance {
  /** [d] mean of the rows. */
  mean: Float64Array;
  /** [d, d] symmetric, row-major: sum over rows of (x - mean)(x - mean)ᵀ divided by max(n - 1, 1). */
  cov: Float64Array;
}

/** @param x [n, d] row-major */
export function covarianceMatrix(x: Float32Array, n: number, d: number): Covariance {
  if (!Number.isInteger(n) || !Number.isInteger(d) || n < 1 || d < 1) {
    throw new RangeError(`covariance needs n >= 1 rows and d >= 1 columns (got n=${n}, d=${d})`);
  }
  if (x.length < n * d) throw new RangeError(`x holds ${x.length} values, fewer than n*d = ${n * d}`);
  const mean = new Float64Array(d);
  let nonZero = 0;
  for (let r = 0; r < n; r++) {
    const row = r * d;
    for (let i = 0; i < d; i++) {
      const v = x[row + i];
      mean[i] += v;
      if (v !== 0) nonZero++;
    }
  }
  for (let i = 0; i < d; i++) {
    mean[i] /= n;
    // A NaN or infinite entry (a diverged model's codes) makes its column's mean non-finite.
    if (!Number.isFinite(mean[i])) throw new RangeError(`column ${i} holds NaN or infinite values`);
  }
  // Lower triangle (j <= i) of the scatter matrix, row-major.
  const cov =
    nonZero < SPARSE_DENSITY * n * d ? sparseScatter(x, n, d, mean) : denseScatter(x, n, d, mean);
  const scale = 1 / Math.max(n - 1, 1);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      const v = cov[i * d + j] * scale;
      cov[i * d + j] = v;
      cov[j * d + i] = v;
    }
  }
  return { mean, cov };
}

/** Lower triangle of Σ (x - m)(x - m)ᵀ, blocks of centred rows transposed to [d, BLOCK]. */
function denseScatter(x: Float32Array, n: number, d: number, mean: Float64Array): Float64Array {
  const s = new Float64Array(d * d);
  const t = new Float64Array(d * BLOCK);
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const b = Math.min(BLOCK, n - r0);
    // t[i * BLOCK + r] = x[r0 + r, i] - mean[i]; a short last block is padded with zeros.
    if (b < BLOCK) t.fill(0);
    for (let r = 0; r < b; r++) {
      const row = (r0 + r) * d;
      for (let i = 0; i < d; i++) t[i * BLOCK + r] = x[row + i] - mean[i];
    }
    let i = 0;
    // Two output rows (i, i + 1) at a time against two columns (j, j + 1): four dot products
    // share each load.
    for (; i + 1 < d; i += 2) {
      const ti0 = i * BLOCK;
      const ti1 = ti0 + BLOCK;
      let j = 0;
      for (; j + 1 <= i; j += 2) {
        const tj0 = j * BLOCK;
        const tj1 = tj0 + BLOCK;
        let s00 = 0;
        let s01 = 0;
        let s10 = 0;
        let s11 = 0;
        for (let r = 0; r < b; r++) {
          const a0 = t[ti0 + r];
          const a1 = t[ti1 + r];
          const c0 = t[tj0 + r];
          const c1 = t[tj1 + r];
          s00 += a0 * c0;
          s01 += a0 * c1;
          s10 += a1 * c0;
          s11 += a1 * c1;
        }
        s[i * d + j] += s00;
        s[i * d + j + 1] += s01;
        s[(i + 1) * d + j] += s10;
        s[(i + 1) * d + j + 1] += s11;
      }
      // j === i here: the 2 x 2 diagonal block (its upper entry (i, i + 1) is not needed).
      let s00 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let r = 0; r < b; r++) {
        const a0 = t[ti0 + r];
        const a1 = t[ti1 + r];
        s00 += a0 * a0;
        s10 += a1 * a0;
        s11 += a1 * a1;
      }
      s[i * d + i] += s00;
      s[(i + 1) * d + i] += s10;
      s[(i + 1) * d + i + 1] += s11;
    }
    if (i < d) {
      // Odd d: the last row alone.
      const ti = i * BLOCK;
      for (let j = 0; j <= i; j++) {
        const tj = j * BLOCK;
        let acc = 0;
        for (let r = 0; r < b; r++) acc += t[ti + r] * t[tj + r];
        s[i * d + j] += acc;
      }
    }
  }
  return s;
}

/**
 * Lower triangle of Σ xxᵀ over the non-zero entries of each row, minus n·m·mᵀ.
 * (Tiling the columns so the written block stays in cache measured no faster: the cost is the
 * ~11,000 multiply-adds per MNIST digit, not memory.)
 */
function sparseScatter(x: Float32Array, n: number, d: number, mean: Float64Array): Float64Array {
  const s = new Float64Array(d * d);
  const index = new Int32Array(d);
  const value = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    const row = r * d;
    let m = 0;
    for (let i = 0; i < d; i++) {
      const v = x[row + i];
      if (v !== 0) {
        index[m] = i;
        value[m] = v;
        m++;
      }
    }
    // Indices ascend, so for a fixed a the targets s[index[a], index[0..a]] run along one row.
    // Four rows a..a+3 at a time share the loads of index[c] and value[c]; the small triangle
    // they leave (c in a+1..a+3) is finished one row at a time.
    let a = 0;
    for (; a + 3 < m; a += 4) {
      const b0 = index[a] * d;
      const b1 = index[a + 1] * d;
      const b2 = index[a + 2] * d;
      const b3 = index[a + 3] * d;
      const v0 = value[a];
      const v1 = value[a + 1];
      const v2 = value[a + 2];
      const v3 = value[a + 3];
      for (let c = 0; c <= a; c++) {
        const j = index[c];
        const vc = value[c];
        s[b0 + j] += v0 * vc;
        s[b1 + j] += v1 * vc;
        s[b2 + j] += v2 * vc;
        s[b3 + j] += v3 * vc;
      }
      for (let r = a + 1; r <= a + 3; r++) {
        const base = index[r] * d;
        const vr = value[r];
        for (let c = a + 1; c <= r; c++) s[base + index[c]] += vr * value[c];
      }
    }
    for (; a < m; a++) {
      const base = index[a] * d;
      const va = value[a];
      for (let c = 0; c <= a; c++) s[base + index[c]] += va * value[c];
    }
  }
  for (let i = 0; i < d; i++) {
    const mi = n * mean[i];
    for (let j = 0; j <= i; j++) s[i * d + j] -= mi * mean[j];
  }
  return s;
}
