/**
 * The VQ-VAE's objective, per image (van den Oord et al. 2017, eq. 3):
 *
 *   reconstruction = BCE summed over the 784 pixels (nats), decoded from the straight-through code
 *   codebook loss  = |stopGradient(z_e) - z_q|²   summed over the code: moves the codes to the encoder
 *   commitment     = |z_e - stopGradient(z_q)|²   summed over the code: keeps the encoder near its codes
 *   objective      = mean over the batch of reconstruction + codebook + commitmentWeight x commitment
 *
 * and codebook usage: how often each code is picked, the perplexity exp(entropy of that
 * usage) (1 = one code does everything, K = all codes equally), and the reset of dead codes.
 */
import * as tf from '@tensorflow/tfjs';
import { stopGradient, straightThrough, type VqAutoencoder } from './model';
import { reconstructionNats } from '../vae/objective';

export interface VqTerms {
  /** Scalar: what the optimizer minimises. */
  objective: tf.Scalar;
  /** Scalars, means over the batch, per image. */
  reconstruction: tf.Scalar;
  codebook: tf.Scalar;
  commitment: tf.Scalar;
  /** [K] how many of the batch's batch x positions code slots picked each code. */
  usage: tf.Tensor1D;
}

/** Encodes, quantises, decodes and scores one batch. @param x [batch, 784] */
export function vqTerms(model: VqAutoencoder, x: tf.Tensor2D): VqTerms {
  const zE = model.encodeContinuous(x);
  const { indices, zQ } = model.quantise(zE);
  const reconstruction = tf.mean(reconstructionNats(model.decodeLogits(straightThrough(zE, zQ)), x)) as tf.Scalar;
  const codebook = tf.mean(tf.sum(tf.squaredDifference(stopGradient(zE), zQ), 1)) as tf.Scalar;
  const commitment = tf.mean(tf.sum(tf.squaredDifference(zE, stopGradient(zQ)), 1)) as tf.Scalar;
  const objective = tf.addN([reconstruction, codebook, tf.mul(model.config.commitment, commitment)]) as tf.Scalar;
  const usage = codeUsage(indices, model.config.codebookSize);
  return { objective, reconstruction, codebook, commitment, usage };
}

/** @param indices any shape, int32 in 0..K-1  @returns [K] counts (int32: a one-hot sum; cast before dividing) */
export function codeUsage(indices: tf.Tensor, codebookSize: number): tf.Tensor1D {
  return tf.tidy(() => tf.sum(tf.oneHot(tf.reshape(indices, [-1]).toInt(), codebookSize), 0) as tf.Tensor1D);
}

/**
 * exp of the entropy (nats) of the usage distribution: the effective number of codes in use.
 * @param counts [K] how often each code was picked
 * @returns 1..K; NaN when nothing was counted
 */
export function perplexity(counts: ArrayLike<number>): number {
  let total = 0;
  for (let k = 0; k < counts.length; k++) total += counts[k];
  if (total <= 0) return Number.NaN;
  let entropy = 0;
  for (let k = 0; k < counts.length; k++) {
    const p = counts[k] / total;
    if (p > 0) entropy -= p * Math.log(p);
  }
  return Math.exp(entropy);
}
