/**
 * The multilayer-perceptron autoencoder: raw tfjs variables and two plain functions, an
 * encoder (image -> code) and a decoder (code -> image), so the decoder alone serves the
 * latent grid, the sliders and clicks on the map.
 *
 * 784 -> encoderLayers... -> codeSize (the bottleneck; linear unless config.codeActivation says
 * relu or sigmoid, as a sparse code needs) -> reversed(encoderLayers)... -> 784.
 * Raw variables rather than tf.layers keep the two halves separate and let the trainer run a
 * whole step inside one tf.tidy. Layers use tf.fused.matMul (matrix product + bias +
 * activation in one kernel where the backend and the activation allow it); on wasm their
 * gradients avoid the transposed products (dense.ts says why).
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, type CodeActivation, type HiddenActivation, type OutputActivation } from '../settings/choices';
import { createRng, deriveSeed } from '../data/rng';
import { dense, preferredGradients, type DenseGradients, type DenseLayer, type LayerActivation } from './dense';

export type { DenseLayer, LayerActivation } from './dense';

/**
 * Glorot (Xavier) uniform initial weights: U(-l, l) with l = sqrt(6 / (fanIn + fanOut)),
 * drawn from a seeded RNG so the same seed gives the same network on every backend.
 * @returns [fanIn, fanOut] row-major
 */
export function glorotUniform(fanIn: number, fanOut: number, rng: () => number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const w = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < w.length; i++) w[i] = (2 * rng() - 1) * limit;
  return w;
}

/** One dense layer with seeded Glorot-uniform weights; bias zeros unless given ([fanOut]). */
export function createLayer(
  fanIn: number,
  fanOut: number,
  activation: LayerActivation,
  rng: () => number,
  bias?: Float32Array,
): DenseLayer {
  const weights = glorotUniform(fanIn, fanOut, rng);
  // tidy frees the initial-value tensors; the variables keep their own reference.
  return tf.tidy(() => ({
    kernel: tf.variable(tf.tensor2d(weights, [fanIn, fanOut]), true),
    bias: tf.variable(bias ? tf.tensor1d(bias) : tf.zeros<tf.Rank.R1>([fanOut]), true),
    activation,
  }));
}

/**
 * The output bias that makes an untrained decoder output the mean training image (instead of
 * 0.5 everywhere), so training starts at the mean image's error rather than far above it.
 * @param meanImage [pixels] mean pixel values in [0, 1]
 * @returns [pixels]: logit(mean) for a sigmoid output (clamped away from 0 and 1), else the mean
 */
export function outputBiasForMean(meanImage: Float32Array, output: OutputActivation): Float32Array {
  if (output === 'linear') return Float32Array.from(meanImage);
  const eps = 1e-3;
  return meanImage.map((m) => {
    const p = Math.min(1 - eps, Math.max(eps, m));
    return Math.log(p / (1 - p));
  });
}

/** The fields the dense autoencoder's shape reads (the dense kind's, the adversarial's, the text model's). */
export interface DenseAutoencoderSpec {
  encoderLayers: readonly number[];
  codeSize: number;
  hiddenActivation: HiddenActivation;
  outputActivation: OutputActivation;
  /** The code layer's activation; linear when absent (every kind but the dense one). */
  codeActivation?: CodeActivation;
}

export interface MlpAutoencoder {
  readonly config: DenseAutoencoderSpec;
  readonly inputSize: number;
  readonly encoderLayers: readonly DenseLayer[];
  readonly decoderLayers: readonly DenseLayer[];
  /** Every trainable variable, encoder first: the optimizer's var list. */
  readonly variables: tf.Variable[];
  /** [batch, inputSize] pixels in [0, 1] -> [batch, codeSize] codes. */
  encode(x: tf.Tensor2D): tf.Tensor2D;
  /**
   * The output of every encoder layer, input side first: [batch, encoderLayers[i]]..., and last
   * the code [batch, codeSize] (the contractive penalty needs the hidden layer's activations).
   */
  encodeLayers(x: tf.Tensor2D): tf.Tensor2D[];
  /**
   * [batch, codeSize] codes -> [batch, inputSize] pre-activation outputs (logits for a
   * sigmoid output): the losses work on these for numerical stability.
   */
  decodeLogits(code: tf.Tensor2D): tf.Tensor2D;
  /** [batch, codeSize] codes -> [batch, inputSize] reconstructions (output activation applied). */
  decode(code: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

/**
 * Builds the autoencoder with seeded Glorot-uniform weights and zero biases.
 * @param inputSize pixels per image; 784 for MNIST (smaller only for the backend self-check)
 * @param outputBias [inputSize] initial bias of the output layer (see outputBiasForMean)
 * @param gradients how the layers' backward passes run; by default the fastest for the backend
 *   in use now (dense.ts). encode() never computes a gradient with respect to its input.
 */
export function createMlpAutoencoder(
  config: DenseAutoencoderSpec,
  seed: number,
  inputSize: number = IMAGE_SIZE,
  outputBias?: Float32Array,
  gradients: DenseGradients = preferredGradients(),
): MlpAutoencoder {
  if (outputBias && outputBias.length !== inputSize) {
    throw new RangeError(`output bias has ${outputBias.length} values; the output has ${inputSize}`);
  }
  const rng = createRng(deriveSeed(seed, 1));
  const hidden = config.hiddenActivation;
  const widths = [inputSize, ...config.encoderLayers, config.codeSize];
  const encoderLayers: DenseLayer[] = [];
  for (let i = 0; i + 1 < widths.length; i++) {
    const toCode = i + 2 === widths.length;
    // Kinds without a code activation setting have a linear code.
    encoderLayers.push(createLayer(widths[i], widths[i + 1], toCode ? (config.codeActivation ?? 'linear') : hidden, rng));
  }
  const back = [...widths].reverse();
  const decoderLayers: DenseLayer[] = [];
  for (let i = 0; i + 1 < back.length; i++) {
    const toOutput = i + 2 === back.length;
    const activation = toOutput ? config.outputActivation : hidden;
    decoderLayers.push(createLayer(back[i], back[i + 1], activation, rng, toOutput ? outputBias : undefined));
  }
  const variables = [...encoderLayers, ...decoderLayers].flatMap((l) => [l.kernel, l.bias] as tf.Variable[]);
  const last = decoderLayers.length - 1;

  const encodeLayers = (x: tf.Tensor2D): tf.Tensor2D[] => {
    const outputs: tf.Tensor2D[] = [];
    let h = x;
    encoderLayers.forEach((layer, i) => {
      h = dense(h, layer, layer.activation, { gradients, xNeedsGradient: i > 0 });
      outputs.push(h);
    });
    return outputs;
  };
  const encode = (x: tf.Tensor2D): tf.Tensor2D => encodeLayers(x)[encoderLayers.length - 1];
  const run = (code: tf.Tensor2D, logits: boolean): tf.Tensor2D => {
    let h = code;
    for (let i = 0; i <= last; i++) {
      h = dense(h, decoderLayers[i], logits && i === last ? 'linear' : decoderLayers[i].activation, { gradients });
    }
    return h;
  };
  return {
    config,
    inputSize,
    encoderLayers,
    decoderLayers,
    variables,
    encode,
    encodeLayers,
    decodeLogits: (code) => run(code, true),
    decode: (code) => run(code, false),
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}
