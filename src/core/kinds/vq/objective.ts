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
 * One optimizer step (call it inside a tidy).
 * @returns terms [3] (reconstruction, codebook, commitment; before the update) and usage [K];
 *   both kept (tf.keep): the caller owns them and must dispose them
 */
export function vqStep(
  model: VqAutoencoder,
  optimizer: tf.Optimizer,
  x: tf.Tensor2D,
): { terms: tf.Tensor1D; usage: tf.Tensor1D } {
  let out: { terms: tf.Tensor1D; usage: tf.Tensor1D } | undefined;
  optimizer.minimize(
    () => {
      const t = vqTerms(model, x);
      out = {
        terms: tf.keep(tf.stack([t.reconstruction, t.codebook, t.commitment]) as tf.Tensor1D),
        usage: tf.keep(t.usage),
      };
      return t.objective;
    },
    false,
    model.variables,
  );
  return out!;
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

/**
 * Moves every code that was never picked (count 0) onto an encoder output, so it takes part
 * again (the codebook loss only ever moves codes that are picked: a dead code stays dead).
 * @param counts [K] usage since the previous reset (read from the device)
 * @param candidates [m, codeDim] encoder outputs z_e (one row per position of some images)
 * @param rng seeded uniform numbers; picks which candidate each dead code takes
 * @returns the indices of the codes that were reset
 */
export function resetDeadCodes(
  model: VqAutoencoder,
  counts: ArrayLike<number>,
  candidates: tf.Tensor2D,
  rng: () => number,
): number[] {
  const K = model.config.codebookSize;
  const dead: number[] = [];
  for (let k = 0; k < K; k++) if (counts[k] === 0) dead.push(k);
  if (dead.length === 0) return dead;
  const m = candidates.shape[0];
  const pick = new Int32Array(K);
  const isDead = new Float32Array(K);
  for (const k of dead) {
    pick[k] = Math.floor(rng() * m);
    isDead[k] = 1;
  }
  tf.tidy(() => {
    const replacement = tf.gather(candidates, tf.tensor1d(pick, 'int32'));
    const mask = tf.tensor2d(isDead, [K, 1]);
    // mask x replacement + (1 - mask) x codebook, row by row.
    model.codebook.assign(tf.add(tf.mul(mask, replacement), tf.mul(tf.sub(1, mask), model.codebook)) as tf.Tensor2D);
  });
  return dead;
}
