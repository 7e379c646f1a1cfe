/**
 * The conditional autoencoder (feature disentanglement): the encoder sees only the image, the
 * decoder receives the code and the digit's label, one-hot, side by side.
 *
 *   x [batch, 784] -> encoderLayers... -> code [batch, codeSize] (linear: the "style")
 *   [code | oneHot(label)] [batch, codeSize + 10] -> reversed(encoderLayers)... -> 784
 *
 * The decoder is told which digit to draw, so the code need not spend any of its numbers on
 * the digit's identity: what is left for it is how the digit is written (slant, thickness,
 * width). Decoding one code with each of the ten labels is the "style swap": the same
 * handwriting writing every digit, as voice conversion keeps one speaker's voice and swaps in
 * another's words. Nothing forces the code to be label-free; the lesson measures how much label
 * information is left in it (styleMeasures.ts).
 *
 * Raw tfjs variables and the dense layers of mlp.ts (seeded Glorot weights, fast gradients on
 * wasm). Only the decoder's first layer differs from the MLP autoencoder: codeSize + 10 inputs.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../../settings/choices';
import { createRng, deriveSeed } from '../../data/rng';
import { preferredGradients, type DenseGradients, type DenseLayer } from '../../models/dense';
import { denseStack } from '../../models/denseStack';
import { LABEL_CLASSES, type ConditionalModelConfig } from './kind';

export { LABEL_CLASSES } from './kind';

/** The conditional config fields the model reads. */
export type ConditionalSpec = Pick<ConditionalModelConfig, 'encoderLayers' | 'codeSize' | 'hiddenActivation' | 'outputActivation' | 'loss'>;

export interface ConditionalAutoencoder {
  readonly config: ConditionalSpec;
  readonly inputSize: number;
  /** 784 -> encoderLayers... -> codeSize (the last one linear). */
  readonly encoderLayers: readonly DenseLayer[];
  /** codeSize + 10 -> reversed(encoderLayers)... -> 784 (the output activation last). */
  readonly decoderLayers: readonly DenseLayer[];
  /** Every trainable variable, encoder first, [kernel, bias] per layer: the optimizer's var list. */
  readonly variables: tf.Variable[];
  /** [batch, inputSize] pixels in [0, 1] -> [batch, codeSize] style codes. */
  encode(x: tf.Tensor2D): tf.Tensor2D;
  /** code [batch, codeSize] and labels [batch] int32 0-9 -> [batch, inputSize] pre-activation output. */
  decodeLogits(code: tf.Tensor2D, labels: tf.Tensor1D): tf.Tensor2D;
  /** As decodeLogits, with the output activation applied. */
  decode(code: tf.Tensor2D, labels: tf.Tensor1D): tf.Tensor2D;
  dispose(): void;
}

/**
 * The decoder's input: the code with the one-hot label appended.
 * @param code [batch, codeSize]  @param labels [batch] int32 digits 0-9
 * @returns [batch, codeSize + 10]
 */
export function conditionedCode(code: tf.Tensor2D, labels: tf.Tensor1D): tf.Tensor2D {
  if (code.shape[0] !== labels.shape[0]) {
    throw new RangeError(`${code.shape[0]} codes but ${labels.shape[0]} labels`);
  }
  const oneHot = tf.cast(tf.oneHot(tf.cast(labels, 'int32'), LABEL_CLASSES), 'float32');
  return tf.concat([code, oneHot], 1) as tf.Tensor2D;
}

/**
 * Builds the conditional autoencoder with seeded Glorot-uniform weights and zero biases.
 * @param outputBias [inputSize] initial output bias (outputBiasForMean in mlp.ts)
 * @param gradients how the dense layers' backward passes run (dense.ts); fastest by default
 */
export function createConditionalAutoencoder(
  config: ConditionalSpec,
  seed: number,
  inputSize: number = IMAGE_SIZE,
  outputBias?: Float32Array,
  gradients: DenseGradients = preferredGradients(),
): ConditionalAutoencoder {
  if (outputBias && outputBias.length !== inputSize) {
    throw new RangeError(`output bias has ${outputBias.length} values; the output has ${inputSize}`);
  }
  const rng = createRng(deriveSeed(seed, 1));
  const hidden = config.hiddenActivation;
  const widths = [inputSize, ...config.encoderLayers, config.codeSize];
  const encoder = denseStack(widths, (_, last) => (last ? 'linear' : hidden), rng, { gradients });
  const back = [config.codeSize + LABEL_CLASSES, ...[...config.encoderLayers].reverse(), inputSize];
  const decoder = denseStack(back, (_, last) => (last ? config.outputActivation : hidden), rng, { gradients, outputBias });
  const variables = [...encoder.variables, ...decoder.variables];
  const run = (code: tf.Tensor2D, labels: tf.Tensor1D, logits: boolean): tf.Tensor2D => decoder.run(conditionedCode(code, labels), { logits });
  return {
    config,
    inputSize,
    encoderLayers: encoder.layers,
    decoderLayers: decoder.layers,
    variables,
    encode: (x) => encoder.run(x, { inputNeedsGradient: false }),
    decodeLogits: (code, labels) => run(code, labels, true),
    decode: (code, labels) => run(code, labels, false),
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}

/**
 * Every code decoded with every label: row r of the result is code r // 10 drawn as digit r % 10.
 * @param codes [n, codeSize]
 * @returns [n * 10, inputSize] in the output activation: for each code, digits 0-9 in order
 */
export function styleSwap(model: ConditionalAutoencoder, codes: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const n = codes.shape[0];
    const repeated = tf.reshape(tf.tile(tf.expandDims(codes, 1), [1, LABEL_CLASSES, 1]), [n * LABEL_CLASSES, -1]) as tf.Tensor2D;
    const labels = tf.tile(tf.range(0, LABEL_CLASSES, 1, 'int32'), [n]) as tf.Tensor1D;
    return model.decode(repeated, labels);
  });
}
