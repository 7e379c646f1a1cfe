/**
 * The conditional autoencoder's training step and its live measures (models/conditional.ts).
 *
 * Objective: the mean per-pixel reconstruction loss of decoder(encoder(x), label) against x
 * (the plain autoencoder's loss, so the learning curves compare), plus codeL2 x (mean over the
 * batch of sum_j z_j²), the code penalty of the MLP config.
 *
 * Why the penalty matters here: handing the decoder the label does not by itself stop the
 * encoder from writing the digit into the code too, and a decoder that finds the digit in the
 * code may learn to ignore the label. Measured (Node, 5,000 training digits, 784-256-64-4, two
 * epochs): with no penalty the label could be read from the code as well as from a plain
 * autoencoder's (5-NN 0.67 vs 0.67) and only 7% of the style swaps read as the label asked for;
 * with codeL2 = 0.02 every number in the code costs something while the label is free, so the
 * code keeps less of the digit (0.40) and 70% of the swaps read as asked. Too high a penalty
 * (0.1) empties the code: every swap is the same average digit (quality/conditional.quality.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { leaveOneOutKnnAccuracy, readAsLabel, swapLabels } from '../analysis/styleMeasures';
import type { ConditionalAutoencoder } from '../models/conditional';
import { codeL2Penalty, meanPixelLoss } from './losses';

/**
 * Names of the live measures, in the order of conditionalMeasures' values:
 * - codeLabelKnn: leave-one-out 5-NN accuracy of the label from the test codes (chance 0.1);
 * - swapReadAsLabel: share of test codes decoded with another label that a 5-NN judge in pixel
 *   space (among the real test digits) reads as that label;
 * - ownReadAsLabel: the same judge on the reconstructions (own label): can it read the model's
 *   drawings at all.
 */
export const CONDITIONAL_MEASURES = ['codeLabelKnn', 'swapReadAsLabel', 'ownReadAsLabel'] as const;

/**
 * One optimizer step on the clean batch, inside the caller's tidy.
 * @param x [batch, 784]  @param labels [batch] int32 digits
 * @returns scalar: the batch's mean per-pixel reconstruction loss
 */
export function conditionalStep(
  model: ConditionalAutoencoder,
  optimizer: tf.Optimizer,
  x: tf.Tensor2D,
  labels: tf.Tensor1D,
  codeL2: number,
): tf.Scalar {
  // The reconstruction part of the objective, kept out of minimize()'s tidy to be returned.
  let reconstruction: tf.Scalar | undefined;
  const cost = optimizer.minimize(
    () => {
      const code = model.encode(x);
      const loss = meanPixelLoss(model.decodeLogits(code, labels), x, model.config);
      if (codeL2 === 0) return loss;
      reconstruction = tf.keep(loss);
      return tf.add(loss, tf.mul(codeL2, codeL2Penalty(code))) as tf.Scalar;
    },
    true,
    model.variables,
  ) as tf.Scalar;
  if (!reconstruction) return cost;
  // The kept scalar joins the caller's tidy: returning a clone lets that tidy free both.
  cost.dispose();
  const out = tf.clone(reconstruction);
  reconstruction.dispose();
  return out;
}

/**
 * The live measures (CONDITIONAL_MEASURES) on test digits with their labels.
 * @param x [n, 784] pixels in [0, 1]  @param labels [n] int32
 * @returns [3] codeLabelKnn, swapReadAsLabel, ownReadAsLabel, each in [0, 1]
 */
export function conditionalMeasures(model: ConditionalAutoencoder, x: tf.Tensor2D, labels: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const own = tf.cast(labels, 'int32') as tf.Tensor1D;
    const code = model.encode(x);
    const other = swapLabels(own);
    const swapped = model.decode(code, other);
    const reconstructed = model.decode(code, own);
    return tf.stack([
      leaveOneOutKnnAccuracy(code, own),
      readAsLabel(swapped, other, x, own),
      readAsLabel(reconstructed, own, x, own),
    ]) as tf.Tensor1D;
  });
}
