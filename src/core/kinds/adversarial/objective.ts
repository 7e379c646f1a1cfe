/**
 * The adversarial autoencoder's training step and live figures (Makhzani et al. 2015, 2.1):
 *
 *  1. reconstruction phase: encoder and decoder minimise the per-pixel reconstruction loss;
 *  2. regularisation phase:
 *     a. the discriminator D learns to tell prior samples p from codes z = E(x):
 *        L_D = ½ [BCE(D(p), 1) + BCE(D(z), 0)]     (encoder frozen);
 *     b. the encoder learns to fool it: L_E = BCE(D(E(x)), 1)   (discriminator frozen; the
 *        "non-saturating" form of min log(1 - D(E(x))), as GANs train their generator).
 *
 * D outputs logits; BCE is taken from them in the stable form (losses.ts). Phase 2b has its own
 * optimizer: tfjs's Adam keeps its moments by position in the variable list, so one optimizer
 * stepped over two different lists would mix the moments of different variables.
 */
import * as tf from '@tensorflow/tfjs';
import type { MlpModelConfig } from '../../config';
import { energyDistance } from '../../analysis/energyDistance';
import type { AdversarialAutoencoder } from './model';
import { minimizeKeeping } from '../../train/engine';
import { meanPixelLoss } from '../../train/losses';

type LossSpec = Pick<MlpModelConfig, 'loss' | 'outputActivation'>;

/**
 * Mean binary cross-entropy of logits against one label for all:
 * max(l, 0) - l t + log(1 + e^-|l|), t in {0, 1}. Scalar, nats per example.
 * @param logits [batch, 1]
 */
export function logisticLoss(logits: tf.Tensor2D, target: 0 | 1): tf.Scalar {
  return tf.mean(tf.add(tf.sub(tf.relu(logits), tf.mul(logits, target)), tf.softplus(tf.neg(tf.abs(logits)))));
}

/**
 * The discriminator's loss: ½ [BCE(D(prior), 1) + BCE(D(codes), 0)]; ln 2 ≈ 0.693 when it
 * cannot tell them apart and says 50/50 everywhere.
 * @param codes [batch, codeSize] the encoder's codes (constants here)  @param prior [m, codeSize]
 */
export function discriminatorLoss(model: AdversarialAutoencoder, codes: tf.Tensor2D, prior: tf.Tensor2D): tf.Scalar {
  const real = logisticLoss(model.discriminate(prior, false), 1);
  const fake = logisticLoss(model.discriminate(codes, false), 0);
  return tf.mul(0.5, tf.add(real, fake));
}

/** The encoder's adversarial loss BCE(D(E(x)), 1): small when D takes the codes for prior samples. */
export function generatorLoss(model: AdversarialAutoencoder, x: tf.Tensor2D): tf.Scalar {
  return logisticLoss(model.discriminate(model.autoencoder.encode(x)), 1);
}

export interface AdversarialOptimizers {
  /**
   * The run's optimizer over model.variables: phase 1 and phase 2a in one update (the
   * reconstruction loss moves only encoder and decoder, L_D only the discriminator).
   */
  run: tf.Optimizer;
  /** Over model.encoderVariables: phase 2b, the encoder fooling the discriminator. */
  generator: tf.Optimizer;
}

/**
 * One training step of the three phases on a batch; call it inside tf.tidy.
 *
 * Phases 1 and 2a run as one update of the run's optimizer on reconstruction + L_D: the codes
 * L_D sees are computed before it, outside the gradient tape, so they are constants there (the
 * encoder frozen for the discriminator) and the two terms share no variable. So every variable a
 * snapshot saves has its optimizer slots in the run's optimizer. Phase 2b follows with the
 * updated discriminator.
 * @param x [batch, 784] clean pixels in [0, 1]
 * @param prior [batch, codeSize] fresh prior samples for this step
 * @param fool false leaves out phase 2b: the discriminator still learns, but nothing pushes the
 *   codes, i.e. a plain autoencoder watched by a discriminator (the comparison the lesson draws)
 * @returns scalar, the batch's mean per-pixel reconstruction loss before the update
 */
export function adversarialStep(
  model: AdversarialAutoencoder,
  optimizers: AdversarialOptimizers,
  x: tf.Tensor2D,
  prior: tf.Tensor2D,
  spec: LossSpec,
  fool = true,
): tf.Scalar {
  const ae = model.autoencoder;
  const codes = ae.encode(x);
  const reconstruction = minimizeKeeping(optimizers.run, model.variables, () => {
    const reconstruction = meanPixelLoss(ae.decodeLogits(ae.encode(x)), x, spec);
    return { objective: tf.add(reconstruction, discriminatorLoss(model, codes, prior)), reconstruction };
  });
  if (fool) optimizers.generator.minimize(() => generatorLoss(model, x), false, model.encoderVariables);
  return reconstruction;
}

/**
 * The live figures on test digits, against a fixed sample of the prior:
 * [0] energy distance between the codes and the prior sample (code units, 0 = same
 *     distribution; analysis/energyDistance.ts),
 * [1] the discriminator's accuracy: the share of codes it calls "encoder" (logit <= 0) and
 *     of prior samples it calls "prior" (logit > 0), over both; 0.5 = fooled, 1 = it always
 *     tells them apart.
 * @param x [n, 784]  @param prior [m, codeSize]
 * @returns [2]
 */
export function adversarialMeasures(model: AdversarialAutoencoder, x: tf.Tensor2D, prior: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const codes = model.autoencoder.encode(x);
    const distance = energyDistance(codes, prior);
    const accuracy = discriminatorAccuracy(model.discriminate(codes, false), model.discriminate(prior, false));
    return tf.stack([distance, accuracy]) as tf.Tensor1D;
  });
}

/**
 * The share of right calls over both sets: codes called "encoder" (logit <= 0) and prior
 * samples called "prior" (logit > 0).
 * @param codeLogits [n, 1] D's logits on codes  @param priorLogits [m, 1] on prior samples
 * @returns scalar in [0, 1]
 */
export function discriminatorAccuracy(codeLogits: tf.Tensor2D, priorLogits: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const saysEncoder = tf.sum(tf.cast(tf.lessEqual(codeLogits, 0), 'float32'));
    const saysPrior = tf.sum(tf.cast(tf.greater(priorLogits, 0), 'float32'));
    return tf.div(tf.add(saysEncoder, saysPrior), codeLogits.shape[0] + priorLogits.shape[0]);
  });
}
