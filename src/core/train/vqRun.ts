/**
 * A VQ-VAE training run, the counterpart of vaeRun.ts: the model, its optimizer and a seeded
 * training subset resident on the device; n steps at a time, one tf.tidy each; the loss terms
 * and the codebook usage summed on the device until read.
 *
 * Owned tensors: the training subset [trainSize, 784], the model's variables, the optimizer's
 * slots, the [3] term sums, the [K] usage since the last read and the [K] usage since the last
 * dead-code reset.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../config';
import { imagesToFloat, pixelMoments } from '../data/dataset';
import { createRng, deriveSeed, seededSubset } from '../data/rng';
import { outputBiasForMean } from '../models/mlp';
import { createVq, type VqAutoencoder } from '../models/vq';
import { checkConfig, type TrainConfig } from '../config';
import type { VqModelConfig } from '../kinds/vq/kind';

type VqLabConfig = { model: VqModelConfig; train: TrainConfig };
import { BatchOrder } from './batchOrder';
import { createOptimizer, disposeOptimizer } from './optimizers';
import type { MnistData } from './types';
import { perplexity, resetDeadCodes, vqStep, vqTerms } from './vqObjective';

/** Training images encoded to find new places for dead codes. */
const RESET_CANDIDATE_IMAGES = 256;
const RESET_STREAM = 5;

export interface VqTrainMetrics {
  step: number;
  /** Means over the steps since the previous read, per image. */
  reconstruction: number;
  codebook: number;
  commitment: number;
  /** [K] times each code was picked since the previous read. */
  usage: Float32Array;
  /** exp(entropy) of that usage: the effective number of codes in use (1..K). */
  perplexity: number;
  /** Codes picked at least once since the previous read. */
  codesUsed: number;
}

export class VqRun {
  readonly config: VqLabConfig;
  readonly model: VqAutoencoder;
  readonly trainIndices: Int32Array;
  private readonly trainImages: tf.Tensor2D;
  private readonly optimizer: tf.Optimizer;
  private readonly batches: BatchOrder;
  private readonly resetRng: () => number;
  private termSums: tf.Tensor1D;
  private usageSinceRead: tf.Tensor1D;
  private usageSinceReset: tf.Tensor1D;
  private stepsSinceRead = 0;
  private stepCount = 0;
  private disposed = false;

  constructor(data: MnistData, config: VqLabConfig) {
    const checked = checkConfig(config);
    if (!checked.ok) {
      throw new Error(`Invalid VQ-VAE configuration: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    }
    this.config = checked.config as VqLabConfig;
    const { trainSize, seed } = this.config.train;
    if (trainSize > data.trainCount) throw new Error(`trainSize ${trainSize} is larger than the ${data.trainCount} training digits`);
    this.trainIndices = seededSubset(data.trainCount, trainSize, seed);
    const pixels = imagesToFloat(data.trainImages, this.trainIndices);
    this.trainImages = tf.tensor2d(pixels, [trainSize, IMAGE_SIZE]);
    this.model = createVq(this.config.model, seed, IMAGE_SIZE, outputBiasForMean(pixelMoments(pixels).mean, 'sigmoid'));
    this.optimizer = createOptimizer(this.config.train);
    this.batches = new BatchOrder(trainSize, this.config.train.batchSize, seed);
    this.resetRng = createRng(deriveSeed(seed, RESET_STREAM));
    const K = this.config.model.codebookSize;
    this.termSums = tf.zeros([3]);
    this.usageSinceRead = tf.zeros([K]);
    this.usageSinceReset = tf.zeros([K]);
  }

  get step(): number {
    return this.stepCount;
  }

  /** n optimizer steps, synchronously; nothing is read back. */
  steps(n: number): void {
    this.assertAlive();
    for (let i = 0; i < n; i++) {
      const batch = this.batches.next();
      let kept: { terms: tf.Tensor1D; usage: tf.Tensor1D } | undefined;
      const next = tf.tidy(() => {
        const x = tf.gather(this.trainImages, tf.tensor1d(batch, 'int32'));
        kept = vqStep(this.model, this.optimizer, x);
        return [
          tf.add(this.termSums, kept.terms),
          tf.add(this.usageSinceRead, kept.usage),
          tf.add(this.usageSinceReset, kept.usage),
        ] as tf.Tensor1D[];
      });
      tf.dispose([kept!.terms, kept!.usage, this.termSums, this.usageSinceRead, this.usageSinceReset]);
      [this.termSums, this.usageSinceRead, this.usageSinceReset] = next;
      this.stepCount++;
      this.stepsSinceRead++;
    }
  }

  /** Mean terms, usage and perplexity since the previous read. */
  async readTrainMetrics(): Promise<VqTrainMetrics> {
    this.assertAlive();
    const [sums, usageTensor] = [this.termSums, this.usageSinceRead];
    const n = this.stepsSinceRead;
    const step = this.stepCount;
    this.termSums = tf.zeros([3]);
    this.usageSinceRead = tf.zeros([this.config.model.codebookSize]);
    this.stepsSinceRead = 0;
    const [values, usage] = (await Promise.all([sums.data(), usageTensor.data()])) as Float32Array[];
    tf.dispose([sums, usageTensor]);
    const mean = (v: number) => (n > 0 ? v / n : Number.NaN);
    return {
      step,
      reconstruction: mean(values[0]),
      codebook: mean(values[1]),
      commitment: mean(values[2]),
      usage,
      perplexity: perplexity(usage),
      codesUsed: usage.filter((c) => c > 0).length,
    };
  }

  /**
   * Resets the codes not picked since the previous reset onto encoder outputs of seeded random
   * training images (see resetDeadCodes). Call it every few hundred steps, not every step: a
   * code needs a chance to be picked first.
   * @returns the indices of the codes that were reset
   */
  async resetDeadCodes(): Promise<number[]> {
    this.assertAlive();
    const usageTensor = this.usageSinceReset;
    this.usageSinceReset = tf.zeros([this.config.model.codebookSize]);
    const counts = await usageTensor.data();
    usageTensor.dispose();
    const trainSize = this.trainImages.shape[0];
    const rows = Int32Array.from({ length: RESET_CANDIDATE_IMAGES }, () => Math.floor(this.resetRng() * trainSize));
    const candidates = tf.tidy(() => {
      const zE = this.model.encodeContinuous(tf.gather(this.trainImages, tf.tensor1d(rows, 'int32')));
      return tf.reshape(zE, [-1, this.model.codeDim]) as tf.Tensor2D;
    });
    try {
      return resetDeadCodes(this.model, counts, candidates, this.resetRng);
    } finally {
      candidates.dispose();
    }
  }

  /**
   * Test figures over [count, 784] images: mean reconstruction (nats per image), squared error
   * per image, and the codebook usage, perplexity and codes used on them.
   */
  async evaluate(
    images: Float32Array,
    count: number,
  ): Promise<{ reconstruction: number; squaredError: number; perplexity: number; codesUsed: number }> {
    this.assertAlive();
    let reconstruction = 0;
    let squaredError = 0;
    const usage = new Float64Array(this.config.model.codebookSize);
    for (let start = 0; start < count; start += 1000) {
      const n = Math.min(1000, count - start);
      const [sums, used] = tf.tidy(() => {
        const x = tf.tensor2d(images.subarray(start * IMAGE_SIZE, (start + n) * IMAGE_SIZE), [n, IMAGE_SIZE]);
        const t = vqTerms(this.model, x);
        const error = tf.sum(tf.squaredDifference(this.model.decode(this.model.encode(x)), x));
        return [tf.stack([tf.mul(t.reconstruction, n), error]), t.usage];
      });
      const [s, u] = (await Promise.all([sums.data(), used.data()])) as Float32Array[];
      tf.dispose([sums, used]);
      reconstruction += s[0];
      squaredError += s[1];
      u.forEach((c, k) => (usage[k] += c));
    }
    return {
      reconstruction: reconstruction / count,
      squaredError: squaredError / count,
      perplexity: perplexity(usage),
      codesUsed: usage.filter((c) => c > 0).length,
    };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.model.dispose();
    disposeOptimizer(this.optimizer);
    tf.dispose([this.termSums, this.usageSinceRead, this.usageSinceReset, this.trainImages]);
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('This VQ-VAE run was disposed.');
  }
}
