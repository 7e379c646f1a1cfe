/**
 * Names and shapes of dense layers' weights as a snapshot stores them (kernel, then bias, per
 * layer): the layout of the dense autoencoder and of the kinds built on its layers. Pure.
 */
import { IMAGE_SIZE } from '../settings/choices';
import type { WeightSpec } from './kindModule';

/**
 * `${prefix}/${i}/kernel` [widths[i], widths[i + 1]] and `${prefix}/${i}/bias` [widths[i + 1]]
 * for each layer of a stack of widths.
 */
export function denseStackLayout(prefix: string, widths: readonly number[]): WeightSpec[] {
  return widths.slice(1).flatMap((out, i) => [
    { name: `${prefix}/${i}/kernel`, shape: [widths[i], out] },
    { name: `${prefix}/${i}/bias`, shape: [out] },
  ]);
}

/**
 * The dense autoencoder's weights: encoder layers from the input, then decoder layers
 * (784 -> encoderLayers... -> codeSize -> reversed -> 784).
 */
export function weightLayout(model: { encoderLayers: readonly number[]; codeSize: number }): WeightSpec[] {
  const widths = [IMAGE_SIZE, ...model.encoderLayers, model.codeSize];
  return [...denseStackLayout('encoder', widths), ...denseStackLayout('decoder', [...widths].reverse())];
}
