/**
 * How far from zero the codes lie: the radius of the ball around the origin of the code space
 * that holds a given share of the codes (lesson 4: "with the L2 penalty, 95% of the test digits
 * have codes within 3 of zero, so a small grid around zero covers them").
 */

/**
 * The q-quantile of the codes' Euclidean norms, by nearest rank: the smallest radius r such that
 * at least ceil(q * n) of the n codes have |z| <= r. So codeRadius(codes, n, dims, 0.95) is the
 * distance from zero within which 95% of the codes lie, and quantile 1 gives the largest norm.
 *
 * A code holding NaN or an infinite value counts as infinitely far (a diverged model's codes do
 * not shrink the radius). Norms are accumulated in float64.
 * @param codes [n, dims] row-major
 * @param quantile share of the codes inside the radius, in (0, 1]
 * @returns the radius in code units; NaN when n is 0
 */
export function codeRadius(codes: Float32Array, n: number, dims: number, quantile: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number >= 0, got ${n}`);
  if (!Number.isInteger(dims) || dims < 1) throw new RangeError(`dims must be a whole number >= 1, got ${dims}`);
  if (codes.length < n * dims) {
    throw new RangeError(`expected ${n} codes of ${dims} numbers (${n * dims} values), got ${codes.length}`);
  }
  if (!(quantile > 0 && quantile <= 1)) throw new RangeError(`quantile must be in (0, 1], got ${quantile}`);
  if (n === 0) return Number.NaN;
  const norms = codeNorms(codes, n, dims);
  norms.sort();
  // Nearest rank; the small epsilon keeps 0.95 * 100 (= 95.00000000000001 in floating point) at rank 95.
  const rank = Math.max(1, Math.ceil(quantile * n - 1e-9));
  return norms[Math.min(n, rank) - 1];
}

/**
 * Euclidean norm of every code; non-finite codes give Infinity.
 * @param codes [n, dims] row-major
 * @returns [n] float64
 */
export function codeNorms(codes: Float32Array, n: number, dims: number): Float64Array {
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    const row = i * dims;
    for (let j = 0; j < dims; j++) sum += codes[row + j] * codes[row + j];
    norms[i] = Number.isFinite(sum) ? Math.sqrt(sum) : Infinity;
  }
  return norms;
}
