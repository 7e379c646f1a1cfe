/**
 * A VAE training run: the VAE, its optimizer and a seeded training subset resident on the
 * device, stepped like Trainer.steps (one tf.tidy per step, sums kept on the device until
 * read). It is the VAE counterpart of trainer.ts for the engine's tests and the quality table,
 * and the shape the Trainer takes when it learns the VAE (docs: issue 4).
 *
 * Owned tensors: the training subset [trainSize, 784], the model's variables, the optimizer's
 * slots and one [2] sum of the batch terms (reconstruction, KL) since the last read.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../config';
import { imagesToFloat, pixelMoments } from '../data/dataset';
import { seededSubset } from '../data/rng';
import { outputBiasForMean } from '../models/mlp';
import { createVae, stepNoise, type VariationalAutoencoder } from '../models/vae';
import { checkConfig, type TrainConfig } from '../config';
import type { VaeModelConfig } from '../kinds/vae/kind';

type VaeLabConfig = { model: VaeModelConfig; train: TrainConfig };
import { BatchOrder } from './batchOrder';
import { createOptimizer, disposeOptimizer } from './optimizers';
import type { MnistData } from './types';
import { evaluateVae, vaeStep, type VaeEvaluation } from './vaeObjective';

/** Training figures since the previous read, nats per image (means over the steps' batches). */
export interface VaeTrainMetrics {
  step: number;
  epoch: number;
  reconstruction: number;
  kl: number;
  /** reconstruction + KL, the negative ELBO (what a student compares with -ELBO). */
  loss: number;
  /** reconstruction + β KL: what was minimised. */
  objective: number;
  elbo: number;
}

export class VaeRun {
  readonly config: VaeLabConfig;
  readonly model: VariationalAutoencoder;
  /** Indices into the training digits of this run's subset, ascending. */
  readonly trainIndices: Int32Array;
  private readonly trainImages: tf.Tensor2D;
  private readonly optimizer: tf.Optimizer;
  private readonly batches: BatchOrder;
  /** [2] sum over the steps since the last read of the batch means (reconstruction, KL). */
  private termSums: tf.Tensor1D;
  private stepsSinceRead = 0;
  private stepCount = 0;
  private disposed = false;

  constructor(data: MnistData, config: VaeLabConfig) {
    const checked = checkConfig(config);
    if (!checked.ok) {
      throw new Error(`Invalid VAE configuration: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    }
    this.config = checked.config as VaeLabConfig;
    const { trainSize, seed } = this.config.train;
    if (trainSize > data.trainCount) {
      throw new Error(`trainSize ${trainSize} is larger than the ${data.trainCount} training digits`);
    }
    this.trainIndices = seededSubset(data.trainCount, trainSize, seed);
    const pixels = imagesToFloat(data.trainImages, this.trainIndices);
    const outputBias = outputBiasForMean(pixelMoments(pixels).mean, 'sigmoid');
    this.trainImages = tf.tensor2d(pixels, [trainSize, IMAGE_SIZE]);
    this.model = createVae(this.config.model, seed, IMAGE_SIZE, outputBias);
    this.optimizer = createOptimizer(this.config.train);
    this.batches = new BatchOrder(trainSize, this.config.train.batchSize, seed);
    this.termSums = tf.zeros([2]);
  }

  get step(): number {
    return this.stepCount;
  }

  /**
   * n optimizer steps, synchronously; nothing is read back. Step k's noise ε is
   * stepNoise(seed, k, ...), so a run is the same for the same seed.
   */
  steps(n: number): void {
    this.assertAlive();
    const { beta, codeSize } = this.config.model;
    const { batchSize, seed } = this.config.train;
    for (let i = 0; i < n; i++) {
      const batch = this.batches.next();
      let terms: tf.Tensor1D | undefined;
      const next = tf.tidy(() => {
        const x = tf.gather(this.trainImages, tf.tensor1d(batch, 'int32'));
        terms = vaeStep(this.model, this.optimizer, x, stepNoise(seed, this.stepCount, batchSize, codeSize), beta);
        return tf.add(this.termSums, terms) as tf.Tensor1D;
      });
      terms!.dispose();
      this.termSums.dispose();
      this.termSums = next;
      this.stepCount++;
      this.stepsSinceRead++;
    }
  }

  /** Mean training terms since the previous read (one await of two numbers). */
  async readTrainMetrics(): Promise<VaeTrainMetrics> {
    this.assertAlive();
    const sums = this.termSums;
    const n = this.stepsSinceRead;
    const step = this.stepCount;
    this.termSums = tf.zeros([2]);
    this.stepsSinceRead = 0;
    const [recSum, klSum] = await sums.data();
    sums.dispose();
    const reconstruction = n > 0 ? recSum / n : Number.NaN;
    const kl = n > 0 ? klSum / n : Number.NaN;
    const { trainSize, batchSize } = this.config.train;
    return {
      step,
      epoch: (step * batchSize) / trainSize,
      reconstruction,
      kl,
      loss: reconstruction + kl,
      objective: reconstruction + this.config.model.beta * kl,
      elbo: -(reconstruction + kl),
    };
  }

  /** The ELBO of [count, 784] images (see evaluateVae); seeded noise, the same every call. */
  evaluate(images: Float32Array, count: number, options: { samples?: number } = {}): Promise<VaeEvaluation> {
    this.assertAlive();
    return evaluateVae(this.model, images, count, { seed: this.config.train.seed, ...options });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.model.dispose();
    disposeOptimizer(this.optimizer);
    this.termSums.dispose();
    this.trainImages.dispose();
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('This VAE run was disposed.');
  }
}
