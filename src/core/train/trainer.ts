/**
 * The training loop of the lab: an MLP autoencoder trained on a seeded subset of MNIST with
 * a custom loop (no tf.layers), so each step is one tf.tidy and the loss stays on the device
 * until the worker asks for it.
 *
 * Owned tensors: the training subset [trainSize, 784], the live test subset [1000, 784], the
 * model's variables, the optimizer's slots and one scalar that accumulates the batch losses.
 */
import * as tf from '@tensorflow/tfjs';
import { checkConfig, IMAGE_SIZE, type LabConfig } from '../config';
import { imagesToFloat, LIVE_TEST_SIZE, pixelMoments } from '../data/dataset';
import { createRng, deriveSeed, seededSubset, shuffleInPlace } from '../data/rng';
import { createMlpAutoencoder, outputBiasForMean, type MlpAutoencoder } from '../models/mlp';
import { detectDivergence } from './divergence';
import { evaluationSums, meanImageLoss, meanPixelLoss } from './losses';
import { createOptimizer, disposeOptimizer } from './optimizers';
import type { Divergence, MnistData, TestMetrics, TrainMetrics } from './types';

/** Test images per evaluation chunk: bounds the device memory an evaluation needs. */
const EVAL_CHUNK = 1000;

export class Trainer {
  readonly config: LabConfig;
  /** Indices into the 60,000 training digits of this run's training subset, ascending. */
  readonly trainIndices: Int32Array;
  /**
   * Training loss per pixel of drawing the subset's mean image: where an untrained model
   * starts (its output bias is the mean image) and the yardstick for an exploding loss.
   */
  readonly meanImageLoss: number;
  private readonly data: MnistData;
  /** [trainSize, 784] pixels in [0, 1], resident on the backend: a step uploads only indices. */
  private readonly trainImages: tf.Tensor2D;
  /** [min(1000, testCount), 784]: the first test digits, for the live test curve. */
  private readonly liveTestImages: tf.Tensor2D;
  /** [784] initial output bias: the decoder starts out drawing the subset's mean image. */
  private readonly outputBias: Float32Array;
  private model: MlpAutoencoder;
  private optimizer: tf.Optimizer;
  /** Sum of the batch losses since the last read, kept on the device. Scalar. */
  private lossSum: tf.Scalar;
  private stepsSinceRead = 0;
  private stepCount = 0;
  /** Batch order: a fresh seeded permutation of the subset each epoch, consumed in order. */
  private batchRng: () => number;
  private order: Int32Array;
  private cursor = 0;
  private bestLoss = Infinity;
  private lastTrainLoss = Number.NaN;
  /** Bumped by reset() and dispose(), so an async read can tell the model changed under it. */
  private generation = 0;
  private disposed = false;

  constructor(data: MnistData, config: LabConfig) {
    const checked = checkConfig(config);
    if (!checked.ok) {
      throw new Error(`Invalid configuration: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    }
    this.config = checked.config;
    this.data = data;
    const { trainSize, seed } = this.config.train;
    if (trainSize > data.trainCount) {
      throw new Error(`trainSize ${trainSize} is larger than the ${data.trainCount} training digits`);
    }
    this.trainIndices = seededSubset(data.trainCount, trainSize, seed);
    const pixels = imagesToFloat(data.trainImages, this.trainIndices);
    const moments = pixelMoments(pixels);
    this.outputBias = outputBiasForMean(moments.mean, this.config.model.outputActivation);
    this.meanImageLoss = meanImageLoss(moments.mean, moments.meanSquare, this.config.model);
    this.trainImages = tf.tensor2d(pixels, [trainSize, IMAGE_SIZE]);
    const live = Math.min(LIVE_TEST_SIZE, data.testCount);
    this.liveTestImages = tf.tensor2d(imagesToFloat(data.testImages.subarray(0, live * IMAGE_SIZE), null), [
      live,
      IMAGE_SIZE,
    ]);
    this.model = createMlpAutoencoder(this.config.model, seed, IMAGE_SIZE, this.outputBias);
    this.optimizer = createOptimizer(this.config.train);
    this.lossSum = tf.scalar(0);
    this.batchRng = createRng(deriveSeed(seed, 2));
    this.order = new Int32Array(0);
  }

  get step(): number {
    return this.stepCount;
  }

  get samplesSeen(): number {
    return this.stepCount * this.config.train.batchSize;
  }

  /** Passes over the training subset, fractional. */
  get epoch(): number {
    return this.samplesSeen / this.config.train.trainSize;
  }

  /** Numbers per code (the bottleneck width). */
  get codeSize(): number {
    return this.config.model.codeSize;
  }

  /**
   * Runs n optimizer steps synchronously. Each step gathers a batch [batchSize, 784] from the
   * resident training subset, minimises the mean pixel loss over the model's variables and
   * adds the batch loss to the on-device sum. Nothing is read back here.
   */
  steps(n: number): void {
    this.assertAlive();
    const spec = this.config.model;
    const model = this.model;
    for (let i = 0; i < n; i++) {
      const batch = this.nextBatch();
      const nextSum = tf.tidy(() => {
        const x = tf.gather(this.trainImages, tf.tensor1d(batch, 'int32'));
        const cost = this.optimizer.minimize(
          () => meanPixelLoss(model.decodeLogits(model.encode(x)), x, spec),
          true,
          model.variables,
        );
        return tf.add(this.lossSum, cost as tf.Scalar) as tf.Scalar;
      });
      this.lossSum.dispose();
      this.lossSum = nextSum;
      this.stepCount++;
      this.stepsSinceRead++;
    }
  }

  /**
   * The mean training loss per pixel since the previous read (one await of a scalar), and
   * whether training diverged (see detectDivergence: NaN or infinite, or exploding far above
   * the best read so far).
   */
  async readTrainMetrics(): Promise<TrainMetrics & { divergence?: Divergence }> {
    this.assertAlive();
    const sum = this.lossSum;
    const n = this.stepsSinceRead;
    const step = this.stepCount;
    const generation = this.generation;
    // Swap in a fresh accumulator first, so steps taken during the await are not lost.
    this.lossSum = tf.scalar(0);
    this.stepsSinceRead = 0;
    const total = (await sum.data())[0];
    sum.dispose();
    const metrics = {
      step,
      epoch: (step * this.config.train.batchSize) / this.config.train.trainSize,
      samplesSeen: step * this.config.train.batchSize,
      trainLoss: n > 0 ? total / n : this.lastTrainLoss,
    };
    if (n === 0 || generation !== this.generation) return metrics;
    this.lastTrainLoss = metrics.trainLoss;
    const { learningRate } = this.config.train;
    const divergence = detectDivergence(metrics.trainLoss, step, this.bestLoss, learningRate, this.meanImageLoss);
    if (Number.isFinite(metrics.trainLoss)) this.bestLoss = Math.min(this.bestLoss, metrics.trainLoss);
    return divergence ? { ...metrics, divergence } : metrics;
  }

  /**
   * Loss per pixel and squared error per image on the test set, from the raw model output.
   * 'live' = the first 1,000 test digits (resident on the device), 'full' = all 10,000.
   * Evaluated in chunks of 1,000 with one small read-back each.
   */
  async evaluateTest(which: 'live' | 'full'): Promise<TestMetrics> {
    this.assertAlive();
    const spec = this.config.model;
    const model = this.model;
    const generation = this.generation;
    const live = this.liveTestImages.shape[0];
    const count = which === 'live' ? live : this.data.testCount;
    let lossSum = 0;
    let squaredErrorSum = 0;
    for (let start = 0; start < count; start += EVAL_CHUNK) {
      const n = Math.min(EVAL_CHUNK, count - start);
      const sums = tf.tidy(() => {
        const x =
          start + n <= live
            ? n === live && start === 0
              ? this.liveTestImages
              : tf.slice(this.liveTestImages, [start, 0], [n, IMAGE_SIZE])
            : tf.tensor2d(
                imagesToFloat(this.data.testImages.subarray(start * IMAGE_SIZE, (start + n) * IMAGE_SIZE), null),
                [n, IMAGE_SIZE],
              );
        return evaluationSums(model.decodeLogits(model.encode(x)), x, spec);
      });
      const values = await sums.data();
      sums.dispose();
      if (generation !== this.generation) throw new Error('The model was reset during the test evaluation.');
      lossSum += values[0];
      squaredErrorSum += values[1];
    }
    return { testLoss: lossSum / (count * IMAGE_SIZE), testSquaredError: squaredErrorSum / count, count };
  }

  /** [n, 784] images in [0, 1] -> [n, codeSize] codes. */
  async encode(images: Float32Array, n: number): Promise<Float32Array> {
    this.assertAlive();
    const x = this.inputTensor(images, n, IMAGE_SIZE, 'images');
    return readAndDispose(tf.tidy(() => this.model.encode(x())));
  }

  /** [n, codeSize] codes -> [n, 784] images in [0, 1], in one batched call. */
  async decode(codes: Float32Array, n: number): Promise<Float32Array> {
    this.assertAlive();
    const c = this.inputTensor(codes, n, this.codeSize, 'codes');
    return readAndDispose(tf.tidy(() => this.toDisplay(this.model.decode(c()))));
  }

  /** [n, 784] images in [0, 1] -> [n, 784] reconstructions in [0, 1]. */
  async reconstruct(images: Float32Array, n: number): Promise<Float32Array> {
    this.assertAlive();
    const x = this.inputTensor(images, n, IMAGE_SIZE, 'images');
    return readAndDispose(tf.tidy(() => this.toDisplay(this.model.decode(this.model.encode(x())))));
  }

  /** Re-initialises weights, optimizer state and batch order from the seed; step = 0. */
  reset(): void {
    this.assertAlive();
    this.generation++;
    this.model.dispose();
    disposeOptimizer(this.optimizer);
    this.lossSum.dispose();
    const { seed } = this.config.train;
    this.model = createMlpAutoencoder(this.config.model, seed, IMAGE_SIZE, this.outputBias);
    this.optimizer = createOptimizer(this.config.train);
    this.lossSum = tf.scalar(0);
    this.stepsSinceRead = 0;
    this.stepCount = 0;
    this.batchRng = createRng(deriveSeed(seed, 2));
    this.order = new Int32Array(0);
    this.cursor = 0;
    this.bestLoss = Infinity;
    this.lastTrainLoss = Number.NaN;
  }

  /** Frees every tensor and variable the trainer owns. The trainer is unusable afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.generation++;
    this.model.dispose();
    disposeOptimizer(this.optimizer);
    this.lossSum.dispose();
    this.trainImages.dispose();
    this.liveTestImages.dispose();
  }

  /**
   * The next batch of subset rows: continues through the current permutation and starts a
   * new one when it runs out, so every batch has the same size (one compiled shape on GPUs).
   */
  private nextBatch(): Int32Array {
    const size = this.config.train.batchSize;
    if (this.cursor + size <= this.order.length) {
      const batch = this.order.subarray(this.cursor, this.cursor + size);
      this.cursor += size;
      return batch;
    }
    const batch = new Int32Array(size);
    let filled = 0;
    while (filled < size) {
      if (this.cursor >= this.order.length) this.newEpochOrder();
      const take = Math.min(size - filled, this.order.length - this.cursor);
      batch.set(this.order.subarray(this.cursor, this.cursor + take), filled);
      this.cursor += take;
      filled += take;
    }
    return batch;
  }

  private newEpochOrder(): void {
    // A fresh array (not an in-place reshuffle): earlier batches may still be views of the old one.
    const order = new Int32Array(this.config.train.trainSize);
    for (let i = 0; i < order.length; i++) order[i] = i;
    this.order = shuffleInPlace(order, this.batchRng);
    this.cursor = 0;
  }

  /** A thunk so the tensor is created inside the caller's tidy. */
  private inputTensor(values: Float32Array, n: number, width: number, what: string): () => tf.Tensor2D {
    if (!Number.isInteger(n) || n < 0 || values.length < n * width) {
      throw new RangeError(`${what}: expected ${n} rows of ${width} values, got ${values.length} values`);
    }
    return () => tf.tensor2d(values.subarray(0, n * width), [n, width]);
  }

  /** Values for the page: a linear output is clamped to [0, 1] (metrics use the raw output). */
  private toDisplay(output: tf.Tensor2D): tf.Tensor2D {
    return this.config.model.outputActivation === 'linear' ? tf.clipByValue(output, 0, 1) : output;
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('This trainer was disposed.');
  }
}

async function readAndDispose(t: tf.Tensor): Promise<Float32Array> {
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}
