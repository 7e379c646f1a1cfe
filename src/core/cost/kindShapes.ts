/**
 * What one digit costs in a forward pass of each model kind, from its weights (the kind's
 * weightLayout, core/kinds) and, for the convolutional kind, its stages' sides: multiply-adds,
 * and the numbers its layers hold (each layer's output, which the backward pass keeps).
 * Pure arithmetic; costEstimate.ts turns it into bytes and time at a batch size.
 *
 * Listed per kind (a new kind without an entry is a type error): the dense kinds read their
 * 2-D weights; the convolutional kind counts each convolution at the side it runs at.
 */
import type { ModelConfig, ModelKind, ModelOf } from '../kinds/registry';
import { KINDS } from '../kinds/registry';
import { CONV_KERNEL, stageSides } from '../kinds/conv/layout';
import type { WeightSpec } from '../kinds/kindModule';
import { IMAGE_SIDE, IMAGE_SIZE } from '../settings/choices';

export interface ForwardShape {
  /** Numbers in the model's weights. */
  parameters: number;
  /** Multiply-adds of one digit's forward pass. */
  macsPerDigit: number;
  /** Numbers one digit's forward pass leaves in its layers (input, pre-activations and outputs). */
  valuesPerDigit: number;
  /** The largest single layer output of one digit, numbers (a tensor must fit the backend's buffers). */
  largestLayerPerDigit: number;
}

const product = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Dense kinds: every 2-D weight [in, out] is a layer (a codebook [K, d] counts as one of its size). */
function denseShape(layout: readonly WeightSpec[]): ForwardShape {
  const kernels = layout.filter((w) => w.shape.length === 2);
  const outs = kernels.map((w) => w.shape[1]);
  return {
    parameters: layout.reduce((n, w) => n + product(w.shape), 0),
    macsPerDigit: kernels.reduce((n, w) => n + product(w.shape), 0),
    // Each layer: its pre-activation and its output.
    valuesPerDigit: IMAGE_SIZE + 2 * outs.reduce((a, b) => a + b, 0),
    largestLayerPerDigit: Math.max(IMAGE_SIZE, ...outs),
  };
}

/**
 * The convolutional kind: stage s convolves a side_s x side_s map (28, 14) from c_(s-1) to c_s
 * channels, then pools it to half the side (keeping the switches); the decoder mirrors each
 * stage (an upsampled map, then a convolution at the same side).
 */
function convShape(model: ModelOf<'conv'>): ForwardShape {
  const c = model.convChannels;
  const inputSides = [IMAGE_SIDE, ...stageSides(c.length)].slice(0, c.length);
  const k2 = CONV_KERNEL * CONV_KERNEL;
  let macs = 0;
  let values = IMAGE_SIZE;
  let largest = IMAGE_SIZE;
  c.forEach((out, s) => {
    const side = inputSides[s];
    const cin = s === 0 ? 1 : c[s - 1];
    const map = side * side * out;
    // Encoder: the convolution (pre-activation and output), the pooled map, its switches.
    macs += side * side * k2 * cin * out;
    values += 2 * map + map / 4 + map;
    // Decoder: the upsampled map at this side, then the convolution back to cin channels.
    macs += side * side * k2 * out * cin;
    values += map + 2 * side * side * cin;
    largest = Math.max(largest, map);
  });
  const dense = denseShape(KINDS.conv.weightLayout(model).filter((w) => w.shape.length === 2));
  const convParameters = KINDS.conv.weightLayout(model).reduce((n, w) => n + product(w.shape), 0);
  return { parameters: convParameters, macsPerDigit: macs + dense.macsPerDigit, valuesPerDigit: values + dense.valuesPerDigit - IMAGE_SIZE, largestLayerPerDigit: largest };
}

const SHAPES: { readonly [K in ModelKind]: (model: ModelOf<K>) => ForwardShape } = {
  mlp: (m) => denseShape(KINDS.mlp.weightLayout(m)),
  conv: convShape,
  vae: (m) => denseShape(KINDS.vae.weightLayout(m)),
  vq: (m) => denseShape(KINDS.vq.weightLayout(m)),
  adversarial: (m) => denseShape(KINDS.adversarial.weightLayout(m)),
  conditional: (m) => denseShape(KINDS.conditional.weightLayout(m)),
};

/** The forward cost of one digit through `model`. */
export function forwardShape(model: ModelConfig): ForwardShape {
  return (SHAPES[model.kind] as (m: ModelConfig) => ForwardShape)(model);
}
