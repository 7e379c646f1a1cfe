/**
 * The denoising autoencoder's input corruption and its measurement.
 *
 * Training: each batch is corrupted afresh (a new seeded draw every step) and the model is asked
 * for the clean digit: loss(decode(encode(corrupt(x))), x). It cannot copy its input, so it has
 * to learn what digits look like.
 *
 * Measurement: PSNR (peak signal-to-noise ratio) in dB against the clean digit, pixels in [0, 1]
 * (peak 1): PSNR = 10 log10(1 / MSE), with MSE the mean over all pixels of all measured test
 * digits (one pooled MSE, not a mean of per-image PSNRs: a nearly blank digit would give one
 * huge per-image value). Measured for the noisy input and for the model's output; the test
 * noise is drawn once from a fixed seed, so every measurement of every run sees the same noisy
 * digits.
 */
import * as tf from '@tensorflow/tfjs';
import type { MlpModelConfig } from '../config';

type NoiseSpec = Pick<MlpModelConfig, 'noise' | 'noiseLevel'>;

/** Seed of the test digits' noise: the same noisy digits for every run and seed. */
export const TEST_NOISE_SEED = 20_161_114;

/**
 * Corrupts a batch of images. Call inside a tf.tidy.
 * - gaussian: clip(x + σ n, 0, 1), n ~ N(0, 1) per pixel, σ = noiseLevel;
 * - saltPepper: each pixel with probability p/2 set to 1, with p/2 to 0 (p = noiseLevel);
 * - mask: each pixel with probability p set to 0 (blanked, as BERT masks words).
 * @param x [batch, pixels] in [0, 1]
 * @param seed a 32-bit seed: the same seed gives the same noise on every backend's tfjs
 * @returns [batch, pixels] in [0, 1] (x itself for 'none')
 */
export function corrupt(x: tf.Tensor2D, spec: NoiseSpec, seed: number): tf.Tensor2D {
  const p = spec.noiseLevel;
  switch (spec.noise) {
    case 'none':
      return x;
    case 'gaussian':
      return tf.clipByValue(tf.add(x, tf.randomNormal(x.shape, 0, p, 'float32', seed)), 0, 1) as tf.Tensor2D;
    case 'saltPepper': {
      const u = tf.randomUniform(x.shape, 0, 1, 'float32', seed);
      const salted = tf.where(tf.less(u, p / 2), tf.onesLike(x), x);
      return tf.where(tf.logicalAnd(tf.greaterEqual(u, p / 2), tf.less(u, p)), tf.zerosLike(x), salted) as tf.Tensor2D;
    }
    case 'mask': {
      const keep = tf.cast(tf.greaterEqual(tf.randomUniform(x.shape, 0, 1, 'float32', seed), p), 'float32');
      return tf.mul(x, keep) as tf.Tensor2D;
    }
  }
}

/** 10 log10(1 / mse) in dB for pixels in [0, 1]; Infinity for a perfect match. */
export function psnrFromMse(mse: number): number {
  return 10 * Math.log10(1 / mse);
}

export interface DenoisingScores {
  /** PSNR of the noisy input against the clean digit, dB. */
  noisyPsnr: number;
  /** PSNR of the model's output (for the noisy input) against the clean digit, dB. */
  outputPsnr: number;
  /** Test digits measured. */
  count: number;
}

/** A model's reconstruction [n, pixels] -> [n, pixels] in its output activation (a conv decoder uses the input's switches). */
export interface Reconstructor {
  reconstruct(x: tf.Tensor2D): tf.Tensor2D;
}

/**
 * [sum over pixels of (noisy - clean)², sum of (output - clean)²] for one chunk. The output is
 * clamped to [0, 1] (a linear output may overshoot; pixels live in [0, 1]). Call inside a tidy.
 * @param clean [n, pixels]
 * @returns [2]
 */
export function denoisingSums(model: Reconstructor, clean: tf.Tensor2D, spec: NoiseSpec, seed: number): tf.Tensor1D {
  const noisy = corrupt(clean, spec, seed);
  const output = tf.clipByValue(model.reconstruct(noisy), 0, 1);
  return tf.stack([tf.sum(tf.squaredDifference(noisy, clean)), tf.sum(tf.squaredDifference(output, clean))]) as tf.Tensor1D;
}

/**
 * The noisy inputs and the model's outputs for a few clean digits (the panel's rows), with the
 * test noise. Call inside a tidy.
 * @param clean [n, pixels]
 * @returns [2n, pixels]: rows 0..n-1 noisy, rows n..2n-1 denoised (in [0, 1])
 */
export function denoisingRows(model: Reconstructor, clean: tf.Tensor2D, spec: NoiseSpec, seed: number): tf.Tensor2D {
  const noisy = corrupt(clean, spec, seed);
  return tf.concat([noisy, tf.clipByValue(model.reconstruct(noisy), 0, 1)], 0);
}
