/**
 * The sparse autoencoder's penalty and its measurement.
 *
 * Penalty (a term the Trainer adds to the per-pixel reconstruction loss), for the code
 * h [batch, codeSize] of a batch:
 * - 'l1': weight x (mean over the batch of Σ_j |h_j|), the Keras blog's activity_regularizer
 *   l1(1e-4) on the code (Keras also adds it to a per-pixel mean BCE, so weights carry over);
 * - 'kl': weight x Σ_j KL(ρ || ρ̂_j), with ρ̂_j = mean over the batch of h_j (a sigmoid unit's
 *   mean activation, in (0, 1)) and KL(ρ || ρ̂) = ρ log(ρ/ρ̂) + (1-ρ) log((1-ρ)/(1-ρ̂)), the
 *   Bernoulli divergence of Ng's sparse autoencoder notes. ρ̂ is clamped to [1e-6, 1 - 1e-6] so
 *   a unit saturated over a whole batch gives a large finite penalty, not Infinity.
 *
 * Measurement (on test digits): the mean code activation over digits and units (the Keras blog's
 * encoded_imgs.mean(): 7.30 plain vs 3.33 with L1 for a 32-unit relu code), and the fraction of
 * active (digit, unit) pairs, "active" meaning h_j > ACTIVE_THRESHOLD = 0.1 in code units: a
 * sigmoid unit at rest (input 0) sits at 0.5 and counts as active; the KL target ρ = 0.05 is
 * below it, so a code that meets its target has few active units.
 */
import * as tf from '@tensorflow/tfjs';
import { ACTIVE_THRESHOLD, type MlpModelConfig } from '../../config';
import type { MlpAutoencoder } from './model';

export { ACTIVE_THRESHOLD };
/** Bins of the code-activity histogram, equal widths over [0, top] (top: 1 for sigmoid, else the largest activation). */
export const HISTOGRAM_BINS = 20;
/** Encoder features sent to the page: the first units of the first encoder layer. */
export const FEATURE_COUNT = 100;
const KL_CLAMP = 1e-6;

type SparsitySpec = Pick<MlpModelConfig, 'sparsity' | 'sparsityWeight' | 'sparsityTarget'>;

/** Whether the model trains with a sparsity penalty at all. */
export function hasSparsityPenalty(spec: SparsitySpec): boolean {
  return spec.sparsity !== 'none' && spec.sparsityWeight > 0;
}

/** Mean over the batch of Σ_j |h_j|. @param code [batch, codeSize] Scalar. */
export function l1ActivityPenalty(code: tf.Tensor2D): tf.Scalar {
  return tf.mean(tf.sum(tf.abs(code), 1));
}

/** Σ_j KL(ρ || ρ̂_j), ρ̂_j the batch mean of unit j. @param code [batch, codeSize] in (0, 1). Scalar. */
export function klSparsityPenalty(code: tf.Tensor2D, rho: number): tf.Scalar {
  const rhoHat = tf.clipByValue(tf.mean(code, 0), KL_CLAMP, 1 - KL_CLAMP);
  const on = tf.mul(rho, tf.log(tf.div(rho, rhoHat)));
  const off = tf.mul(1 - rho, tf.log(tf.div(1 - rho, tf.sub(1, rhoHat))));
  return tf.sum(tf.add(on, off));
}

/**
 * The weighted term for the objective (call inside the gradient tape), or undefined when the
 * model has no sparsity penalty.
 * @param code [batch, codeSize]
 */
export function sparsityTerm(code: tf.Tensor2D, spec: SparsitySpec): tf.Scalar | undefined {
  if (!hasSparsityPenalty(spec)) return undefined;
  const penalty = spec.sparsity === 'l1' ? l1ActivityPenalty(code) : klSparsityPenalty(code, spec.sparsityTarget);
  return tf.mul(spec.sparsityWeight, penalty) as tf.Scalar;
}

/**
 * Sums over the codes of a set of digits, for the activity measurement. Call inside a tidy.
 * @param code [n, codeSize]
 * @param top the histogram's upper edge, or undefined for the largest activation
 * @returns [4 + HISTOGRAM_BINS]: Σ h, #(h > ACTIVE_THRESHOLD), top, units never active on any
 *   of the n digits, then per bin b the count of h with top·b/B < h (a cumulative count; the
 *   first bin is "above 0"); activations ≤ 0 (relu's exact zeros) are in none of them.
 */
export function activitySums(code: tf.Tensor2D, top?: number): tf.Tensor1D {
  const upper = top === undefined ? tf.maximum(tf.max(code), 1e-6) : tf.scalar(top);
  const active = tf.greater(code, ACTIVE_THRESHOLD);
  const dead = tf.sum(tf.cast(tf.logicalNot(tf.any(active, 0)), 'float32'));
  const above: tf.Scalar[] = [];
  for (let b = 0; b < HISTOGRAM_BINS; b++) {
    above.push(tf.sum(tf.cast(tf.greater(code, tf.mul(upper, b / HISTOGRAM_BINS)), 'float32')));
  }
  return tf.stack([tf.sum(code), tf.sum(tf.cast(active, 'float32')), upper, dead, ...above]) as tf.Tensor1D;
}

export interface ActivityScores {
  /** Mean over digits and units of h (code units). */
  meanActivation: number;
  /** Fraction of (digit, unit) pairs with h > ACTIVE_THRESHOLD, in [0, 1]. */
  activeFraction: number;
  /** Fraction of units active on none of the digits, in [0, 1]. */
  deadFraction: number;
  /** Upper edge of the histogram (code units). */
  histogramTop: number;
  /** [HISTOGRAM_BINS] fraction of all (digit, unit) pairs per bin of (0, top]; relu's zeros are in none. */
  histogram: Float32Array;
  /** Fraction of pairs with h ≤ 0 (a relu unit exactly off); 0 for sigmoid. */
  zeroFraction: number;
  count: number;
}

/** Turns activitySums of `count` digits with `codeSize` units into scores. */
export function activityScores(sums: ArrayLike<number>, count: number, codeSize: number): ActivityScores {
  const pairs = count * codeSize;
  const histogram = new Float32Array(HISTOGRAM_BINS);
  for (let b = 0; b < HISTOGRAM_BINS; b++) {
    const next = b + 1 < HISTOGRAM_BINS ? sums[4 + b + 1] : 0;
    histogram[b] = (sums[4 + b] - next) / pairs;
  }
  return {
    meanActivation: sums[0] / pairs,
    activeFraction: sums[1] / pairs,
    histogramTop: sums[2],
    deadFraction: sums[3] / codeSize,
    histogram,
    zeroFraction: 1 - sums[4] / pairs,
    count,
  };
}

/**
 * The encoder's learned features: the incoming weights of chosen units of the first encoder
 * layer (the code units themselves when there is no hidden layer), one 28 x 28 image each.
 * Call inside a tidy.
 * @param units [m] unit indices, or a count: the first `count` units
 * @returns [m, inputSize], row r = column units[r] of the first kernel
 */
export function encoderFeatures(model: MlpAutoencoder, units: Int32Array | number = FEATURE_COUNT): tf.Tensor2D {
  const kernel = model.encoderLayers[0].kernel; // [inputSize, units]
  if (typeof units === 'number') {
    return tf.transpose(tf.slice(kernel, [0, 0], [kernel.shape[0], Math.min(units, kernel.shape[1])])) as tf.Tensor2D;
  }
  return tf.transpose(tf.gather(kernel, tf.tensor1d(units, 'int32'), 1)) as tf.Tensor2D;
}

/**
 * The `count` units with the largest mean activation, most active first (ties: lower index
 * first), so the panel shows the features the code uses rather than dead units' initial noise.
 * @param unitMeans [codeSize] mean activation of each unit over the test digits
 */
export function mostActiveUnits(unitMeans: ArrayLike<number>, count = FEATURE_COUNT): Int32Array {
  const order = Array.from({ length: unitMeans.length }, (_, i) => i);
  order.sort((a, b) => unitMeans[b] - unitMeans[a] || a - b);
  return Int32Array.from(order.slice(0, Math.min(count, order.length)));
}
