/**
 * The variational autoencoder: an MLP encoder that outputs a distribution over codes, a
 * Gaussian q(z | x) = N(mean, diag(exp(logVar))), and a decoder with the MLP autoencoder's
 * shape that turns a code into 784 Bernoulli pixel probabilities.
 *
 *   x [batch, 784] -> encoderLayers... -> h -> mean   [batch, codeSize] (linear head)
 *                                          -> logVar [batch, codeSize] (linear head)
 *   z = mean + exp(logVar / 2) ⊙ ε,  ε ~ N(0, I) drawn fresh each step (reparameterisation:
 *       the randomness is an input, so gradients flow through mean and logVar)
 *   z -> reversed(encoderLayers)... -> 784 logits -> sigmoid
 *
 * Raw tfjs variables and plain functions as in mlp.ts (its dense layers, its fast gradients
 * on wasm). The interface matches MlpAutoencoder where it applies: encode returns the mean
 * (the code a map or a slider shows), decode/decodeLogits take codes, so the grid, the sliders
 * and the trainer can take either model. The objective lives in train/vaeObjective.ts.
 * Model: tensorflow/tfjs-examples fashion-mnist-vae/model.js (encoder, ZLayer, decoder).
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../../settings/choices';
import { createRng, deriveSeed } from '../../data/rng';
import { dense, preferredGradients, type DenseGradients, type DenseLayer } from '../../models/dense';
import { createLayer, denseStack } from '../../models/denseStack';
import type { VaeModelConfig } from './kind';

/** The VAE config fields the model reads. */
export type VaeSpec = Pick<VaeModelConfig, 'encoderLayers' | 'codeSize' | 'hiddenActivation'>;

/** Seed streams of a run's seed (mlp.ts uses 1 for weights, batchOrder.ts 2 for batches). */
const NOISE_STREAM = 3;

/** The encoder's output: the parameters of q(z | x). */
export interface CodeDistribution {
  /** [batch, codeSize] */
  mean: tf.Tensor2D;
  /** [batch, codeSize] natural log of the variance (any real: no positivity constraint needed). */
  logVar: tf.Tensor2D;
}

export interface VariationalAutoencoder {
  readonly config: VaeSpec;
  readonly inputSize: number;
  /** Hidden layers of the encoder, from the input (the two heads come after them). */
  readonly encoderLayers: readonly DenseLayer[];
  /** [lastHidden, codeSize] linear head giving the mean. */
  readonly meanLayer: DenseLayer;
  /** [lastHidden, codeSize] linear head giving the log-variance. */
  readonly logVarLayer: DenseLayer;
  /** codeSize -> reversed(encoderLayers)... -> inputSize, sigmoid last: the MLP decoder's shape. */
  readonly decoderLayers: readonly DenseLayer[];
  /** Every trainable variable, encoder (hidden, mean head, log-variance head) first. */
  readonly variables: tf.Variable[];
  /** [batch, inputSize] pixels in [0, 1] -> mean and log-variance, [batch, codeSize] each. */
  encodeDistribution(x: tf.Tensor2D): CodeDistribution;
  /** [batch, inputSize] -> [batch, codeSize] the mean of q(z | x): the deterministic code. */
  encode(x: tf.Tensor2D): tf.Tensor2D;
  /** [batch, codeSize] codes -> [batch, inputSize] logits of the pixel probabilities. */
  decodeLogits(code: tf.Tensor2D): tf.Tensor2D;
  /** [batch, codeSize] codes -> [batch, inputSize] pixel probabilities in (0, 1). */
  decode(code: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

/**
 * Builds the VAE with seeded Glorot-uniform weights (same seed, same network on every
 * backend). The log-variance head starts near 0 (variance ~1 at first, like the prior).
 * @param inputSize pixels per image; 784 for MNIST
 * @param outputBias [inputSize] initial output bias (outputBiasForMean in mlp.ts): the
 *   untrained decoder then draws the mean training image
 * @param gradients how the dense layers' backward passes run (dense.ts); fastest by default
 */
export function createVae(
  config: VaeSpec,
  seed: number,
  inputSize: number = IMAGE_SIZE,
  outputBias?: Float32Array,
  gradients: DenseGradients = preferredGradients(),
): VariationalAutoencoder {
  if (outputBias && outputBias.length !== inputSize) {
    throw new RangeError(`output bias has ${outputBias.length} values; the output has ${inputSize}`);
  }
  // One seed stream, in this order: hidden layers, the mean head, the log-variance head, decoder.
  const rng = createRng(deriveSeed(seed, 1));
  const { codeSize, hiddenActivation: hidden } = config;
  const widths = [inputSize, ...config.encoderLayers];
  const encoder = denseStack(widths, () => hidden, rng, { gradients });
  const lastHidden = widths[widths.length - 1];
  const meanLayer = createLayer(lastHidden, codeSize, 'linear', rng);
  const logVarLayer = createLayer(lastHidden, codeSize, 'linear', rng);
  const back = [codeSize, ...[...config.encoderLayers].reverse(), inputSize];
  const decoder = denseStack(back, (_, last) => (last ? 'sigmoid' : hidden), rng, { gradients, outputBias });
  const heads = [meanLayer, logVarLayer].flatMap((l) => [l.kernel, l.bias] as tf.Variable[]);
  const variables = [...encoder.variables, ...heads, ...decoder.variables];

  const hiddenCode = (x: tf.Tensor2D): tf.Tensor2D => encoder.run(x, { inputNeedsGradient: false });
  // With no hidden layer the heads read the data itself, which needs no gradient.
  const headOptions = { gradients, xNeedsGradient: encoder.layers.length > 0 };
  const encodeDistribution = (x: tf.Tensor2D): CodeDistribution => {
    const h = hiddenCode(x);
    return { mean: dense(h, meanLayer, 'linear', headOptions), logVar: dense(h, logVarLayer, 'linear', headOptions) };
  };
  return {
    config,
    inputSize,
    encoderLayers: encoder.layers,
    meanLayer,
    logVarLayer,
    decoderLayers: decoder.layers,
    variables,
    encodeDistribution,
    encode: (x) => dense(hiddenCode(x), meanLayer, 'linear', headOptions),
    decodeLogits: (code) => decoder.run(code, { logits: true }),
    decode: (code) => decoder.run(code),
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}

/**
 * The reparameterised sample z = mean + exp(logVar / 2) ⊙ ε: differentiable in mean
 * (dz/dmean = 1) and logVar (dz/dlogVar = exp(logVar / 2) ε / 2); ε carries the randomness.
 * @param epsilon [batch, codeSize] standard normal draws
 * @returns [batch, codeSize]
 */
export function reparameterise(mean: tf.Tensor2D, logVar: tf.Tensor2D, epsilon: tf.Tensor2D): tf.Tensor2D {
  return tf.add(mean, tf.mul(tf.exp(tf.mul(logVar, 0.5)), epsilon)) as tf.Tensor2D;
}

/**
 * Standard normal ε for one training step: [batch, codeSize], the same for the same (seed,
 * step) on every backend (tfjs draws seeded normals in JS and uploads them), different from
 * step to step. A restored run at step k therefore continues with the noise it would have had.
 */
export function stepNoise(seed: number, step: number, batch: number, codeSize: number): tf.Tensor2D {
  return tf.randomNormal([batch, codeSize], 0, 1, 'float32', deriveSeed(deriveSeed(seed, NOISE_STREAM), step));
}
