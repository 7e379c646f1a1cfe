/**
 * The VQ-VAE (vector-quantised autoencoder): the code of an image is a row of discrete indices
 * into a learned codebook, as in the lecture's "discrete representation".
 *
 *   x [batch, 784] -> encoderLayers... -> z_e [batch, positions x codeDim] (linear)
 *   at each position: k = argmin_j |z_e - e_j|², z_q = e_k     (codebook e [K, codeDim])
 *   decoder input = z_e + stopGradient(z_q - z_e)   (straight-through: the value is z_q, the
 *       gradient of the reconstruction is copied to z_e, since argmin has none)
 *   -> reversed(encoderLayers)... -> 784 logits -> sigmoid
 *
 * The codebook learns only from the codebook loss |stopGradient(z_e) - z_q|² and the encoder
 * is held near its codes by the commitment loss (train/vqObjective.ts). Raw variables and the
 * dense layers of mlp.ts; decode/decodeLogits take the quantised code [batch, positions x
 * codeDim], decodeIndices takes indices, so a view can edit a digit's indices and decode them.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../../settings/choices';
import { createRng, deriveSeed } from '../../data/rng';
import { preferredGradients, type DenseGradients, type DenseLayer } from '../../models/dense';
import { denseStack } from '../../models/denseStack';
import { vqCodeDim, type VqModelConfig } from './kind';

/** Identity forward, zero gradient: the paper's sg[·]. */
export const stopGradient = tf.customGrad(((x: tf.Tensor) => ({
  value: tf.clone(x),
  gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
})) as unknown as Parameters<typeof tf.customGrad>[0]) as <T extends tf.Tensor>(x: T) => T;

/**
 * The straight-through estimator: the value of zQ, with the gradient passed unchanged to zE
 * (and none to zQ). Same as zE + stopGradient(zQ - zE), without its rounding.
 * @param zE [n, d] encoder outputs  @param zQ [n, d] their nearest codes
 */
export const straightThrough = tf.customGrad(((_zE: tf.Tensor, zQ: tf.Tensor) => ({
  value: tf.clone(zQ),
  gradFunc: (dy: tf.Tensor) => [dy, tf.zerosLike(dy)],
})) as unknown as Parameters<typeof tf.customGrad>[0]) as (zE: tf.Tensor2D, zQ: tf.Tensor2D) => tf.Tensor2D;

/**
 * Nearest-code quantisation of vectors against a codebook.
 * @param z [n, d] vectors  @param codebook [K, d]
 * @returns indices [n] int32 (argmin of the squared distance) and zQ [n, d] = codebook rows
 *   at those indices, as oneHot x codebook so the codebook's gradient is a plain product
 */
export function quantise(z: tf.Tensor2D, codebook: tf.Tensor2D): { indices: tf.Tensor1D; zQ: tf.Tensor2D } {
  return tf.tidy(() => {
    // |z - e|² = |z|² - 2 z·e + |e|²; |z|² is the same for every code, so it is left out.
    const distances = tf.sub(
      tf.sum(tf.square(codebook), 1),
      tf.mul(2, tf.matMul(z, tf.transpose(codebook))),
    ) as tf.Tensor2D;
    const indices = tf.argMin(distances, 1) as tf.Tensor1D;
    const zQ = tf.matMul(tf.oneHot(indices, codebook.shape[0]), codebook) as tf.Tensor2D;
    return { indices, zQ };
  });
}

/** The VQ-VAE config fields the model reads (commitment: its objective, vqObjective.ts). */
export type VqSpec = Pick<VqModelConfig, 'encoderLayers' | 'hiddenActivation' | 'codeSize' | 'vqPositions' | 'codebookSize' | 'commitment'>;

export interface VqAutoencoder {
  readonly config: VqSpec;
  /** Numbers per codebook vector: codeSize / vqPositions. */
  readonly codeDim: number;
  readonly inputSize: number;
  readonly encoderLayers: readonly DenseLayer[];
  /** [codebookSize, codeDim] the codebook vectors e_k. */
  readonly codebook: tf.Variable<tf.Rank.R2>;
  readonly decoderLayers: readonly DenseLayer[];
  /** Every trainable variable: encoder, codebook, decoder. */
  readonly variables: tf.Variable[];
  /** [batch, 784] -> z_e [batch, positions x codeDim], before quantisation. */
  encodeContinuous(x: tf.Tensor2D): tf.Tensor2D;
  /**
   * z_e [batch, positions x codeDim] -> indices [batch, positions] int32 and the quantised
   * code zQ [batch, positions x codeDim].
   */
  quantise(zE: tf.Tensor2D): { indices: tf.Tensor2D; zQ: tf.Tensor2D };
  /** [batch, 784] -> [batch, positions x codeDim] the quantised code (decode takes it). */
  encode(x: tf.Tensor2D): tf.Tensor2D;
  /** [batch, 784] -> [batch, positions] int32 code indices. */
  encodeIndices(x: tf.Tensor2D): tf.Tensor2D;
  /** [batch, positions x codeDim] code -> [batch, 784] logits. */
  decodeLogits(code: tf.Tensor2D): tf.Tensor2D;
  /** [batch, positions x codeDim] code -> [batch, 784] pixel probabilities. */
  decode(code: tf.Tensor2D): tf.Tensor2D;
  /** [batch, positions] int32 indices in 0..K-1 -> [batch, 784] pixel probabilities. */
  decodeIndices(indices: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

/**
 * Builds the VQ-VAE with seeded Glorot-uniform layers and a codebook drawn uniformly from
 * (-1/K, 1/K) (the VQ-VAE reference initialisation; codes the encoder never picks are reset
 * from encoder outputs, engine.ts resetDeadCodesOnDevice).
 * @param outputBias [inputSize] initial output bias (outputBiasForMean in mlp.ts)
 */
export function createVq(
  config: VqSpec,
  seed: number,
  inputSize: number = IMAGE_SIZE,
  outputBias?: Float32Array,
  gradients: DenseGradients = preferredGradients(),
): VqAutoencoder {
  if (outputBias && outputBias.length !== inputSize) {
    throw new RangeError(`output bias has ${outputBias.length} values; the output has ${inputSize}`);
  }
  const rng = createRng(deriveSeed(seed, 1));
  const { vqPositions: positions, codebookSize: K, hiddenActivation: hidden } = config;
  const codeDim = vqCodeDim(config);
  const codeWidth = positions * codeDim;
  const widths = [inputSize, ...config.encoderLayers, codeWidth];
  // One seed stream, in this order: encoder layers, the codebook, decoder layers.
  const encoder = denseStack(widths, (_, last) => (last ? 'linear' : hidden), rng, { gradients });
  const initial = Float32Array.from({ length: K * codeDim }, () => (2 * rng() - 1) / K);
  const codebook = tf.tidy(() => tf.variable(tf.tensor2d(initial, [K, codeDim]), true));
  const decoder = denseStack([...widths].reverse(), (_, last) => (last ? 'sigmoid' : hidden), rng, { gradients, outputBias });
  const variables = [...encoder.variables, codebook, ...decoder.variables];

  const encodeContinuous = (x: tf.Tensor2D): tf.Tensor2D => encoder.run(x, { inputNeedsGradient: false });
  const quantiseCode = (zE: tf.Tensor2D) => {
    const batch = zE.shape[0];
    const q = quantise(tf.reshape(zE, [batch * positions, codeDim]), codebook);
    return { indices: tf.reshape(q.indices, [batch, positions]) as tf.Tensor2D, zQ: tf.reshape(q.zQ, [batch, codeWidth]) as tf.Tensor2D };
  };
  return {
    config,
    codeDim,
    inputSize,
    encoderLayers: encoder.layers,
    codebook,
    decoderLayers: decoder.layers,
    variables,
    encodeContinuous,
    quantise: quantiseCode,
    encode: (x) => quantiseCode(encodeContinuous(x)).zQ,
    encodeIndices: (x) => quantiseCode(encodeContinuous(x)).indices,
    decodeLogits: (code) => decoder.run(code, { logits: true }),
    decode: (code) => decoder.run(code),
    decodeIndices: (indices) => {
      const batch = indices.shape[0];
      const zQ = tf.gather(codebook, tf.reshape(indices, [batch * positions]).toInt());
      return decoder.run(tf.reshape(zQ, [batch, codeWidth]) as tf.Tensor2D);
    },
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}
