/**
 * A small digit classifier (784 -> 256 ReLU -> 10 softmax) trained on the real training digits,
 * used as a judge of generated images: a decoded image counts as "digit-like" when the
 * classifier gives one digit a probability of at least a threshold (0.9 by default). It is a
 * proxy, not a definition: it is checked against real test digits (nearly all pass) and against
 * blends of two test digits of different classes (most fail), the kind of in-between image a
 * hole in a latent grid decodes to.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../config';
import { createRng, deriveSeed, shuffledIndices } from '../data/rng';
import { dense, preferredGradients, type DenseLayer } from '../models/dense';
import { createLayer } from '../models/denseStack';

export const DIGIT_CLASSES = 10;

export interface DigitClassifier {
  readonly layers: readonly DenseLayer[];
  readonly variables: tf.Variable[];
  /** [batch, 784] pixels in [0, 1] -> [batch, 10] class logits. */
  logits(x: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

export function createDigitClassifier(seed: number, hiddenWidth = 256): DigitClassifier {
  const rng = createRng(deriveSeed(seed, 1));
  const gradients = preferredGradients();
  const layers = [createLayer(IMAGE_SIZE, hiddenWidth, 'relu', rng), createLayer(hiddenWidth, DIGIT_CLASSES, 'linear', rng)];
  const variables = layers.flatMap((l) => [l.kernel, l.bias] as tf.Variable[]);
  return {
    layers,
    variables,
    logits: (x) =>
      dense(dense(x, layers[0], 'relu', { gradients, xNeedsGradient: false }), layers[1], 'linear', { gradients }),
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}

/**
 * Trains with Adam on softmax cross-entropy, seeded batch order, synchronously.
 * @param images [count, 784] pixels in [0, 1]  @param labels [count] digits 0-9
 */
export function trainDigitClassifier(
  classifier: DigitClassifier,
  images: Float32Array,
  labels: Uint8Array,
  options: { epochs: number; batchSize?: number; learningRate?: number; seed?: number },
): void {
  const count = labels.length;
  if (images.length !== count * IMAGE_SIZE) throw new RangeError(`${count} labels but ${images.length / IMAGE_SIZE} images`);
  const batchSize = options.batchSize ?? 128;
  const rng = createRng(deriveSeed(options.seed ?? 0, 2));
  const optimizer = tf.train.adam(options.learningRate ?? 0.001);
  const x = tf.tensor2d(images, [count, IMAGE_SIZE]);
  const y = tf.tensor1d(Int32Array.from(labels), 'int32');
  try {
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      const order = shuffledIndices(count, rng);
      for (let start = 0; start + batchSize <= count; start += batchSize) {
        tf.tidy(() => {
          const rows = tf.tensor1d(order.subarray(start, start + batchSize), 'int32');
          const xb = tf.gather(x, rows) as tf.Tensor2D;
          const yb = tf.oneHot(tf.gather(y, rows), DIGIT_CLASSES);
          optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, classifier.logits(xb)) as tf.Scalar, false, classifier.variables);
        });
      }
    }
  } finally {
    x.dispose();
    y.dispose();
    optimizer.dispose();
  }
}

/**
 * The top class and its probability for each image, in chunks of 1,000.
 * @param images [count, 784]
 * @returns label [count] and confidence [count] (softmax probability of that label)
 */
export async function classifyDigits(
  classifier: DigitClassifier,
  images: Float32Array,
  count: number,
): Promise<{ label: Uint8Array; confidence: Float32Array }> {
  const label = new Uint8Array(count);
  const confidence = new Float32Array(count);
  for (let start = 0; start < count; start += 1000) {
    const n = Math.min(1000, count - start);
    const [top, probability] = tf.tidy(() => {
      const p = tf.softmax(classifier.logits(tf.tensor2d(images.subarray(start * IMAGE_SIZE, (start + n) * IMAGE_SIZE), [n, IMAGE_SIZE])));
      return [tf.argMax(p, 1), tf.max(p, 1)];
    });
    label.set(await top.data(), start);
    confidence.set(await probability.data(), start);
    tf.dispose([top, probability]);
  }
  return { label, confidence };
}

/** Fraction of confidences at or above the threshold: the share of images judged digit-like. */
export function digitLikeFraction(confidence: Float32Array, threshold = 0.9): number {
  let passed = 0;
  // Compared in float32, as the confidences are: 0.9 itself must pass.
  const bar = Math.fround(threshold);
  for (const c of confidence) if (c >= bar) passed++;
  return confidence.length > 0 ? passed / confidence.length : Number.NaN;
}

/**
 * Pixel-wise 50/50 blends of pairs of images whose labels differ: in-between images, the
 * control a digit-likeness proxy must mostly reject.
 * @param images [count, 784]  @param labels [count]
 * @returns [pairs, 784]
 */
export function blendsOfDifferentDigits(images: Float32Array, labels: Uint8Array, pairs: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(pairs * IMAGE_SIZE);
  for (let k = 0; k < pairs; k++) {
    let a = 0;
    let b = 0;
    while (labels[a] === labels[b]) {
      a = Math.floor(rng() * labels.length);
      b = Math.floor(rng() * labels.length);
    }
    for (let p = 0; p < IMAGE_SIZE; p++) out[k * IMAGE_SIZE + p] = 0.5 * (images[a * IMAGE_SIZE + p] + images[b * IMAGE_SIZE + p]);
  }
  return out;
}
