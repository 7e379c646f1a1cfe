/**
 * Codes of the VAE's prior N(0, I) as plain numbers (no tfjs, so the page may use them too):
 * the normal quantile function, the latent grid at the prior's quantiles and seeded draws.
 * Codes are Float32Arrays [n, codeSize], what crosses the worker boundary.
 */
import { createRng } from '../data/rng';

/**
 * The standard normal quantile function Φ⁻¹(p) (the probit), by Acklam's rational
 * approximation: relative error below 1.2e-9 over (0, 1).
 * @param p probability in (0, 1); 0 and 1 give -Infinity and Infinity
 */
export function probit(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probit needs a probability in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low || p > 1 - low) {
    // Tails: a rational function of sqrt(-2 log q), q the smaller tail probability.
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    return p < low ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/**
 * A side x side grid of codes at the prior's quantiles: cell (row, col) has
 * code[dims[0]] = Φ⁻¹((col + 0.5) / side) and code[dims[1]] = -Φ⁻¹((row + 0.5) / side)
 * (up is positive, as on the map), every other code number 0 (the prior's median). Each cell
 * stands for an equal share, 1 / side², of the prior's mass in those two dimensions.
 * @returns [side * side, codeSize] row-major, the top row first
 */
export function priorQuantileGrid(side: number, codeSize = 2, dims: [number, number] = [0, 1]): Float32Array {
  if (!Number.isInteger(side) || side < 1) throw new RangeError(`grid side ${side} must be a positive integer`);
  if (codeSize < 2 || dims.some((d) => !Number.isInteger(d) || d < 0 || d >= codeSize) || dims[0] === dims[1]) {
    throw new RangeError(`grid dimensions ${dims} must be two different code numbers below ${codeSize}`);
  }
  const quantiles = Array.from({ length: side }, (_, i) => probit((i + 0.5) / side));
  const codes = new Float32Array(side * side * codeSize);
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      const at = (row * side + col) * codeSize;
      codes[at + dims[0]] = quantiles[col];
      codes[at + dims[1]] = -quantiles[row];
    }
  }
  return codes;
}

/**
 * Codes drawn from the prior N(0, I) by Box-Muller on the seeded RNG (same seed, same codes).
 * @returns [count, codeSize]
 */
export function samplePrior(count: number, codeSize: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(count * codeSize);
  for (let i = 0; i < out.length; i += 2) {
    // 1 - u lies in (0, 1], so the log is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - rng()));
    const angle = 2 * Math.PI * rng();
    out[i] = radius * Math.cos(angle);
    if (i + 1 < out.length) out[i + 1] = radius * Math.sin(angle);
  }
  return out;
}

/**
 * The standard normal distribution function Φ(x) = (1 + erf(x / √2)) / 2, erf by Abramowitz
 * and Stegun 7.1.26 (absolute error below 1.5e-7): the inverse of probit, for mapping a code
 * back to its place on the prior-quantile grid.
 */
export function normalCdf(x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
