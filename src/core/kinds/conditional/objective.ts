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
import { leaveOneOutKnnAccuracy, readAsLabel, swapLabels } from '../../analysis/styleMeasures';
import { CONDITIONAL_MEASURES } from './kind';
import { LABEL_CLASSES, type ConditionalAutoencoder } from './model';
import { minimizeKeeping } from '../../train/engine';
import { codeL2Penalty, meanPixelLoss, pixelLosses } from '../../train/losses';

/**
 * Names of the live measures, in the order of conditionalMeasures' values:
 * - codeLabelKnn: leave-one-out 5-NN accuracy of the label from the test codes (chance 0.1);
 * - swapReadAsLabel: share of the first JUDGED test codes, decoded with another label, that a
 *   5-NN judge in pixel space (among all the live test digits) reads as that label;
 * - ownReadAsLabel: the same judge on their reconstructions (own label, the digit itself left
 *   out of the references): can it read the model's drawings at all.
 */
export { CONDITIONAL_MEASURES };

/** Test digits the two pixel judges draw (of the 1,000 live ones): half the cost, ±2% noise. */
export const JUDGED = 500;

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
  return minimizeKeeping(optimizer, model.variables, () => {
    const code = model.encode(x);
    const reconstruction = meanPixelLoss(model.decodeLogits(code, labels), x, model.config);
    const objective = codeL2 > 0 ? (tf.add(reconstruction, tf.mul(codeL2, codeL2Penalty(code))) as tf.Scalar) : reconstruction;
    return { objective, reconstruction };
  });
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
    // The judges draw and compare the first JUDGED digits against all n (the pixel distances
    // are the cost: m x n x 784).
    const m = Math.min(JUDGED, x.shape[0]);
    const judgedCode = tf.slice(code, [0, 0], [m, -1]);
    const judgedOwn = tf.slice(own, [0], [m]);
    const other = swapLabels(judgedOwn);
    return tf.stack([
      leaveOneOutKnnAccuracy(code, own),
      readAsLabel(model.decode(judgedCode, other), other, x, own),
      readAsLabel(model.decode(judgedCode, judgedOwn), judgedOwn, x, own, undefined, { skipOwn: true }),
    ]) as tf.Tensor1D;
  });
}

/**
 * The reconstruction when the label is not known (a drawing, an image the page sends): the
 * code decoded with each of the ten labels, and for each image the drawing with the lowest
 * loss (the decoder's best guess of the digit, "analysis by synthesis").
 * @param x [n, 784]  @returns [n, 784] logits
 */
export function bestLabelReconstructionLogits(model: ConditionalAutoencoder, x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const n = x.shape[0];
    const code = model.encode(x);
    const repeated = tf.reshape(tf.tile(tf.expandDims(code, 1), [1, LABEL_CLASSES, 1]), [n * LABEL_CLASSES, -1]) as tf.Tensor2D;
    const labels = tf.tile(tf.range(0, LABEL_CLASSES, 1, 'int32'), [n]) as tf.Tensor1D;
    const target = tf.reshape(tf.tile(tf.expandDims(x, 1), [1, LABEL_CLASSES, 1]), [n * LABEL_CLASSES, -1]) as tf.Tensor2D;
    const loss = tf.reshape(tf.sum(pixelLosses(model.decodeLogits(repeated, labels), target, model.config), 1), [n, LABEL_CLASSES]);
    return model.decodeLogits(code, tf.cast(tf.argMin(loss, 1), 'int32') as tf.Tensor1D);
  });
}
