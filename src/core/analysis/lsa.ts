/**
 * Latent semantic analysis: the truncated SVD X ≈ U_k Σ_k V_kᵀ of a (passages x words) matrix,
 * the linear baseline of the text-retrieval lesson (Hinton & Salakhutdinov 2006 compare their
 * deep autoencoder's codes with LSA codes of the same size). A passage's LSA code is x V_k:
 * its coordinates along the k "topics" (rows of V_kᵀ, weights over words). For the fitted
 * passages that is U_k Σ_k; a typed query gets its code the same way ("folding in").
 * Unlike PCA the rows are NOT centred, as in LSA: the first topic is then roughly the average
 * word profile, and sparse rows stay sparse.
 *
 * How the SVD is found, both through topEigenpairs (symmetricEigen.ts), since the right
 * singular vectors of X are the eigenvectors of the Gram matrix XᵀX, with eigenvalues σ²:
 * - 'gram' (exact to rounding): the eigenpairs of the SMALLER Gram matrix, XᵀX (d x d) or
 *   XXᵀ (n x n, then V = Xᵀ U Σ⁻¹). Its Householder step costs ~min(n, d)³: fine for small
 *   matrices, but ~36 s of wall time here for the 2,000-word Brown vocabulary.
 * - 'lanczos' (iterative, for the real corpus): Golub-Kahan-Lanczos bidiagonalisation with full
 *   reorthogonalisation. From v₀ = Xᵀ·(random), it builds orthonormal u_j (passages) and v_j
 *   (words) with X V_m = U_m B_m, B_m upper bidiagonal (α_j on the diagonal, β_j above), using
 *   only products with the sparse rows of X and Xᵀ. The eigenpairs of the small tridiagonal
 *   B_mᵀB_m (topEigenpairs again) give σ² and, through V_m, the topics. The residual of a
 *   topic v = V_m q is |XᵀX v - σ² v| = α_{m-1}·β_{m-1}·|q_{m-1}| exactly, which is checked
 *   every few steps; it stops when every wanted topic is within tolerance·σ₁². It needs far
 *   fewer products with X than subspace iteration (tried first: 53 rounds of a 30-vector
 *   block, 5-10x the CPU time, for the same 10 topics of the Brown passages).
 * 'auto' uses 'gram' when min(n, d) <= 500, else 'lanczos'.
 *
 * Squaring X (XᵀX) loses the relative accuracy of singular values below ~1e-8·σ₁; LSA only
 * wants the largest few.
 */
import { topEigenpairs } from './symmetricEigen';

export interface Lsa {
  k: number;
  /** Words (columns of X). */
  d: number;
  /** [k] σ_1 >= ... >= σ_k >= 0. */
  singularValues: Float64Array;
  /** [k, d] V_kᵀ: orthonormal rows (topics); each row's largest-magnitude entry (the first, if tied) is positive. */
  terms: Float32Array;
}

export interface LsaFit extends Lsa {
  /** [n, k] codes of the fitted rows, X V_k = U_k Σ_k. */
  codes: Float32Array;
  method: 'gram' | 'lanczos';
  /** Lanczos steps m (1 for 'gram'). */
  iterations: number;
  /** max over the k topics v of |XᵀX v - σ² v| / σ₁² (0 for a zero matrix). */
  residual: number;
}

export interface LsaOptions {
  method?: 'auto' | 'gram' | 'lanczos';
  /** Lanczos stops at this residual, relative to σ₁². */
  tolerance?: number;
  /** Lanczos gives up after this many steps (the residual then tells how far it got); at most min(n, d). */
  maxIterations?: number;
  /** Seed of the random start vector (Lanczos). */
  seed?: number;
}

/** Largest min(n, d) solved by the exact Gram route under 'auto'. */
const GRAM_LIMIT = 500;

/** X's non-zeros, row by row (compressed sparse rows). */
interface SparseRows {
  n: number;
  d: number;
  /** [n + 1] row r's entries are at rowStart[r] .. rowStart[r + 1] - 1. */
  rowStart: Int32Array;
  column: Int32Array;
  value: Float64Array;
}

function sparseRows(x: Float32Array, n: number, d: number): SparseRows {
  let nnz = 0;
  for (let i = 0; i < n * d; i++) {
    if (!Number.isFinite(x[i])) throw new RangeError(`x[${i}] = ${x[i]}: LSA needs finite numbers`);
    if (x[i] !== 0) nnz++;
  }
  const rowStart = new Int32Array(n + 1);
  const column = new Int32Array(nnz);
  const value = new Float64Array(nnz);
  let at = 0;
  for (let r = 0; r < n; r++) {
    rowStart[r] = at;
    for (let c = 0; c < d; c++) {
      const v = x[r * d + c];
      if (v !== 0) {
        column[at] = c;
        value[at++] = v;
      }
    }
  }
  rowStart[n] = at;
  return { n, d, rowStart, column, value };
}

/** out[n, b] = X · q, q [d, b] word-major. */
function timesBlock(x: SparseRows, q: Float64Array, b: number, out: Float64Array): void {
  out.fill(0);
  for (let r = 0; r < x.n; r++) {
    const o = r * b;
    for (let e = x.rowStart[r]; e < x.rowStart[r + 1]; e++) {
      const v = x.value[e];
      const qc = x.column[e] * b;
      for (let j = 0; j < b; j++) out[o + j] += v * q[qc + j];
    }
  }
}

/** out[d, b] = Xᵀ · z, z [n, b]. */
function transposeTimesBlock(x: SparseRows, z: Float64Array, b: number, out: Float64Array): void {
  out.fill(0);
  for (let r = 0; r < x.n; r++) {
    const zr = r * b;
    for (let e = x.rowStart[r]; e < x.rowStart[r + 1]; e++) {
      const v = x.value[e];
      const oc = x.column[e] * b;
      for (let j = 0; j < b; j++) out[oc + j] += v * z[zr + j];
    }
  }
}

/** xorshift32 in [-1, 1): a reproducible start. */
function randomFiller(seed: number): () => number {
  let s = seed >>> 0 || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 31 - 1;
  };
}

/**
 * Orthonormalises the b columns of q [m, b] in place (Gram-Schmidt, twice). A column that
 * vanishes (X has rank < b) is replaced by a random one, so the block keeps b directions.
 */
function orthonormaliseColumns(q: Float64Array, m: number, b: number, random: () => number): void {
  for (let c = 0; c < b; c++) {
    let before = 0;
    for (let i = 0; i < m; i++) before += q[i * b + c] ** 2;
    for (let attempt = 0; ; attempt++) {
      for (let pass = 0; pass < 2; pass++) {
        for (let p = 0; p < c; p++) {
          let dot = 0;
          for (let i = 0; i < m; i++) dot += q[i * b + c] * q[i * b + p];
          for (let i = 0; i < m; i++) q[i * b + c] -= dot * q[i * b + p];
        }
      }
      let norm = 0;
      for (let i = 0; i < m; i++) norm += q[i * b + c] ** 2;
      if (norm > 1e-20 * before && norm > 0) {
        const inv = 1 / Math.sqrt(norm);
        for (let i = 0; i < m; i++) q[i * b + c] *= inv;
        break;
      }
      if (attempt > 10) throw new Error('could not extend the block to orthonormal columns');
      for (let i = 0; i < m; i++) q[i * b + c] = random();
      before = 1;
    }
  }
}

/**
 * Truncated SVD of x, top k.
 * @param x [n, d] row-major (passages x words); zeros are skipped, so sparse rows are cheap
 * @param k topics, 1..min(n, d)
 */
export function fitLsa(x: Float32Array, n: number, d: number, k: number, options: LsaOptions = {}): LsaFit {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(d) || d < 1) throw new RangeError(`n=${n}, d=${d} must be positive integers`);
  if (x.length !== n * d) throw new RangeError(`x holds ${x.length} values, not n*d = ${n * d}`);
  if (!Number.isInteger(k) || k < 1 || k > Math.min(n, d)) throw new RangeError(`k=${k} must be an integer in 1..${Math.min(n, d)}`);
  const { tolerance = 1e-10, maxIterations = Math.min(n, d), seed = 1 } = options;
  const method = options.method === 'auto' || options.method === undefined ? (Math.min(n, d) <= GRAM_LIMIT ? 'gram' : 'lanczos') : options.method;
  const rows = sparseRows(x, n, d);
  // vectors: [d, b] word-major, the first k columns are the topics; b = k for 'gram'.
  const { vectors, b, iterations } = method === 'gram' ? gramTopics(rows, k) : lanczosTopics(rows, k, tolerance, maxIterations, seed);
  return finish(rows, vectors, b, k, method, iterations);
}

/** Top-k right singular vectors from the eigenpairs of the smaller Gram matrix. */
function gramTopics(x: SparseRows, k: number): { vectors: Float64Array; b: number; iterations: number } {
  const { n, d, rowStart, column, value } = x;
  const vectors = new Float64Array(d * k);
  if (d <= n) {
    // XᵀX [d, d], upper triangle: each row adds the products of its non-zero pairs.
    const g = new Float64Array(d * d);
    for (let r = 0; r < n; r++) {
      for (let e = rowStart[r]; e < rowStart[r + 1]; e++) {
        const gi = column[e] * d;
        for (let f = e; f < rowStart[r + 1]; f++) g[gi + column[f]] += value[e] * value[f];
      }
    }
    const eig = topEigenpairs(g, d, k);
    for (let c = 0; c < k; c++) for (let w = 0; w < d; w++) vectors[w * k + c] = eig.vectors[c * d + w];
  } else {
    // XXᵀ [n, n], upper triangle: row r (scattered densely) against every later row.
    const kk = new Float64Array(n * n);
    const dense = new Float64Array(d);
    for (let r = 0; r < n; r++) {
      for (let e = rowStart[r]; e < rowStart[r + 1]; e++) dense[column[e]] = value[e];
      for (let s = r; s < n; s++) {
        let dot = 0;
        for (let f = rowStart[s]; f < rowStart[s + 1]; f++) dot += dense[column[f]] * value[f];
        kk[r * n + s] = dot;
      }
      for (let e = rowStart[r]; e < rowStart[r + 1]; e++) dense[column[e]] = 0;
    }
    const eig = topEigenpairs(kk, n, k);
    // v_c = Xᵀ u_c / σ_c, i.e. Xᵀ u_c normalised. Past the rank of X (σ_c = 0) that is zero:
    // the orthonormalisation then completes the topics with directions X maps to zero.
    transposeTimesBlock(x, transposeRows(eig.vectors, k, n), k, vectors);
    orthonormaliseColumns(vectors, d, k, randomFiller(1));
  }
  return { vectors, b: k, iterations: 1 };
}

/** [k, m] rows -> [m, k]. */
function transposeRows(a: Float64Array, k: number, m: number): Float64Array {
  const t = new Float64Array(m * k);
  for (let c = 0; c < k; c++) for (let i = 0; i < m; i++) t[i * k + c] = a[c * m + i];
  return t;
}

/** Golub-Kahan-Lanczos with full reorthogonalisation (see the file comment). */
function lanczosTopics(
  x: SparseRows,
  k: number,
  tolerance: number,
  maxSteps: number,
  seed: number,
): { vectors: Float64Array; b: number; iterations: number } {
  const { n, d, rowStart, column, value } = x;
  const limit = Math.max(k, Math.min(maxSteps, n, d));
  const random = randomFiller(seed);
  // A vector shorter than this after reorthogonalisation is rounding noise: X has no new direction there.
  let frobenius = 0;
  for (let e = 0; e < value.length; e++) frobenius += value[e] * value[e];
  const tiny = 1e-12 * Math.sqrt(frobenius);
  const us: Float64Array[] = []; // u_j [n]
  // v₀ = Xᵀ·(random passage weights): inside the row space of X, so min(n, d) steps span all of it
  // (a v₀ with a part outside would need one more step than the smaller side has).
  const start = Float64Array.from({ length: n }, random);
  const v0 = new Float64Array(d);
  for (let r = 0; r < n; r++) for (let e = rowStart[r]; e < rowStart[r + 1]; e++) v0[column[e]] += value[e] * start[r];
  extendBasis(v0, [], tiny, random);
  const vs: Float64Array[] = [v0]; // v_j [d]
  const alpha: number[] = [];
  const beta: number[] = [];
  for (let m = 1; m <= limit; m++) {
    const j = m - 1;
    // u_j = X v_j - β_{j-1} u_{j-1}, made orthogonal to every earlier u.
    const u = new Float64Array(n);
    const v = vs[j];
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let e = rowStart[r]; e < rowStart[r + 1]; e++) s += value[e] * v[column[e]];
      u[r] = s;
    }
    if (j > 0) for (let r = 0; r < n; r++) u[r] -= beta[j - 1] * us[j - 1][r];
    alpha.push(extendBasis(u, us, tiny, random));
    us.push(u);
    // v_{j+1} = Xᵀ u_j - α_j v_j, made orthogonal to every earlier v.
    const w = new Float64Array(d);
    for (let r = 0; r < n; r++) {
      const ur = u[r];
      for (let e = rowStart[r]; e < rowStart[r + 1]; e++) w[column[e]] += value[e] * ur;
    }
    for (let i = 0; i < d; i++) w[i] -= alpha[j] * v[i];
    beta.push(m < Math.min(n, d) ? extendBasis(w, vs, tiny, random) : 0);
    vs.push(w);
    if (m < k || (m % 5 !== 0 && m !== limit)) continue;
    // BᵀB [m, m] tridiagonal: diagonal α_i² + β_{i-1}², off-diagonal α_i β_i.
    const t = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
      t[i * m + i] = alpha[i] ** 2 + (i > 0 ? beta[i - 1] ** 2 : 0);
      if (i + 1 < m) t[i * m + i + 1] = alpha[i] * beta[i];
    }
    const eig = topEigenpairs(t, m, k);
    const scale = eig.values[0] > 0 ? eig.values[0] : 1;
    let worst = 0;
    for (let c = 0; c < k; c++) worst = Math.max(worst, (alpha[j] * beta[j] * Math.abs(eig.vectors[c * m + j])) / scale);
    if (worst <= tolerance || m === limit) {
      // Topic c = V_m q_c, written word-major [d, k] for finish().
      const vectors = new Float64Array(d * k);
      for (let c = 0; c < k; c++) {
        for (let i = 0; i < m; i++) {
          const q = eig.vectors[c * m + i];
          const vi = vs[i];
          for (let w2 = 0; w2 < d; w2++) vectors[w2 * k + c] += q * vi[w2];
        }
      }
      return { vectors, b: k, iterations: m };
    }
  }
  throw new Error('unreachable: the last Lanczos step always returns');
}

/**
 * Makes a orthogonal to the unit vectors in basis (Gram-Schmidt, twice) and normalises it.
 * @returns its length before normalising; 0 when nothing was left above `tiny`, in which case
 *   a is replaced by a random unit vector orthogonal to the basis (the recurrence restarts there)
 */
function extendBasis(a: Float64Array, basis: readonly Float64Array[], tiny: number, random: () => number): number {
  const m = a.length;
  for (let attempt = 0; ; attempt++) {
    for (let pass = 0; pass < 2; pass++) {
      for (const b of basis) {
        let dot = 0;
        for (let i = 0; i < m; i++) dot += a[i] * b[i];
        for (let i = 0; i < m; i++) a[i] -= dot * b[i];
      }
    }
    let norm = 0;
    for (let i = 0; i < m; i++) norm += a[i] * a[i];
    norm = Math.sqrt(norm);
    if (norm > tiny && norm > 0) {
      for (let i = 0; i < m; i++) a[i] /= norm;
      return attempt === 0 ? norm : 0;
    }
    if (attempt > 10) throw new Error('could not extend the Lanczos basis');
    for (let i = 0; i < m; i++) a[i] = random();
  }
}

/** σ, signs, codes and the residual from the topic columns (the first k of vectors [d, b]). */
function finish(x: SparseRows, vectors: Float64Array, b: number, k: number, method: 'gram' | 'lanczos', iterations: number): LsaFit {
  const { n, d } = x;
  const terms = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    // An eigenvector's sign is arbitrary; fix it so refits give the same map: the largest entry
    // is made positive, and entries equal to it up to float32 rounding (1e-6) count as ties, won by the first.
    let max = 0;
    for (let i = 0; i < d; i++) max = Math.max(max, Math.abs(vectors[i * b + c]));
    let largest = 0;
    while (largest < d - 1 && Math.abs(vectors[largest * b + c]) < max * (1 - 1e-6)) largest++;
    const sign = vectors[largest * b + c] < 0 ? -1 : 1;
    for (let i = 0; i < d; i++) terms[c * d + i] = sign * vectors[i * b + c];
  }
  const v = transposeRows(terms, k, d); // [d, k]
  const codes = new Float64Array(n * k);
  timesBlock(x, v, k, codes);
  const gv = new Float64Array(d * k);
  transposeTimesBlock(x, codes, k, gv);
  const singularValues = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s2 = 0;
    for (let r = 0; r < n; r++) s2 += codes[r * k + c] ** 2;
    singularValues[c] = Math.sqrt(s2); // |X v| = σ for a unit singular vector v
  }
  const top = singularValues[0] ** 2;
  let residual = 0;
  for (let c = 0; c < k; c++) {
    const lambda = singularValues[c] ** 2;
    let r2 = 0;
    for (let i = 0; i < d; i++) r2 += (gv[i * k + c] - lambda * v[i * k + c]) ** 2;
    residual = Math.max(residual, top > 0 ? Math.sqrt(r2) / top : 0);
  }
  return {
    k,
    d,
    singularValues,
    terms: Float32Array.from(terms),
    codes: Float32Array.from(codes),
    method,
    iterations,
    residual,
  };
}

/**
 * LSA codes of new rows (typed queries, held-out passages): x V_k.
 * @param x [n, d] row-major
 * @returns [n, k]
 */
export function lsaProject(lsa: Lsa, x: Float32Array, n: number): Float32Array {
  const { k, d, terms } = lsa;
  if (x.length !== n * d) throw new RangeError(`x holds ${x.length} values, not n*d = ${n * d}`);
  const out = new Float32Array(n * k);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let i = 0; i < d; i++) {
        const xi = x[r * d + i];
        if (xi !== 0) s += xi * terms[c * d + i];
      }
      out[r * k + c] = s;
    }
  }
  return out;
}
