/**
 * The contractive autoencoder's penalty and its measurement.
 *
 * Penalty: the squared Frobenius norm of the encoder's Jacobian J = dz/dx ([codeSize, 784]) per
 * digit, mean over the batch. In closed form for the lab's encoder with one hidden layer,
 * h = f(x W1 + b1) (W1 [784, H]) and a linear code z = h W2 + b2 (W2 [H, C]):
 *   J = W2ᵀ diag(d) W1ᵀ with d = f'(x W1 + b1) [H], so
 *   ||J||²_F = Σ_{c,i} (Σ_h W2[h,c] d_h W1[i,h])² = dᵀ G d,  G = (W2 W2ᵀ) ⊙ (W1ᵀ W1)  [H, H].
 * The batch costs one [H, H] matrix (784 H² + C H² multiply-adds) and B H² more. Without hidden
 * layers z = x W + b: J = Wᵀ for every digit, ||J||² = ||W||²_F. Deeper encoders are refused by
 * the config schema: tfjs has no second-order gradients through the lab's custom dense layers.
 *
 * Measurement (sensitivity): how far the code moves under a small input perturbation,
 * mean over test digits of ||z(x + ε) - z(x)|| / ||ε||, ε ~ N(0, s²) per pixel (not clipped:
 * a probe of the function, not an image), one fixed draw. For small s it is about
 * ||J ε|| / ||ε|| ≈ ||J||_F / √784. A code can also be small everywhere (a shrunken code
 * moves little in absolute terms), so the lab also reports it relative to the spread of the
 * codes (their RMS distance from the mean code): how much a digit's code moves compared with
 * how far apart different digits' codes lie.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerActivation } from '../../models/dense';
import type { MlpAutoencoder } from './model';

/** Per-pixel standard deviation of the probing perturbation (pixels in [0, 1]). */
export const PROBE_SCALE = 0.01;
/** Seed of the probing perturbation: the same probe for every run. */
export const PROBE_SEED = 20_110_628;

/**
 * f'(z) from the layer's output y = f(z), elementwise (as dense.ts's backward pass).
 * @param y [batch, H]
 */
export function activationSlope(y: tf.Tensor2D, activation: LayerActivation): tf.Tensor2D {
  switch (activation) {
    case 'linear':
      return tf.onesLike(y);
    case 'relu':
      return tf.step(y) as tf.Tensor2D;
    case 'sigmoid':
      return tf.mul(y, tf.sub(1, y)) as tf.Tensor2D;
    case 'tanh':
      return tf.sub(1, tf.square(y)) as tf.Tensor2D;
    case 'elu':
      return tf.where(tf.greater(y, 0), tf.onesLike(y), tf.add(y, 1)) as tf.Tensor2D;
  }
}

/**
 * ||dz/dx||²_F for each digit of a batch. Call inside a tidy (or a gradient tape).
 * @param layers the encoder's outputs from model.encodeLayers(x): [hidden [B, H], code [B, C]]
 *   or [code [B, C]] without hidden layers
 * @returns [B]
 */
export function jacobianNormSquared(model: MlpAutoencoder, layers: tf.Tensor2D[]): tf.Tensor1D {
  const enc = model.encoderLayers;
  if (enc.length === 1) {
    return tf.mul(tf.ones([layers[0].shape[0]]), tf.sum(tf.square(enc[0].kernel))) as tf.Tensor1D;
  }
  if (enc.length !== 2) throw new Error('The contractive penalty needs an encoder with at most one hidden layer.');
  const [w1, w2] = [enc[0].kernel, enc[1].kernel];
  const d = activationSlope(layers[0], enc[0].activation); // [B, H]
  // G = (W2 W2ᵀ) ⊙ (W1ᵀ W1): [H, H]
  const g = tf.mul(tf.matMul(w2, w2, false, true), tf.matMul(w1, w1, true, false));
  return tf.sum(tf.mul(tf.matMul(d, g), d), 1) as tf.Tensor1D;
}

/**
 * The penalty for training: mean over the batch of ||dz/dx||²_F, differentiable in the weights.
 * Without hidden layers it is ||W||²_F (the same for every digit). Scalar.
 */
export function contractivePenalty(model: MlpAutoencoder, layers: tf.Tensor2D[]): tf.Scalar {
  if (model.encoderLayers.length === 1) return tf.sum(tf.square(model.encoderLayers[0].kernel));
  return tf.mean(jacobianNormSquared(model, layers));
}

/**
 * Sums for the sensitivity measurement over a chunk of clean digits x [n, 784]:
 * [Σ ||z(x+ε) - z(x)|| / ||ε||, Σ ||J||_F, Σ ||z - z̄_chunk||²]. Call inside a tidy.
 * @returns [3]
 */
export function sensitivitySums(model: MlpAutoencoder, x: tf.Tensor2D, seed: number, scale = PROBE_SCALE): tf.Tensor1D {
  const eps = tf.randomNormal(x.shape, 0, scale, 'float32', seed) as tf.Tensor2D;
  const layers = model.encodeLayers(x);
  const z = layers[layers.length - 1];
  const moved = tf.sub(model.encode(tf.add(x, eps) as tf.Tensor2D), z);
  const ratio = tf.div(tf.norm(moved, 'euclidean', 1), tf.norm(eps, 'euclidean', 1));
  const jacobian = model.encoderLayers.length <= 2 ? tf.sum(tf.sqrt(jacobianNormSquared(model, layers))) : tf.scalar(Number.NaN);
  const spread = tf.sum(tf.square(tf.sub(z, tf.mean(z, 0))));
  return tf.stack([tf.sum(ratio), jacobian, spread]) as tf.Tensor1D;
}

export interface SensitivityScores {
  /** Mean over digits of ||z(x+ε) - z(x)|| / ||ε||: code units per unit of input change. */
  sensitivity: number;
  /** Mean over digits of ||dz/dx||_F (closed form; NaN for encoders deeper than one hidden layer). */
  jacobianNorm: number;
  /** RMS distance of the codes from their mean code, code units. */
  codeSpread: number;
  /** sensitivity / codeSpread, per unit of input change. */
  relativeSensitivity: number;
  count: number;
}

/** Turns the sums of sensitivitySums over `count` digits into scores. */
export function sensitivityScores(sums: ArrayLike<number>, count: number): SensitivityScores {
  const sensitivity = sums[0] / count;
  const codeSpread = Math.sqrt(sums[2] / count);
  return { sensitivity, jacobianNorm: sums[1] / count, codeSpread, relativeSensitivity: sensitivity / codeSpread, count };
}
