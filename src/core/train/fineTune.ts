/**
 * Fine-tuning after greedy layer-wise pretraining: the pretrained encoders W1..Wk plus a
 * softmax layer (random) are trained together with backpropagation on only N labelled digits,
 * beside the SAME network from random initial weights, on the same batches, for the same steps.
 *
 * Network: 784 -> widths... (hidden activation) -> 10 (linear logits; softmax cross-entropy).
 * Both networks share the seeded softmax layer's initial weights, so pretraining is the only
 * difference between them.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, type HiddenActivation } from '../config';
import { createRng, deriveSeed } from '../data/rng';
import { dense, preferredGradients, type DenseLayer } from '../models/dense';
import { createLayer } from '../models/denseStack';
import { BatchOrder } from './batchOrder';
import { forEachChunk } from './chunks';
import { createOptimizer, disposeOptimizer } from './optimizers';
import type { PretrainConfig } from './pretrainConfig';

export const CLASSES = 10;
export type Network = 'pretrained' | 'random';
export const NETWORKS: readonly Network[] = ['pretrained', 'random'];

export interface Classifier {
  /** Hidden layers input side first, then the softmax layer [h_k, 10]. */
  readonly layers: readonly DenseLayer[];
  readonly variables: tf.Variable[];
  /** [batch, 784] -> [batch, 10] class logits. */
  logits(x: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

function classifier(layers: DenseLayer[]): Classifier {
  const gradients = preferredGradients();
  const variables = layers.flatMap((l) => [l.kernel, l.bias] as tf.Variable[]);
  return {
    layers,
    variables,
    logits: (x) => {
      let h = x;
      layers.forEach((l, i) => (h = dense(h, l, l.activation, { gradients, xNeedsGradient: i > 0 })));
      return h;
    },
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}

/**
 * The random stream of the hidden layers' initial weights, drawn layer after layer input side
 * first. The randomly initialised network takes its layers from it, and layer-wise pretraining
 * starts each encoder from the same draws (layerwise.ts): a stack whose pretraining learned
 * nothing is exactly the random network, so the two differ by what pretraining learned alone.
 */
export function hiddenInitRng(seed: number): () => number {
  return createRng(deriveSeed(seed, 41));
}

/**
 * The randomly initialised network (seeded Glorot weights, zero biases), and the softmax layer
 * both networks start from.
 */
export function randomClassifier(widths: readonly number[], activation: HiddenActivation, seed: number): Classifier {
  const rng = hiddenInitRng(seed);
  const all = [IMAGE_SIZE, ...widths];
  const hidden = widths.map((w, i) => createLayer(all[i], w, activation, rng));
  return classifier([...hidden, softmaxLayer(widths[widths.length - 1], seed)]);
}

/** The softmax (output) layer, [fanIn, 10] linear logits, the same for both networks. */
function softmaxLayer(fanIn: number, seed: number): DenseLayer {
  return createLayer(fanIn, CLASSES, 'linear', createRng(deriveSeed(seed, 42)));
}

/** The pretrained encoders' weights copied (the classifier owns its copies) under a fresh softmax layer. */
export function pretrainedClassifier(encoders: readonly DenseLayer[], seed: number): Classifier {
  const hidden = encoders.map((e) =>
    tf.tidy(() => ({ kernel: tf.variable(e.kernel.clone(), true), bias: tf.variable(e.bias.clone(), true), activation: e.activation })),
  );
  return classifier([...hidden, softmaxLayer(encoders[encoders.length - 1].kernel.shape[1], seed)]);
}

/** Mean softmax cross-entropy of integer labels. logits [batch, 10], labels [batch] int32. */
export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.oneHot(labels, CLASSES), logits) as tf.Scalar);
}

export class FineTuning {
  readonly networks: Record<Network, Classifier>;
  private readonly optimizers: Record<Network, tf.Optimizer>;
  private readonly lossSums: Record<Network, tf.Scalar>;
  private readonly images: tf.Tensor2D;
  private readonly labels: tf.Tensor1D;
  private readonly batches: BatchOrder;
  private stepCount = 0;
  private stepsSinceRead = 0;

  /**
   * @param pretrained the classifier built from the pretrained encoders (owned from now on)
   * @param images [N, 784] the labelled digits in [0, 1]  @param labels [N] their digits
   */
  constructor(pretrained: Classifier, images: Float32Array, labels: Uint8Array, config: PretrainConfig) {
    const n = labels.length;
    if (images.length !== n * IMAGE_SIZE) throw new RangeError(`${n} labels but ${images.length / IMAGE_SIZE} images`);
    this.networks = { pretrained, random: randomClassifier(config.widths, config.hiddenActivation, config.seed) };
    this.optimizers = { pretrained: createOptimizer(config), random: createOptimizer(config) };
    this.lossSums = { pretrained: tf.scalar(0), random: tf.scalar(0) };
    this.images = tf.tensor2d(images, [n, IMAGE_SIZE]);
    this.labels = tf.tensor1d(Int32Array.from(labels), 'int32');
    // With fewer labelled digits than a batch, every step sees all of them.
    this.batches = new BatchOrder(n, Math.min(config.batchSize, n), deriveSeed(config.seed, 43));
  }

  get step(): number {
    return this.stepCount;
  }

  /** n fine-tuning steps of both networks on the same batches, synchronously; nothing read back. */
  steps(n: number): void {
    for (let i = 0; i < n; i++) {
      const rows = this.batches.next();
      tf.tidy(() => {
        const index = tf.tensor1d(rows, 'int32');
        const x = tf.gather(this.images, index) as tf.Tensor2D;
        const y = tf.gather(this.labels, index) as tf.Tensor1D;
        for (const net of NETWORKS) {
          const classifier = this.networks[net];
          const loss = this.optimizers[net].minimize(() => crossEntropy(classifier.logits(x), y), true, classifier.variables) as tf.Scalar;
          const sum = tf.keep(tf.add(this.lossSums[net], loss) as tf.Scalar);
          this.lossSums[net].dispose();
          this.lossSums[net] = sum;
        }
      });
    }
    this.stepCount += n;
    this.stepsSinceRead += n;
  }

  /** Mean training cross-entropy of each network since the last read (NaN when no step was taken). */
  async readLosses(): Promise<Record<Network, number>> {
    const steps = this.stepsSinceRead;
    this.stepsSinceRead = 0;
    const out = { pretrained: Number.NaN, random: Number.NaN };
    for (const net of NETWORKS) {
      const sum = this.lossSums[net];
      this.lossSums[net] = tf.scalar(0);
      const value = (await sum.data())[0];
      sum.dispose();
      if (steps > 0) out[net] = value / steps;
    }
    return out;
  }

  /**
   * Test accuracy of both networks: the share of `count` test digits whose arg-max class is the
   * label, in chunks of 1,000 rows (check() throws to give up, as in forEachChunk).
   * @param testImages [count, 784] uint8  @param testLabels [count]
   */
  async accuracy(testImages: Uint8Array, testLabels: Uint8Array, count: number, check: () => void = () => undefined): Promise<Record<Network, number>> {
    const correct = { pretrained: 0, random: 0 };
    await forEachChunk(
      count,
      (start, n) => {
        const x = tf.div(tf.tensor2d(testImages.subarray(start * IMAGE_SIZE, (start + n) * IMAGE_SIZE), [n, IMAGE_SIZE], 'float32'), 255) as tf.Tensor2D;
        const y = tf.tensor1d(Int32Array.from(testLabels.subarray(start, start + n)), 'int32');
        // [2]: correct predictions of each network in this chunk.
        return tf.stack(NETWORKS.map((net) => tf.sum(tf.cast(tf.equal(tf.argMax(this.networks[net].logits(x), 1), y), 'float32'))));
      },
      (values) => NETWORKS.forEach((net, i) => (correct[net] += values[i])),
      check,
    );
    return { pretrained: correct.pretrained / count, random: correct.random / count };
  }

  dispose(): void {
    for (const net of NETWORKS) {
      this.networks[net].dispose();
      disposeOptimizer(this.optimizers[net]);
      this.lossSums[net].dispose();
    }
    this.images.dispose();
    this.labels.dispose();
  }
}
