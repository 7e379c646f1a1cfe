/**
 * How well a conditional autoencoder separates style from the digit, measured on the device
 * (tfjs) so the engine can report it after every live test evaluation without reading
 * thousands of numbers back:
 *
 * - label from the code: leave-one-out 5-NN accuracy of the digit label among the test codes.
 *   A plain autoencoder's code is full of label information (~0.9 for an 8-number code); a
 *   code that holds style only gives a k-NN classifier little to go on (chance is 0.1).
 * - swap read as its label: each test code decoded with another label, (own + 1 + i mod 9)
 *   mod 10 (every other label equally often), and judged by 5-NN in pixel space among the real
 *   test digits. A decoder that ignored the label would draw the code's own digit and fail.
 *   (The source digit stays among the references: a swap that kept its digit would match it.)
 *
 * The k-NN here follows core/analysis/knn.ts exactly: neighbours by (squared distance, index),
 * and a tied vote goes to the tied label with the nearest neighbour.
 */
import * as tf from '@tensorflow/tfjs';

export const STYLE_KNN_K = 5;
const CLASSES = 10;

/**
 * Squared Euclidean distances |q|² - 2 q·r + |r|², clamped at 0 (rounding).
 * @param queries [m, d]  @param references [n, d]
 * @returns [m, n]
 */
export function squaredDistances(queries: tf.Tensor2D, references: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const q2 = tf.sum(tf.square(queries), 1, true);
    const r2 = tf.reshape(tf.sum(tf.square(references), 1), [1, -1]);
    // An explicit transpose and a plain product: tfjs-wasm runs a transposed matMul outside
    // XNNPACK, about 10x slower (models/dense.ts); here 4 s instead of 0.4 s for 1,000 x 1,000.
    const cross = tf.matMul(queries, tf.transpose(references));
    return tf.relu(tf.add(tf.sub(q2, tf.mul(2, cross)), r2)) as tf.Tensor2D;
  });
}

/**
 * The majority label of each row's k nearest references.
 * @param distances [m, n] (Infinity where a reference must not count, e.g. the query itself)
 * @param labels [n] int32 labels of the references
 * @returns [m] int32 predicted labels
 */
export function knnVote(distances: tf.Tensor2D, labels: tf.Tensor1D, k: number): tf.Tensor1D {
  return tf.tidy(() => {
    const kk = Math.min(k, distances.shape[1]);
    // topk of the negated distances: nearest first; equal distances keep the lower index first.
    const { indices } = tf.topk(tf.neg(distances), kk);
    const neighbourLabels = tf.gather(tf.cast(labels, 'int32'), indices); // [m, kk]
    // Weight 1 per vote plus 0.01 / 2^rank: a count decides, and among tied counts the label
    // with the nearest neighbour wins (the tie-breaks sum to less than 0.02 < 1).
    const rankWeight = tf.add(1, tf.mul(0.01, tf.pow(0.5, tf.range(0, kk, 1, 'float32'))));
    const votes = tf.sum(tf.mul(tf.oneHot(neighbourLabels, CLASSES), tf.reshape(rankWeight, [1, kk, 1])), 1);
    return tf.cast(tf.argMax(votes, 1), 'int32') as tf.Tensor1D;
  });
}

/** Share of equal entries of two [n] int32 tensors. Scalar in [0, 1]. */
function agreement(a: tf.Tensor1D, b: tf.Tensor1D): tf.Scalar {
  return tf.mean(tf.cast(tf.equal(a, b), 'float32'));
}

/**
 * Leave-one-out k-NN accuracy of the labels from the points.
 * @param points [n, d]  @param labels [n] int32
 * @returns scalar in [0, 1]
 */
export function leaveOneOutKnnAccuracy(points: tf.Tensor2D, labels: tf.Tensor1D, k: number = STYLE_KNN_K): tf.Scalar {
  return tf.tidy(() => {
    const n = points.shape[0];
    const self = tf.mul(tf.eye(n), Number.POSITIVE_INFINITY);
    // eye * Infinity gives NaN off the diagonal (0 * Inf): put 0 there.
    const mask = tf.where(tf.equal(tf.eye(n), 1), self, tf.zerosLike(self));
    const d = tf.add(squaredDistances(points, points), mask) as tf.Tensor2D;
    return agreement(knnVote(d, labels, k), tf.cast(labels, 'int32') as tf.Tensor1D);
  });
}

/**
 * The label each test digit's code is decoded with in the swap measure: (own + 1 + i mod 9)
 * mod 10, never its own, each other label as often as the next.
 * @param labels [n] int32  @returns [n] int32
 */
export function swapLabels(labels: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const shift = tf.add(1, tf.mod(tf.range(0, labels.shape[0], 1, 'int32'), 9));
    return tf.mod(tf.add(tf.cast(labels, 'int32'), shift), CLASSES) as tf.Tensor1D;
  });
}

/**
 * Share of images the pixel-space k-NN judge reads as the wanted label.
 * @param images [m, 784] decoded images  @param wanted [m] int32
 * @param references [n, 784] real digits  @param referenceLabels [n] int32
 * @param options.skipOwn image i was drawn from reference i (i < m <= n): leave that one out,
 *   so a reconstruction is not judged by the very digit it copies
 */
export function readAsLabel(
  images: tf.Tensor2D,
  wanted: tf.Tensor1D,
  references: tf.Tensor2D,
  referenceLabels: tf.Tensor1D,
  k: number = STYLE_KNN_K,
  options: { skipOwn?: boolean } = {},
): tf.Scalar {
  return tf.tidy(() => {
    let d = squaredDistances(images, references);
    if (options.skipOwn) {
      const [m, n] = d.shape;
      const own = tf.concat([tf.eye(m), tf.zeros([m, n - m])], 1);
      d = tf.where(tf.equal(own, 1), tf.fill([m, n], Number.POSITIVE_INFINITY), d) as tf.Tensor2D;
    }
    return agreement(knnVote(d, referenceLabels, k), wanted);
  });
}
