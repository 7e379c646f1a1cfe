/**
 * The VAE's prior N(0, I) as the views need it: the latent grid at the prior's quantiles, and
 * codes drawn from it for the "sample" button. Codes come out as plain Float32Arrays
 * [n, codeSize] (what crosses the worker boundary); decoding a whole grid is one batched call.
 */
import * as tf from '@tensorflow/tfjs';
import { samplePrior } from '../../models/priorCodes';

export { priorQuantileGrid, probit, samplePrior } from '../../models/priorCodes';

/**
 * Decodes `count` codes drawn from the prior, in one batched call.
 * @param decode the model's decode ([n, codeSize] codes -> [n, 784] pixel probabilities)
 * @returns the codes [count, codeSize] and the images [count, 784] tensor (the caller's)
 */
export function decodePriorSamples(
  decode: (code: tf.Tensor2D) => tf.Tensor2D,
  count: number,
  codeSize: number,
  seed: number,
): { codes: Float32Array; images: tf.Tensor2D } {
  const codes = samplePrior(count, codeSize, seed);
  const images = tf.tidy(() => decode(tf.tensor2d(codes, [count, codeSize])));
  return { codes, images };
}
