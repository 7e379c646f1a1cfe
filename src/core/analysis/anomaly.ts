/**
 * Anomaly detection by reconstruction error (lecture 003): an autoencoder trained only on
 * "normal" digits rebuilds them well and other digits badly, so the squared error of an image's
 * reconstruction is its anomaly score. These are the pure pieces the views and measurements
 * need besides roc.ts (ROC, AUROC, confusion matrix): per-image errors, histograms, the most and
 * least anomalous items.
 */

/**
 * Squared error per image: sum over the d pixels of (x - x̂)², the lab's unit.
 * @param x [n, d] originals, @param xHat [n, d] reconstructions
 * @returns [n]
 */
export function squaredErrors(x: ArrayLike<number>, xHat: ArrayLike<number>, n: number, d: number): Float32Array {
  if (x.length < n * d || xHat.length < n * d) throw new RangeError(`expected ${n} images of ${d} pixels`);
  const out = new Float32Array(n);
  for (let r = 0; r < n; r++) {
    let sum = 0;
    for (let j = r * d; j < (r + 1) * d; j++) {
      const diff = x[j] - xHat[j];
      sum += diff * diff;
    }
    out[r] = sum;
  }
  return out;
}

export interface Histogram {
  /** [bins + 1] bin edges from min to max. */
  edges: Float64Array;
  /** [bins] items per bin; values below min count in the first bin, above max in the last. */
  counts: Int32Array;
}

/**
 * Equal-width histogram of the values selected by `include` (all when left out) over [min, max].
 * A value v falls in bin floor((v - min) / width), the last bin closed on the right.
 * Non-finite values are left out.
 */
export function histogram(
  values: ArrayLike<number>,
  bins: number,
  min: number,
  max: number,
  include?: (index: number) => boolean,
): Histogram {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins=${bins} must be a positive integer`);
  if (!(Number.isFinite(min) && Number.isFinite(max) && max > min)) throw new RangeError(`range [${min}, ${max}] is empty or not finite`);
  const width = (max - min) / bins;
  const edges = Float64Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width));
  const counts = new Int32Array(bins);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || (include && !include(i))) continue;
    counts[Math.min(bins - 1, Math.max(0, Math.floor((v - min) / width)))]++;
  }
  return { edges, counts };
}

/**
 * The k items with the highest scores (most anomalous first) and the k with the lowest (least
 * anomalous first); ties by index. NaN scores are left out.
 */
export function extremes(scores: ArrayLike<number>, k: number): { most: Int32Array; least: Int32Array } {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k=${k} must be a whole number`);
  const order: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!Number.isNaN(scores[i])) order.push(i);
  order.sort((a, b) => scores[a] - scores[b] || a - b);
  const least = Int32Array.from(order.slice(0, k));
  const most = Int32Array.from(order.slice(Math.max(0, order.length - k)).reverse());
  return { most, least };
}

/** The value below which a share q of the finite values lie (nearest rank), for axis ranges. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const finite = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const rank = Math.min(finite.length - 1, Math.max(0, Math.ceil(q * finite.length) - 1));
  return finite[rank];
}
