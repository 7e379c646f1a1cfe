/**
 * The dense layers a digit passes through, in order, as the architecture diagram draws them
 * (784 -> encoderLayers... -> code -> reversed(encoderLayers)... -> 784): for each layer, where
 * its kernel [fanIn, fanOut] and bias [fanOut] sit among the engine's variables (the kind's
 * weight layout, the order snapshots use), its widths and its activation. Diagram layer i >= 1
 * receives the weights of path[i - 1]. Pure: no tfjs (the worker's mathViews.ts runs it).
 *
 * The decoder's first layer reads the code the decoder reads (Engine.encode: a VAE's mean, a
 * VQ-VAE's codebook vectors), and a conditional decoder the one-hot label after it.
 */
import { codeActivationOf, IMAGE_SIZE, type LabConfig } from '../config';
import type { LayerActivation } from '../models/dense';
import { kindOf } from '../kinds/registry';

type Model = LabConfig['model'];

export interface DensePathLayer {
  /** Index of the kernel [fanIn, fanOut] in the engine's variables; the bias is the next one. */
  kernel: number;
  fanIn: number;
  fanOut: number;
  activation: LayerActivation;
  /** 'code': the input is the engine's code (and a conditional decoder's label), not the layer before. */
  input: 'previous' | 'code';
  /** Extra inputs after the code: the one-hot label of a conditional decoder (10), else 0. */
  labelInputs: number;
}

/** Digits 0-9: the one-hot label a conditional decoder reads after the code. */
const LABELS = 10;

/** The model's dense path, or undefined for a kind without one (the convolutional autoencoder). */
export function densePath(model: Model): DensePathLayer[] | undefined {
  if (model.kind === 'conv') return undefined;
  const layout = kindOf(model).weightLayout(model);
  const at = (name: string) => layout.findIndex((w) => w.name === name);
  const layer = (name: string, activation: LayerActivation, input: DensePathLayer['input'] = 'previous'): DensePathLayer => {
    const kernel = at(`${name}/kernel`);
    if (kernel < 0 || layout[kernel + 1]?.name !== `${name}/bias`) throw new Error(`the ${model.kind} layout has no ${name} layer`);
    const [fanIn, fanOut] = layout[kernel].shape;
    const labelInputs = input === 'code' && model.kind === 'conditional' ? LABELS : 0;
    return { kernel, fanIn, fanOut, activation, input, labelInputs };
  };
  const hidden = model.hiddenActivation;
  const encoder: DensePathLayer[] = [];
  for (let i = 0; at(`encoder/${i}/kernel`) >= 0; i++) encoder.push(layer(`encoder/${i}`, hidden));
  // The VAE's code is its mean head; every other dense kind's is the last encoder layer.
  if (at('mean/kernel') >= 0) encoder.push(layer('mean', 'linear'));
  else if (encoder.length) encoder[encoder.length - 1] = { ...encoder[encoder.length - 1], activation: codeActivationOf(model) };
  const decoder: DensePathLayer[] = [];
  for (let i = 0; at(`decoder/${i}/kernel`) >= 0; i++) decoder.push(layer(`decoder/${i}`, hidden, i === 0 ? 'code' : 'previous'));
  if (decoder.length) decoder[decoder.length - 1] = { ...decoder[decoder.length - 1], activation: model.outputActivation };
  const path = [...encoder, ...decoder];
  if (path[0]?.fanIn !== IMAGE_SIZE || path[path.length - 1]?.fanOut !== IMAGE_SIZE) throw new Error(`the ${model.kind} layout is not a dense path from 784 pixels to 784`);
  return path;
}

/** The widths of the path's layers, input first: what the diagram draws for this model. */
export function pathWidths(path: readonly DensePathLayer[]): number[] {
  return [path[0].fanIn, ...path.map((l) => l.fanOut)];
}
