/**
 * A text-autoencoder training run (text-retrieval lesson): the model, its Adam optimizer and
 * the passages' word counts resident on the device, stepped like Trainer.steps (one tf.tidy per
 * step, the loss summed on the device until read). The lab worker runs two of these, the map
 * (2-number code) and the retrieval code (10 numbers); the quality table runs them in Node.
 *
 * Owned tensors: the counts [n, V], the model's variables, the optimizer's slots and one
 * scalar loss sum since the last read.
 */
import * as tf from '@tensorflow/tfjs';
import { deriveSeed } from '../../data/rng';
import type { BagOfWords } from '../../data/textCorpus';
import { bagToRow } from '../../data/textCorpus';
import type { MlpAutoencoder } from '../mlp/model';
import { createTextAutoencoder, textInputAndTarget, textStep, unigramLogits, wordCrossEntropy, type TextModelConfig } from './model';
import { BatchOrder } from '../../train/batchOrder';
import { createOptimizer, disposeOptimizer } from '../../train/optimizers';

export interface TextRunConfig {
  model: TextModelConfig;
  learningRate: number;
  batchSize: number;
  seed: number;
}

export interface TextTrainMetrics {
  step: number;
  epoch: number;
  /** Mean cross-entropy of the training batches since the previous read, nats per word. */
  loss: number;
}

/** Rows encoded per tfjs call when all passages are encoded. */
const ENCODE_CHUNK = 512;

export class TextRun {
  readonly config: TextRunConfig;
  readonly size: number;
  readonly vocabularySize: number;
  /** [V] log unigram frequencies: the untrained decoder's output bias. */
  readonly unigram: Float32Array;
  private model: MlpAutoencoder;
  private optimizer: tf.Optimizer;
  private batches: BatchOrder;
  private readonly counts: tf.Tensor2D;
  private lossSum: tf.Scalar;
  private stepsSinceRead = 0;
  private stepCount = 0;
  private disposed = false;

  /** @param bags the passages' bags of words over a vocabulary of vocabularySize words */
  constructor(bags: readonly BagOfWords[], vocabularySize: number, config: TextRunConfig) {
    if (bags.length < config.batchSize) throw new RangeError(`${bags.length} passages are fewer than one batch of ${config.batchSize}`);
    this.config = config;
    this.size = bags.length;
    this.vocabularySize = vocabularySize;
    const dense = new Float32Array(bags.length * vocabularySize);
    bags.forEach((bag, r) => bagToRow(bag, vocabularySize, 'counts', dense.subarray(r * vocabularySize, (r + 1) * vocabularySize)));
    this.counts = tf.tensor2d(dense, [bags.length, vocabularySize]);
    this.unigram = unigramLogits(bags, vocabularySize);
    this.lossSum = tf.scalar(0);
    [this.model, this.optimizer, this.batches] = this.fresh();
  }

  get step(): number {
    return this.stepCount;
  }

  get epoch(): number {
    return (this.stepCount * this.config.batchSize) / this.size;
  }

  get codeSize(): number {
    return this.config.model.codeSize;
  }

  /** n optimizer steps, synchronously; nothing is read back. */
  steps(n: number): void {
    this.assertAlive();
    for (let i = 0; i < n; i++) {
      const batch = this.batches.next();
      let loss: tf.Scalar | undefined;
      const next = tf.tidy(() => {
        const { x, p } = textInputAndTarget(tf.gather(this.counts, tf.tensor1d(batch, 'int32')) as tf.Tensor2D);
        loss = textStep(this.model, this.optimizer, x, p);
        return tf.add(this.lossSum, loss) as tf.Scalar;
      });
      loss!.dispose();
      this.lossSum.dispose();
      this.lossSum = next;
      this.stepCount++;
      this.stepsSinceRead++;
    }
  }

  /** Mean training loss since the previous read (one await of one number). */
  async readTrainMetrics(): Promise<TextTrainMetrics> {
    this.assertAlive();
    const sum = this.lossSum;
    const n = this.stepsSinceRead;
    this.lossSum = tf.scalar(0);
    this.stepsSinceRead = 0;
    const [total] = await sum.data();
    sum.dispose();
    return { step: this.stepCount, epoch: this.epoch, loss: n > 0 ? total / n : Number.NaN };
  }

  /** Codes of every passage, in passage order. @returns [size, codeSize] */
  async encodeAll(): Promise<Float32Array> {
    this.assertAlive();
    const k = this.codeSize;
    const out = new Float32Array(this.size * k);
    for (let start = 0; start < this.size; start += ENCODE_CHUNK) {
      const end = Math.min(this.size, start + ENCODE_CHUNK);
      const code = tf.tidy(() => this.model.encode(textInputAndTarget(this.counts.slice([start, 0], [end - start, -1])).x));
      out.set(await code.data(), start * k);
      code.dispose();
    }
    return out;
  }

  /**
   * Codes of input rows that are already transformed (textCorpus 'log1p-unit', e.g. a typed query).
   * @param rows [n, V]  @returns [n, codeSize]
   */
  async encodeRows(rows: Float32Array, n: number): Promise<Float32Array> {
    this.assertAlive();
    if (rows.length !== n * this.vocabularySize) throw new RangeError(`rows hold ${rows.length} values, not ${n} x ${this.vocabularySize}`);
    const code = tf.tidy(() => this.model.encode(tf.tensor2d(rows, [n, this.vocabularySize])));
    const out = (await code.data()) as Float32Array;
    code.dispose();
    return out;
  }

  /** Mean cross-entropy of every passage under the current model, nats per word (no update). */
  async evaluate(): Promise<number> {
    this.assertAlive();
    let sum = 0;
    for (let start = 0; start < this.size; start += ENCODE_CHUNK) {
      const end = Math.min(this.size, start + ENCODE_CHUNK);
      const s = tf.tidy(() => {
        const { x, p } = textInputAndTarget(this.counts.slice([start, 0], [end - start, -1]));
        return tf.sum(wordCrossEntropy(this.model.decodeLogits(this.model.encode(x)), p));
      });
      sum += (await s.data())[0];
      s.dispose();
    }
    return sum / this.size;
  }

  /** Back to the seed's initial weights and a fresh optimizer; the counts stay. */
  reset(): void {
    this.assertAlive();
    this.model.dispose();
    disposeOptimizer(this.optimizer);
    this.lossSum.dispose();
    this.lossSum = tf.scalar(0);
    this.stepsSinceRead = 0;
    this.stepCount = 0;
    [this.model, this.optimizer, this.batches] = this.fresh();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.model.dispose();
    disposeOptimizer(this.optimizer);
    this.lossSum.dispose();
    this.counts.dispose();
  }

  private fresh(): [MlpAutoencoder, tf.Optimizer, BatchOrder] {
    const { model, learningRate, batchSize, seed } = this.config;
    // The two sizes of one run share the seed but not their weights' stream.
    const modelSeed = deriveSeed(seed, 10 + model.codeSize);
    return [
      createTextAutoencoder(model, modelSeed, this.vocabularySize, this.unigram),
      createOptimizer({ optimizer: 'adam', learningRate, momentum: 0 }),
      new BatchOrder(this.size, batchSize, modelSeed),
    ];
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('This text run was disposed.');
  }
}
