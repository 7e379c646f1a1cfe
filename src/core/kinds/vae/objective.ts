/**
 * The VAE's objective in nats per image, and its evaluation.
 *
 *   reconstruction(x) = -log p(x | z) = sum over the 784 pixels of BCE(x, sigmoid(logits(z)))
 *   KL(x) = KL(q(z | x) || N(0, I)) = 1/2 sum over the code of (exp(logVar) + mean² - 1 - logVar)
 *   ELBO(x) = -(reconstruction + KL)     (a lower bound on log p(x), in nats)
 *   training objective = mean over the batch of (reconstruction + β KL)
 *
 * The reconstruction term is a one-sample estimate at z = mean + exp(logVar / 2) ε. With
 * greyscale targets in [0, 1] (the lab does not binarise MNIST) the BCE of a pixel is at least
 * its binary entropy, not 0, so these ELBOs compare with Keras's greyscale VAE example, not
 * directly with papers on binarised MNIST.
 */
import * as tf from '@tensorflow/tfjs';
import { deriveSeed } from '../../data/rng';
import { reparameterise, type VariationalAutoencoder } from './model';
import { pixelLosses } from '../../train/losses';

/** Seed stream of the evaluation noise (the training noise uses stream 3, vae.ts). */
const EVAL_NOISE_STREAM = 4;
const BERNOULLI = { loss: 'bce', outputActivation: 'sigmoid' } as const;

/**
 * KL divergence of each image's Gaussian q(z | x) from the prior N(0, I), closed form.
 * @param mean [batch, codeSize]  @param logVar [batch, codeSize]
 * @returns [batch] nats; exactly 0 where mean = 0 and logVar = 0
 */
export function klToPrior(mean: tf.Tensor2D, logVar: tf.Tensor2D): tf.Tensor1D {
  return tf.mul(0.5, tf.sum(tf.sub(tf.add(tf.exp(logVar), tf.square(mean)), tf.add(1, logVar)), 1)) as tf.Tensor1D;
}

/**
 * Bernoulli negative log-likelihood of each image: BCE from the logits, summed over pixels.
 * @param logits [batch, 784]  @param x [batch, 784] targets in [0, 1]
 * @returns [batch] nats
 */
export function reconstructionNats(logits: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor1D {
  return tf.sum(pixelLosses(logits, x, BERNOULLI), 1) as tf.Tensor1D;
}

/** The two terms of a batch, means over its images, nats per image. */
export interface VaeTerms {
  /** Scalar: mean of reconstruction + β KL, what the optimizer minimises. */
  objective: tf.Scalar;
  /** Scalar: mean reconstruction term. */
  reconstruction: tf.Scalar;
  /** Scalar: mean KL term. */
  kl: tf.Scalar;
}

/**
 * Encodes, samples with the given noise, decodes and scores one batch.
 * @param x [batch, 784]  @param epsilon [batch, codeSize] standard normal draws
 * @param beta weight of the KL term in the objective
 */
export function vaeTerms(model: VariationalAutoencoder, x: tf.Tensor2D, epsilon: tf.Tensor2D, beta: number): VaeTerms {
  const { mean, logVar } = model.encodeDistribution(x);
  const z = reparameterise(mean, logVar, epsilon);
  const reconstruction = tf.mean(reconstructionNats(model.decodeLogits(z), x)) as tf.Scalar;
  const kl = tf.mean(klToPrior(mean, logVar)) as tf.Scalar;
  const objective = beta === 0 ? reconstruction : (tf.add(reconstruction, tf.mul(beta, kl)) as tf.Scalar);
  return { objective, reconstruction, kl };
}

/** Test figures, nats per image, averaged over the images evaluated. */
export interface VaeEvaluation {
  reconstruction: number;
  kl: number;
  /** -(reconstruction + KL): the evidence lower bound (β plays no part in it). */
  elbo: number;
  count: number;
}

/** Images per evaluation chunk: bounds the device memory one evaluation needs. */
const EVAL_CHUNK = 1000;

/**
 * The ELBO of a set of images, one seeded sample of z per image (the same noise for the same
 * seed, so two models or two checkpoints are scored on equal terms). One small read per chunk.
 * @param images [count, 784] pixels in [0, 1]
 * @param options.samples z samples per image averaged in the reconstruction term (default 1)
 */
export async function evaluateVae(
  model: VariationalAutoencoder,
  images: Float32Array,
  count: number,
  options: { seed?: number; samples?: number } = {},
): Promise<VaeEvaluation> {
  const width = model.inputSize;
  if (!Number.isInteger(count) || count <= 0 || images.length < count * width) {
    throw new RangeError(`expected ${count} images of ${width} pixels, got ${images.length} values`);
  }
  const samples = options.samples ?? 1;
  const seed = deriveSeed(options.seed ?? 0, EVAL_NOISE_STREAM);
  const codeSize = model.config.codeSize;
  let reconstruction = 0;
  let kl = 0;
  for (let start = 0; start < count; start += EVAL_CHUNK) {
    const n = Math.min(EVAL_CHUNK, count - start);
    const sums = tf.tidy(() => {
      const x = tf.tensor2d(images.subarray(start * width, (start + n) * width), [n, width]);
      const { mean, logVar } = model.encodeDistribution(x);
      let rec: tf.Tensor = tf.scalar(0);
      for (let s = 0; s < samples; s++) {
        const epsilon = tf.randomNormal([n, codeSize], 0, 1, 'float32', deriveSeed(seed, start * samples + s));
        const z = reparameterise(mean, logVar, epsilon as tf.Tensor2D);
        rec = tf.add(rec, tf.sum(reconstructionNats(model.decodeLogits(z), x)));
      }
      return tf.stack([tf.div(rec, samples), tf.sum(klToPrior(mean, logVar))]);
    });
    const values = await sums.data();
    sums.dispose();
    reconstruction += values[0];
    kl += values[1];
  }
  reconstruction /= count;
  kl /= count;
  return { reconstruction, kl, elbo: -(reconstruction + kl), count };
}
