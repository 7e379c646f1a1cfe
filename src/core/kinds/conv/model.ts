/**
 * The convolutional autoencoder of the lecture: raw tfjs variables, an encoder
 * (image -> code) and a decoder (code -> image) as plain functions, like mlp.ts.
 *
 * Encoder, per stage s (channels c_s): conv 3x3 'same' + activation -> 2x2 max pooling that
 *   remembers its switches. [batch, 784] -> [batch, 28, 28, 1] -> ... -> [batch, 7, 7, c_last]
 *   (two stages) -> flatten -> dense, linear -> [batch, codeSize].
 * Decoder: dense + activation -> [batch, 7, 7, c_last], then per stage in reverse either
 *   unpooling (max: back to the switches, or repeat) + conv 3x3, or a stride-2 deconvolution,
 *   to c_{s-1} channels (1 at the end: the logits, no activation) -> + a per-pixel output
 *   bias -> [batch, 784].
 *
 * Max-unpooling needs the switches of the image being reconstructed. reconstructLogits(x)
 * (the training pass) and decode(code, switches) use them; decode(code) alone (the latent
 * grid and the sliders have no input image) puts each value at the top-left of its window,
 * the fixed-position unpooling of Dosovitskiy et al. 2015 ("Learning to generate chairs").
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIDE, IMAGE_SIZE } from '../../settings/choices';
import { createRng, deriveSeed } from '../../data/rng';
import { outputFromLogits } from '../../train/losses';
import type { ConvModelConfig } from './kind';
import { CONV_KERNEL, flatSize, POOL, stageSides, type FeatureMap } from './layout';

export type { FeatureMap } from './layout';

/** The conv config fields the model reads. */
export type ConvSpec = Pick<ConvModelConfig, 'convChannels' | 'codeSize' | 'hiddenActivation' | 'outputActivation' | 'loss' | 'convDecoder'>;
import {
  convolution,
  deconvolution,
  maxPool,
  maxUnpool,
  poolSwitches,
  preferredConvGradients,
  repeatUnpool,
  spreadOutMap,
  type ConvGradients,
  type ConvLayer,
} from './ops';
import { dense, preferredGradients, type DenseGradients, type DenseLayer, type LayerActivation } from '../../models/dense';
import { createLayer, glorotUniform } from '../../models/denseStack';

export interface ConvAutoencoder {
  readonly config: ConvSpec;
  readonly inputSize: number;
  readonly encoderLayers: readonly ConvLayer[];
  readonly toCode: DenseLayer;
  readonly fromCode: DenseLayer;
  /** Decoder stages in the order they run (from the code towards the image). */
  readonly decoderLayers: readonly ConvLayer[];
  /** [784] added to the output logits; starts at the mean image (see outputBiasForMean). */
  readonly outputBias: tf.Variable<tf.Rank.R1>;
  /** Every trainable variable, encoder first: the optimizer's var list. */
  readonly variables: tf.Variable[];
  /** [batch, 784] pixels in [0, 1] -> [batch, codeSize]. */
  encode(x: tf.Tensor2D): tf.Tensor2D;
  /** The code and each stage's switches ([batch, side_s, side_s, c_s], input side first). */
  encodeWithSwitches(x: tf.Tensor2D): { code: tf.Tensor2D; switches: tf.Tensor4D[] };
  /** [batch, codeSize] -> [batch, 784] logits; max-unpooling uses `switches` when given. */
  decodeLogits(code: tf.Tensor2D, switches?: readonly tf.Tensor4D[]): tf.Tensor2D;
  /** [batch, codeSize] -> [batch, 784] reconstructions (output activation applied). */
  decode(code: tf.Tensor2D, switches?: readonly tf.Tensor4D[]): tf.Tensor2D;
  /** The training pass: [batch, 784] -> code and logits, the decoder using this input's switches. */
  forward(x: tf.Tensor2D): { code: tf.Tensor2D; logits: tf.Tensor2D };
  /** Every layer's activations for one image [784] (read back to plain arrays). */
  featureMaps(image: Float32Array): Promise<FeatureMap[]>;
  dispose(): void;
}

function convVariables(k: number, a: number, b: number, fanIn: number, fanOut: number, rng: () => number): tf.Variable<tf.Rank.R4> {
  // Glorot uniform over the receptive fields: limit sqrt(6 / (k² cin + k² cout)); the values
  // are drawn as a [fanIn, fanOut] block and laid out [k, k, a, b] (a x b = the two channel counts).
  const values = glorotUniform(fanIn, fanOut, rng).subarray(0, k * k * a * b);
  return tf.tidy(() => tf.variable(tf.tensor4d(values, [k, k, a, b]), true));
}


/**
 * Builds the convolutional autoencoder with seeded Glorot-uniform weights and zero biases.
 * @param outputBias [784] initial output bias (outputBiasForMean of the training images)
 * @param gradients how convolutions and dense layers compute their backward passes; by default
 *   the fastest for the backend in use now (convOps.ts, dense.ts)
 */
export function createConvAutoencoder(
  config: ConvSpec,
  seed: number,
  outputBias?: Float32Array,
  gradients: { conv: ConvGradients; dense: DenseGradients } = { conv: preferredConvGradients(), dense: preferredGradients() },
): ConvAutoencoder {
  if (outputBias && outputBias.length !== IMAGE_SIZE) {
    throw new RangeError(`output bias has ${outputBias.length} values; the output has ${IMAGE_SIZE}`);
  }
  const rng = createRng(deriveSeed(seed, 3));
  const k = CONV_KERNEL;
  const act = config.hiddenActivation;
  const channels = config.convChannels;
  const sides = stageSides(channels.length);
  const last = channels.length - 1;
  const flat = flatSize(config);

  const encoderLayers: ConvLayer[] = channels.map((c, s) => {
    const cin = s === 0 ? 1 : channels[s - 1];
    return tf.tidy(() => ({
      filter: convVariables(k, cin, c, k * k * cin, k * k * c, rng),
      bias: tf.variable(tf.zeros<tf.Rank.R1>([c]), true),
      activation: act,
    }));
  });
  const toCode = createLayer(flat, config.codeSize, 'linear', rng);
  const fromCode = createLayer(config.codeSize, flat, act, rng);
  // Decoder stage for encoder stage s (run from s = last down to 0): c_s -> c_{s-1}, or -> 1.
  const decoderLayers: ConvLayer[] = [];
  for (let s = last; s >= 0; s--) {
    const cin = channels[s];
    const cout = s === 0 ? 1 : channels[s - 1];
    const activation: LayerActivation = s === 0 ? 'linear' : act;
    // Deconvolution filters are [k, k, cout, cin] (tfjs's conv2dTranspose layout).
    const filter =
      config.convDecoder === 'deconvolution'
        ? convVariables(k, cout, cin, k * k * cin, k * k * cout, rng)
        : convVariables(k, cin, cout, k * k * cin, k * k * cout, rng);
    decoderLayers.push({ filter, bias: tf.tidy(() => tf.variable(tf.zeros<tf.Rank.R1>([cout]), true)), activation });
  }
  const outBias = tf.tidy(() =>
    tf.variable(outputBias ? tf.tensor1d(outputBias) : tf.zeros<tf.Rank.R1>([IMAGE_SIZE]), true),
  );
  const variables: tf.Variable[] = [
    ...encoderLayers.flatMap((l) => [l.filter, l.bias]),
    toCode.kernel,
    toCode.bias,
    fromCode.kernel,
    fromCode.bias,
    ...decoderLayers.flatMap((l) => [l.filter, l.bias]),
    outBias,
  ];

  /**
   * Runs the encoder; `visit` sees every intermediate map (for featureMaps). The switches are
   * computed only when asked for: they cost more than tfjs's MaxPoolGrad (160-210 ms against
   * about 100 ms at [128, 28, 28, 16] on wasm), so the other decoders pool with the tape's
   * gradient, and max-unpooling, which needs them anyway, takes the pooling gradient from them.
   */
  const runEncoder = (x: tf.Tensor2D, withSwitches: boolean, visit?: (name: string, t: tf.Tensor) => void) => {
    let h = tf.reshape(x, [x.shape[0], IMAGE_SIDE, IMAGE_SIDE, 1]) as tf.Tensor4D;
    visit?.('input', h);
    const switches: tf.Tensor4D[] = [];
    encoderLayers.forEach((layer, s) => {
      const a = convolution(h, layer, { gradients: gradients.conv, xNeedsGradient: s > 0 });
      visit?.(`convolution ${s + 1}`, a);
      if (withSwitches) {
        const sw = poolSwitches(a);
        switches.push(sw);
        h = maxPool(a, sw);
      } else {
        h = tf.maxPool(a, POOL, POOL, 'valid');
      }
      visit?.(`pooling ${s + 1}`, h);
    });
    const code = dense(tf.reshape(h, [h.shape[0], flat]) as tf.Tensor2D, toCode, 'linear', { gradients: gradients.dense });
    visit?.('code', code);
    return { code, switches };
  };

  const runDecoder = (
    code: tf.Tensor2D,
    switches: readonly tf.Tensor4D[] | undefined,
    visit?: (name: string, t: tf.Tensor) => void,
  ): tf.Tensor2D => {
    if (switches && switches.length !== channels.length) {
      throw new RangeError(`${switches.length} sets of switches for ${channels.length} pooling stages`);
    }
    const batch = code.shape[0];
    const side = sides[last];
    let h = tf.reshape(dense(code, fromCode, act, { gradients: gradients.dense }), [batch, side, side, channels[last]]) as tf.Tensor4D;
    visit?.('dense from the code', h);
    decoderLayers.forEach((layer, i) => {
      const s = last - i;
      if (config.convDecoder === 'deconvolution') {
        h = deconvolution(h, layer, { gradients: gradients.conv });
        visit?.(`deconvolution ${s + 1}`, h);
        return;
      }
      const sw = switches?.[s];
      if (sw && sw.shape[0] !== batch) throw new RangeError(`switches for ${sw.shape[0]} images, codes for ${batch}`);
      const up = config.convDecoder === 'repeatUnpool' ? repeatUnpool(h) : sw ? maxUnpool(h, sw) : spreadOutMap(h);
      visit?.(`unpooling ${s + 1}`, up);
      h = convolution(up, layer, { gradients: gradients.conv });
      visit?.(`convolution ${s + 1}`, h);
    });
    return tf.add(tf.reshape(h, [batch, IMAGE_SIZE]), outBias) as tf.Tensor2D;
  };

  const featureMaps = async (image: Float32Array): Promise<FeatureMap[]> => {
    if (image.length !== IMAGE_SIZE) throw new RangeError(`an image has ${IMAGE_SIZE} pixels, got ${image.length}`);
    const taken: { name: string; part: FeatureMap['part']; t: tf.Tensor }[] = [];
    tf.tidy(() => {
      const x = tf.tensor2d(image, [1, IMAGE_SIZE]);
      let part: FeatureMap['part'] = 'encoder';
      const visit = (name: string, t: tf.Tensor) => {
        if (name === 'code') part = 'code';
        taken.push({ name, part, t: tf.keep(t) });
        if (name === 'code') part = 'decoder';
      };
      const { code, switches } = runEncoder(x, config.convDecoder === 'maxUnpool', visit);
      const logits = runDecoder(code, config.convDecoder === 'maxUnpool' ? switches : undefined, visit);
      visit('reconstruction', outputFromLogits(logits, config));
    });
    try {
      const values = await Promise.all(taken.map((m) => m.t.data()));
      return taken.map((m, i) => {
        const sh = m.t.shape as number[];
        const shape: [number, number, number] = sh.length === 4 ? [sh[1], sh[2], sh[3]] : sh[1] === IMAGE_SIZE ? [IMAGE_SIDE, IMAGE_SIDE, 1] : [1, 1, sh[1]];
        return { name: m.name, part: m.part, shape, data: new Float32Array(values[i] as Float32Array) };
      });
    } finally {
      taken.forEach((m) => m.t.dispose());
    }
  };

  return {
    config,
    inputSize: IMAGE_SIZE,
    encoderLayers,
    toCode,
    fromCode,
    decoderLayers,
    outputBias: outBias,
    variables,
    encode: (x) => runEncoder(x, false).code,
    encodeWithSwitches: (x) => runEncoder(x, true),
    decodeLogits: (code, switches) => runDecoder(code, switches),
    decode: (code, switches) => outputFromLogits(runDecoder(code, switches), config),
    forward: (x) => {
      const maxUnpooling = config.convDecoder === 'maxUnpool';
      const { code, switches } = runEncoder(x, maxUnpooling);
      return { code, logits: runDecoder(code, maxUnpooling ? switches : undefined) };
    },
    featureMaps,
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}
