/**
 * Small pure maps between the latent views' coordinates, shared by the grid and the sliders
 * and tested in Node.
 */
import { normalCdf, probit } from '../../core/models/priorCodes';
import type { CodesEvent } from '../../worker/api';

/**
 * The range a grid covers. `prior`: a VAE's grid at the prior's quantiles, whose fraction f
 * across stands for the code Φ⁻¹(f) (and 1 - f down for Φ⁻¹(f) up), whatever the box says.
 */
export type Extent = CodesEvent['extent'] & { prior?: boolean };

/** Fractions kept off 0 and 1, where Φ⁻¹ is infinite. */
const inside = (f: number) => Math.min(1 - 1e-4, Math.max(1e-4, f));

/**
 * Map point under a position on the latent grid, given as fractions of its width and height
 * (0..1 from the top-left). Cell (row r, column c) of an N x N grid covers fractions
 * [c/N, (c+1)/N) across and [r/N, (r+1)/N) down; its image decodes the cell's centre.
 */
export function gridFractionToMap(fx: number, fy: number, e: Extent): [number, number] {
  if (e.prior) return [probit(inside(fx)), probit(inside(1 - fy))];
  return [e.xMin + fx * (e.xMax - e.xMin), e.yMax - fy * (e.yMax - e.yMin)];
}

/** Inverse of gridFractionToMap. */
export function mapToGridFraction(x: number, y: number, e: Extent): [number, number] {
  if (e.prior) return [normalCdf(x), 1 - normalCdf(y)];
  return [(x - e.xMin) / (e.xMax - e.xMin), (e.yMax - y) / (e.yMax - e.yMin)];
}

/**
 * Keyboard moves on the latent grid: the centre of the cell `dCol` columns right and `dRow`
 * rows down from the cell holding `point` (clamped to the grid), or the centre cell's centre
 * when there is no point yet or it lies outside the grid.
 */
export function gridNeighbour(point: [number, number] | undefined, e: Extent, n: number, dCol: number, dRow: number): [number, number] {
  const clamp = (v: number) => Math.min(n - 1, Math.max(0, v));
  const mid = Math.floor(n / 2);
  let col = mid;
  let row = mid;
  if (point) {
    const [fx, fy] = mapToGridFraction(point[0], point[1], e);
    if (fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1) {
      col = clamp(Math.floor(fx * n)) + dCol;
      row = clamp(Math.floor(fy * n)) + dRow;
    }
  }
  return gridFractionToMap((clamp(col) + 0.5) / n, (clamp(row) + 0.5) / n, e);
}

/** Steps across a slider's range. */
const SLIDER_STEPS = 400;

/**
 * A code slider's range for one dimension: the codes' min..max widened by 15% of the span on
 * each side, so one can step a little outside what the test digits use. A collapsed or
 * non-finite range (a dead unit) still gives a usable slider around its value.
 */
export function sliderRange(min: number, max: number): { lo: number; hi: number; step: number } {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) {
    const c = Number.isFinite(min) ? min : 0;
    return { lo: c - 1, hi: c + 1, step: 2 / SLIDER_STEPS };
  }
  const lo = min - 0.15 * span;
  const hi = max + 0.15 * span;
  return { lo, hi, step: (hi - lo) / SLIDER_STEPS };
}

/**
 * The code numbers the sliders show when there are more than `count`: the `count` with the
 * widest range over the map's digits (codeMax - codeMin), in increasing order. In a sparse
 * 1000-unit code most units are off for every digit; the widest ones are those a digit uses.
 * Ties go to the lower index. Fewer than `count` numbers: all of them.
 */
export function widestDimensions(codeMin: ArrayLike<number>, codeMax: ArrayLike<number>, count: number): number[] {
  const all = Array.from({ length: codeMin.length }, (_, i) => i);
  if (all.length <= count) return all;
  const width = (i: number) => codeMax[i] - codeMin[i];
  return all
    .sort((a, b) => width(b) - width(a) || a - b)
    .slice(0, count)
    .sort((a, b) => a - b);
}
