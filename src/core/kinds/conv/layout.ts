/**
 * The convolutional autoencoder's fixed shapes, pure (no tfjs): the stages' sides, the flat
 * size at the code layer, the names and shapes of its weights, a feature map's form.
 *
 * Encoder: 28x28x1 -> per stage [conv 3x3 'same' + activation -> max pool 2x2]
 *   (one stage: 14x14xC1, two stages: 7x7xC2) -> flatten -> dense (linear) -> code.
 * Decoder: code -> dense + activation -> the last stage's map -> per stage, in reverse,
 *   an upsampling by 2 (the `convDecoder` choice) -> ... -> 28x28x1 logits -> [784].
 */
import { IMAGE_SIDE } from '../../settings/choices';
import type { WeightSpec } from '../kindModule';

/** Filter side of every convolution (3x3, as in the Keras blog's convolutional autoencoder). */
export const CONV_KERNEL = 3;
/** Pooling window and stride: 2x2, so each stage halves the side. */
export const POOL = 2;

/** The conv kind's fields that fix its shapes. */
export interface ConvShape {
  /** Channels of each encoder stage's convolution, input side first, e.g. [16, 8]. */
  convChannels: readonly number[];
  codeSize: number;
  convDecoder: 'maxUnpool' | 'repeatUnpool' | 'deconvolution';
}

/** One layer's activations for one digit, for the feature-map view. */
export interface FeatureMap {
  /** In the lecture's words: 'input', 'convolution 1', 'pooling 1', 'code', 'unpooling 2', ... */
  name: string;
  part: 'encoder' | 'code' | 'decoder';
  /** [height, width, channels]; the code is [1, 1, codeSize]. */
  shape: [number, number, number];
  /** Row-major HWC values. */
  data: Float32Array;
}

/** Side of the feature maps after each encoder stage: [28, 14] -> [14, 7]. */
export function stageSides(stages: number): number[] {
  const sides: number[] = [];
  let side = IMAGE_SIDE;
  for (let s = 0; s < stages; s++) {
    side /= POOL;
    sides.push(side);
  }
  return sides;
}

/** Numbers in the last encoder stage's map, the input of the dense layer to the code. */
export function flatSize(m: Pick<ConvShape, 'convChannels'>): number {
  const side = stageSides(m.convChannels.length).at(-1)!;
  return side * side * m.convChannels.at(-1)!;
}

/** Names and shapes of the model's weights in the order of ConvAutoencoder.variables (snapshots). */
export function convWeightLayout(m: ConvShape): WeightSpec[] {
  const k = CONV_KERNEL;
  const c = m.convChannels;
  const layout: WeightSpec[] = [];
  c.forEach((out, s) => {
    layout.push({ name: `encoder/conv${s}/filter`, shape: [k, k, s === 0 ? 1 : c[s - 1], out] });
    layout.push({ name: `encoder/conv${s}/bias`, shape: [out] });
  });
  const flat = flatSize(m);
  layout.push({ name: 'encoder/code/kernel', shape: [flat, m.codeSize] }, { name: 'encoder/code/bias', shape: [m.codeSize] });
  layout.push({ name: 'decoder/code/kernel', shape: [m.codeSize, flat] }, { name: 'decoder/code/bias', shape: [flat] });
  for (let s = c.length - 1; s >= 0; s--) {
    const cin = c[s];
    const cout = s === 0 ? 1 : c[s - 1];
    const what = m.convDecoder === 'deconvolution' ? 'deconv' : 'conv';
    layout.push({ name: `decoder/${what}${s}/filter`, shape: m.convDecoder === 'deconvolution' ? [k, k, cout, cin] : [k, k, cin, cout] });
    layout.push({ name: `decoder/${what}${s}/bias`, shape: [cout] });
  }
  layout.push({ name: 'decoder/outputBias', shape: [IMAGE_SIDE * IMAGE_SIDE] });
  return layout;
}
