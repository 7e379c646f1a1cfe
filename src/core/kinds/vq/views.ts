/**
 * What the VQ-VAE's views need of a trained model, through Trainer.readEngine: the code indices
 * of a few digits with the codebook's use on the live test digits (one read-back), and the
 * decoding of edited indices. The worker (worker/labVq.ts) sends them to the page.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../../config';
import type { Engine } from '../../train/engine';
import type { Trainer } from '../../train/trainer';
import { usageFigures, type VqEngine } from './engine';

/** The engine as a VQ engine, or a clear error for another kind. */
export function asVqEngine(engine: Engine): VqEngine {
  const vq = engine as Partial<VqEngine>;
  if (typeof vq.decodeIndices !== 'function' || typeof vq.encodeIndices !== 'function') {
    throw new Error('This model has no codebook: code indices exist for the VQ-VAE only (kind vq).');
  }
  return engine as VqEngine;
}

export interface VqReading {
  /** [n, positions] the digits' code indices in 0..K-1. */
  indices: Int32Array;
  /** [K] how many of the live test digits' count x positions slots picked each code. */
  usage: Float32Array;
  /** exp(entropy) of usage (1..K). */
  perplexity: number;
  codesUsed: number;
  /** Live test digits counted. */
  count: number;
}

/**
 * @param images [n, 784] digits in [0, 1] (the showcase digits)
 */
export async function readVqCodes(trainer: Trainer, images: Float32Array, n: number): Promise<VqReading> {
  if (!Number.isInteger(n) || n < 1 || images.length < n * IMAGE_SIZE) {
    throw new RangeError(`images: expected ${n} rows of ${IMAGE_SIZE} values, got ${images.length} values`);
  }
  let count = 0;
  let positions = 0;
  let K = 0;
  // One read-back: the indices (as floats, exact below 2^24), then the usage, then its figures.
  const values = await trainer.readEngine((engine, liveTest) => {
    const vq = asVqEngine(engine);
    [count, positions, K] = [liveTest.shape[0], vq.positions, vq.codebookSize];
    const indices = vq.encodeIndices(tf.tensor2d(images.subarray(0, n * IMAGE_SIZE), [n, IMAGE_SIZE]));
    const usage = tf.cast(vq.usage(liveTest), 'float32') as tf.Tensor1D;
    return tf.concat([tf.cast(tf.reshape(indices, [-1]), 'float32'), usage, usageFigures(usage)]);
  });
  const cut = n * positions;
  return {
    indices: Int32Array.from(values.subarray(0, cut)),
    usage: Float32Array.from(values.subarray(cut, cut + K)),
    perplexity: values[cut + K],
    codesUsed: values[cut + K + 1],
    count,
  };
}

/**
 * [n, positions] indices -> [n, 784] images in [0, 1]. Indices outside 0..K-1 or a wrong length
 * are refused with a message that names them (gather would clamp them silently).
 */
export async function decodeVqIndices(trainer: Trainer, indices: Int32Array, n: number): Promise<Float32Array> {
  const values = await trainer.readEngine((engine) => {
    const vq = asVqEngine(engine);
    checkIndices(indices, n, vq.positions, vq.codebookSize);
    return vq.decodeIndices(tf.tensor2d(indices.subarray(0, n * vq.positions), [n, vq.positions], 'int32'));
  });
  return values as Float32Array;
}

export function checkIndices(indices: ArrayLike<number>, n: number, positions: number, K: number): void {
  if (!Number.isInteger(n) || n < 1 || indices.length !== n * positions) {
    throw new RangeError(`code indices: expected ${n} rows of ${positions}, got ${indices.length} values`);
  }
  for (let i = 0; i < indices.length; i++) {
    const k = indices[i];
    if (!Number.isInteger(k) || k < 0 || k >= K) {
      throw new RangeError(`code index ${k} at position ${i % positions} of row ${Math.floor(i / positions)} is not one of the ${K} codes (0 to ${K - 1})`);
    }
  }
}
