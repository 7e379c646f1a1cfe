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
import { IMAGE_SIZE, type CodeActivation, type HiddenActivation, type OutputActivation } from '../../settings/choices';
import { createRng, deriveSeed } from '../../data/rng';
import { preferredGradients, type DenseGradients, type DenseLayer } from '../../models/dense';
import { denseStack } from '../../models/denseStack';

export type { DenseLayer, LayerActivation } from '../../models/dense';

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
 * Builds the autoencoder with seeded Glorot-uniform weights and zero biases: the encoder's
 * layers from the input, then the decoder's (models/denseStack.ts), from one seed stream.
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
  // Kinds without a code activation setting have a linear code.
  const encoder = denseStack(widths, (_, last) => (last ? (config.codeActivation ?? 'linear') : hidden), rng, { gradients });
  const decoder = denseStack([...widths].reverse(), (_, last) => (last ? config.outputActivation : hidden), rng, { gradients, outputBias });
  const variables = [...encoder.variables, ...decoder.variables];
  // The first layer's input is the data: no gradient with respect to it.
  const encodeLayers = (x: tf.Tensor2D): tf.Tensor2D[] => encoder.outputs(x, { inputNeedsGradient: false });
  return {
    config,
    inputSize,
    encoderLayers: encoder.layers,
    decoderLayers: decoder.layers,
    variables,
    encode: (x) => encoder.run(x, { inputNeedsGradient: false }),
    encodeLayers,
    decodeLogits: (code) => decoder.run(code, { logits: true }),
    decode: (code) => decoder.run(code),
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}
