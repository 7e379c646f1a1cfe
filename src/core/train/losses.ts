/**
 * Reconstruction losses, per pixel, computed from the decoder's pre-activation output.
 *
 * For a sigmoid output with binary cross-entropy the loss is taken from the logits z in the
 * stable form max(z, 0) - z x + log(1 + e^-|z|), which equals -x log σ(z) - (1 - x) log(1 - σ(z))
 * but never takes the log of 0 when the sigmoid saturates.
 */
import * as tf from '@tensorflow/tfjs';
import type { MlpModelConfig } from '../config';

type LossSpec = Pick<MlpModelConfig, 'loss' | 'outputActivation'>;

/**
 * @param logits [batch, pixels] decoder output before the output activation
 * @returns [batch, pixels] reconstructions x̂ (sigmoid applied, or the raw linear output)
 */
export function outputFromLogits(logits: tf.Tensor2D, spec: LossSpec): tf.Tensor2D {
  return spec.outputActivation === 'sigmoid' ? tf.sigmoid(logits) : logits;
}

/**
 * Loss of every pixel.
 * @param logits [batch, pixels]
 * @param x [batch, pixels] targets in [0, 1]
 * @returns [batch, pixels]
 */
export function pixelLosses(logits: tf.Tensor2D, x: tf.Tensor2D, spec: LossSpec): tf.Tensor2D {
  if (spec.loss === 'bce') {
    if (spec.outputActivation !== 'sigmoid') throw new Error('binary cross-entropy needs a sigmoid output');
    return tf.add(tf.sub(tf.relu(logits), tf.mul(logits, x)), tf.softplus(tf.neg(tf.abs(logits))));
  }
  return tf.squaredDifference(outputFromLogits(logits, spec), x);
}

/** Mean loss per pixel over the batch: the training objective. Returns a scalar. */
export function meanPixelLoss(logits: tf.Tensor2D, x: tf.Tensor2D, spec: LossSpec): tf.Scalar {
  return tf.mean(pixelLosses(logits, x, spec));
}

/**
 * The L2 penalty on the code: mean over the batch of sum_j z_j², the squared distance of a code
 * from zero. Scalar.
 * @param code [batch, codeSize]
 */
export function codeL2Penalty(code: tf.Tensor2D): tf.Scalar {
  return tf.mean(tf.sum(tf.square(code), 1));
}

/**
 * Sums over the batch, for evaluation in chunks:
 * [sum over images and pixels of the loss, sum over images of the squared error per image].
 * Squared error per image is the sum over pixels of (x - x̂)², on the raw output (not clamped).
 * @returns [2]
 */
export function evaluationSums(logits: tf.Tensor2D, x: tf.Tensor2D, spec: LossSpec): tf.Tensor1D {
  const lossSum = tf.sum(pixelLosses(logits, x, spec));
  // For mse the per-pixel loss already is the squared error.
  const squaredErrorSum =
    spec.loss === 'mse' ? lossSum : tf.sum(tf.squaredDifference(outputFromLogits(logits, spec), x));
  return tf.stack([lossSum, squaredErrorSum]) as tf.Tensor1D;
}

/**
 * Loss per pixel of the constant prediction "the mean image", from per-pixel moments of the
 * training images (E[x], E[x²]): what the untrained decoder scores (its output bias starts at
 * the mean image), and the yardstick for an exploding loss.
 * mse: mean over pixels of E[x²] - m². bce: mean over pixels of -(m log m' + (1 - m) log(1 - m'))
 * with m' = m clamped to [1e-3, 1 - 1e-3] as in outputBiasForMean.
 */
export function meanImageLoss(mean: Float32Array, meanSquare: Float32Array, spec: LossSpec): number {
  let total = 0;
  for (let p = 0; p < mean.length; p++) {
    const m = mean[p];
    if (spec.loss === 'mse') {
      total += Math.max(0, meanSquare[p] - m * m);
    } else {
      const q = Math.min(1 - 1e-3, Math.max(1e-3, m));
      total -= m * Math.log(q) + (1 - m) * Math.log(1 - q);
    }
  }
  return total / mean.length;
}
