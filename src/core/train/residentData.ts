/**
 * A run's digits on the device: the seeded training subset and the live test digits, uploaded
 * once, so a training step uploads only the indices of its batch. Pure data, no model.
 *
 * Owned tensors: the training subset [trainSize, 784] and its labels [trainSize], the live test
 * subset [min(1000, testCount), 784] and its labels.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, type LabConfig } from '../config';
import { imagesToFloat, LIVE_TEST_SIZE, pixelMoments } from '../data/dataset';
import { trainingSubset } from '../data/normalSubset';
import { outputBiasForMean } from '../models/denseStack';
import { meanImageLoss } from './losses';
import type { MnistData } from './types';

export class ResidentData {
  /** Indices into the 60,000 training digits of this run's training subset, ascending. */
  readonly trainIndices: Int32Array;
  /**
   * Training loss per pixel of drawing the subset's mean image: where an untrained model
   * starts (its output bias is the mean image) and the yardstick for an exploding loss.
   */
  readonly meanImageLoss: number;
  /** [784] initial output bias: the decoder starts out drawing the subset's mean image. */
  readonly outputBias: Float32Array;
  /** [trainSize, 784] pixels in [0, 1], resident on the backend: a step uploads only indices. */
  readonly trainImages: tf.Tensor2D;
  /** [trainSize] int32 digit labels of the training subset (a conditional decoder reads them). */
  readonly trainLabels: tf.Tensor1D;
  /** [min(1000, testCount), 784]: the first test digits, for the live test curve. */
  readonly liveTestImages: tf.Tensor2D;
  /** [min(1000, testCount)] int32 labels of the live test digits (for the engines' measures). */
  readonly liveTestLabels: tf.Tensor1D;

  constructor(
    readonly mnist: MnistData,
    config: LabConfig,
  ) {
    const { trainSize, seed, normalDigits } = config.train;
    if (trainSize > mnist.trainCount) {
      throw new Error(`trainSize ${trainSize} is larger than the ${mnist.trainCount} training digits`);
    }
    // All ten digits: the seeded subset of before; fewer (anomaly detection): only those digits.
    this.trainIndices = trainingSubset(mnist.trainLabels.subarray(0, mnist.trainCount), trainSize, seed, normalDigits);
    const pixels = imagesToFloat(mnist.trainImages, this.trainIndices);
    const moments = pixelMoments(pixels);
    this.outputBias = outputBiasForMean(moments.mean, config.model.outputActivation);
    this.meanImageLoss = meanImageLoss(moments.mean, moments.meanSquare, config.model);
    this.trainImages = tf.tensor2d(pixels, [this.trainIndices.length, IMAGE_SIZE]);
    this.trainLabels = tf.tensor1d(Int32Array.from(this.trainIndices, (i) => mnist.trainLabels[i]), 'int32');
    const live = Math.min(LIVE_TEST_SIZE, mnist.testCount);
    this.liveTestImages = tf.tensor2d(imagesToFloat(mnist.testImages.subarray(0, live * IMAGE_SIZE), null), [live, IMAGE_SIZE]);
    this.liveTestLabels = tf.tensor1d(Int32Array.from(mnist.testLabels.subarray(0, live)), 'int32');
  }

  /** Rows in the training subset. */
  get trainCount(): number {
    return this.trainIndices.length;
  }

  /** Rows in the live test subset. */
  get liveCount(): number {
    return this.liveTestImages.shape[0];
  }

  /**
   * Test digits [start, start + n) as [n, 784] pixels (call inside a tidy): a view of the
   * resident live subset where it covers them, else uploaded from the test set.
   */
  testChunk(start: number, n: number): tf.Tensor2D {
    const live = this.liveCount;
    if (start + n > live) {
      const pixels = imagesToFloat(this.mnist.testImages.subarray(start * IMAGE_SIZE, (start + n) * IMAGE_SIZE), null);
      return tf.tensor2d(pixels, [n, IMAGE_SIZE]);
    }
    return start === 0 && n === live ? this.liveTestImages : tf.slice(this.liveTestImages, [start, 0], [n, IMAGE_SIZE]);
  }

  /** [n] int32 labels of test digits start..start+n (for a conditional decoder; see testChunk). */
  testLabelChunk(start: number, n: number): tf.Tensor1D {
    const live = this.liveTestLabels.shape[0];
    if (start + n > live) return tf.tensor1d(Int32Array.from(this.mnist.testLabels.subarray(start, start + n)), 'int32');
    return start === 0 && n === live ? this.liveTestLabels : tf.slice(this.liveTestLabels, [start], [n]);
  }

  dispose(): void {
    tf.dispose([this.trainImages, this.trainLabels, this.liveTestImages, this.liveTestLabels]);
  }
}
