/**
 * The math with its numbers (issue 14 item 4), computed on the current model for one digit:
 * what a unit of the dense path receives and outputs, the digit's reconstruction loss pixel by
 * pixel, and the first layer's weights. Each is one tf.tidy and one read-back through
 * Trainer.readEngine (nothing is kept); labReads.ts calls them inside the model's read lock.
 */
import * as tf from '@tensorflow/tfjs';
import { densePath, type DensePathLayer } from '../core/analysis/densePath';
import { IMAGE_SIZE } from '../core/config';
import { applyActivation } from '../core/models/dense';
import type { Engine } from '../core/train/engine';
import { outputFromLogits, pixelLosses } from '../core/train/losses';
import type { Trainer } from '../core/train/trainer';
import type { DigitLoss, FirstLayerWeights, UnitInspection } from './apiMath';

/** Digits 0-9. */
const LABELS = 10;

function path(trainer: Trainer): DensePathLayer[] {
  const p = densePath(trainer.config.model);
  if (!p) throw new Error(`The ${trainer.config.model.kind} autoencoder has no dense layers to inspect.`);
  return p;
}


/** [1, 784] -> the input of path layer `k` [1, fanIn]: the layers before it, or the code (and one-hot label). */
function inputOf(engine: Engine, layers: readonly DensePathLayer[], k: number, x: tf.Tensor2D, label: number): tf.Tensor2D {
  let h = x;
  for (let i = 0; i <= k; i++) {
    const l = layers[i];
    if (l.input === 'code') {
      h = engine.encode(x);
      if (l.labelInputs) h = tf.concat([h, tf.oneHot(tf.tensor1d([label], 'int32'), l.labelInputs).toFloat()], 1) as tf.Tensor2D;
    }
    if (i === k) return h;
    const v = engine.variables;
    h = applyActivation(tf.add(tf.matMul(h, v[l.kernel] as tf.Tensor2D), v[l.kernel + 1]) as tf.Tensor2D, l.activation);
  }
  return h;
}

/**
 * The label a conditional decoder redraws an image [1, 784] best with (the page's reconstruction
 * of a drawing uses it too): the lowest summed pixel loss over the ten labels.
 */
async function bestLabel(trainer: Trainer, x: Float32Array): Promise<number> {
  const spec = trainer.config.model;
  const losses = await trainer.readEngine((engine) => {
    const tiled = tf.tile(tf.tensor2d(x, [1, IMAGE_SIZE]), [LABELS, 1]) as tf.Tensor2D;
    return tf.sum(pixelLosses(engine.reconstructLogits(tiled, tf.range(0, LABELS, 1, 'int32') as tf.Tensor1D), tiled, spec), 1);
  });
  return losses.indexOf(Math.min(...losses));
}

/**
 * Unit `unit` of diagram layer `layer` (1 = first hidden, last = output) for the digit x [784]:
 * its incoming weights, bias, input sum z = a·w + b and output f(z).
 * @param label the digit's label when known (a conditional decoder reads it); undefined for a drawing
 */
export async function inspectUnit(trainer: Trainer, x: Float32Array, label: number | undefined, layer: number, unit: number): Promise<UnitInspection> {
  const layers = path(trainer);
  if (!Number.isInteger(layer) || layer < 1 || layer > layers.length) throw new RangeError(`a layer runs from 1 to ${layers.length}, not ${layer}`);
  const l = layers[layer - 1];
  if (!Number.isInteger(unit) || unit < 0 || unit >= l.fanOut) throw new RangeError(`layer ${layer} has units 0 to ${l.fanOut - 1}, not ${unit}`);
  if (x.length !== IMAGE_SIZE) throw new RangeError(`a digit has ${IMAGE_SIZE} pixels, not ${x.length}`);
  const conditional = trainer.config.model.kind === 'conditional';
  const read = conditional ? (label ?? (await bestLabel(trainer, x))) : -1;
  const packed = await trainer.readEngine((engine) => {
    const input = inputOf(engine, layers, layer - 1, tf.tensor2d(x, [1, IMAGE_SIZE]), Math.max(read, 0));
    const w = tf.slice(engine.variables[l.kernel], [0, unit], [l.fanIn, 1]) as tf.Tensor2D;
    const b = tf.slice(engine.variables[l.kernel + 1], [unit], [1]);
    const z = tf.add(tf.matMul(input, w), b) as tf.Tensor2D;
    return tf.concat([tf.reshape(w, [l.fanIn]), b, tf.reshape(z, [1]), tf.reshape(applyActivation(z, l.activation), [1])]);
  });
  return {
    layer,
    unit,
    weights: Float32Array.from(packed.subarray(0, l.fanIn)),
    bias: packed[l.fanIn],
    inputSum: packed[l.fanIn + 1],
    activation: packed[l.fanIn + 2],
    activationName: l.activation,
    label: read,
    step: trainer.step,
  };
}

/** The digit x [784] through the model: its reconstruction and each pixel's loss, as the curve counts it. */
export async function digitLoss(trainer: Trainer, x: Float32Array, label: number | undefined): Promise<DigitLoss> {
  if (x.length !== IMAGE_SIZE) throw new RangeError(`a digit has ${IMAGE_SIZE} pixels, not ${x.length}`);
  const spec = trainer.config.model;
  const packed = await trainer.readEngine((engine) => {
    const input = tf.tensor2d(x, [1, IMAGE_SIZE]);
    const logits = engine.reconstructLogits(input, label === undefined ? undefined : tf.tensor1d([label], 'int32'));
    return tf.concat([tf.reshape(outputFromLogits(logits, spec), [IMAGE_SIZE]), tf.reshape(pixelLosses(logits, input, spec), [IMAGE_SIZE])]);
  });
  const terms = Float32Array.from(packed.subarray(IMAGE_SIZE));
  let sum = 0;
  for (const v of terms) sum += v;
  return { loss: spec.loss, value: sum / IMAGE_SIZE, pixels: Float32Array.from(x), reconstruction: Float32Array.from(packed.subarray(0, IMAGE_SIZE)), terms, step: trainer.step };
}

/** The first `count` units' incoming weights from the 784 pixels, [units, 784]. */
export async function firstLayerWeights(trainer: Trainer, count: number): Promise<FirstLayerWeights> {
  const first = path(trainer)[0];
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`ask for at least one unit, not ${count}`);
  const units = Math.min(count, first.fanOut);
  const weights = await trainer.readEngine((engine) => tf.transpose(tf.slice(engine.variables[first.kernel], [0, 0], [IMAGE_SIZE, units])));
  return { units, total: first.fanOut, weights: Float32Array.from(weights), step: trainer.step, epoch: trainer.epoch };
}
