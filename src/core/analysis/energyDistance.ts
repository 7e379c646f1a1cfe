/**
 * The energy distance between two samples (Székely & Rizzo 2013), how far the code
 * distribution is from the prior:
 *
 *   D(X, Y) = 2 E‖X - Y‖ - E‖X - X'‖ - E‖Y - Y'‖
 *
 * in code units (a distance, not a squared one). D is 0 exactly when the two distributions are
 * equal and grows with any difference in location, spread or shape. The estimate here is the
 * V-statistic (every pair, each point with itself included), which is never negative.
 * Well defined in any dimension, needs no bins, no sorting and no density; cheap for the lab's
 * 1,000 live test codes against 1,000 prior samples (three 1,000 x 1,000 distance matrices).
 */
import * as tf from '@tensorflow/tfjs';

/**
 * Mean Euclidean distance over all pairs (a_i, b_j).
 * ‖a - b‖² = ‖a‖² + ‖b‖² - 2 a·b by one matrix product (any code size); clamped at 0 before
 * the square root, where rounding makes the diagonal of a set with itself slightly negative.
 * @param a [n, d]  @param b [m, d]
 * @returns scalar
 */
export function meanPairDistance(a: tf.Tensor2D, b: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const a2 = tf.sum(tf.square(a), 1, true); // [n, 1]
    const b2 = tf.reshape(tf.sum(tf.square(b), 1), [1, -1]); // [1, m]
    const squared = tf.sub(tf.add(a2, b2), tf.mul(2, tf.matMul(a, b, false, true))); // [n, m]
    return tf.mean(tf.sqrt(tf.relu(squared)));
  });
}

/**
 * Energy distance between the rows of x and the rows of y.
 * @param x [n, d] e.g. the codes of the live test digits  @param y [m, d] e.g. prior samples
 * @returns scalar, code units, >= 0
 */
export function energyDistance(x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
  if (x.shape[1] !== y.shape[1]) throw new RangeError(`samples of ${x.shape[1]} and ${y.shape[1]} numbers cannot be compared`);
  return tf.tidy(() => {
    const d = tf.sub(tf.sub(tf.mul(2, meanPairDistance(x, y)), meanPairDistance(x, x)), meanPairDistance(y, y));
    // The V-statistic is >= 0 in exact arithmetic; rounding may leave -1e-7.
    return tf.relu(d) as tf.Scalar;
  });
}
