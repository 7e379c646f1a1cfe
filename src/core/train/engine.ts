/**
 * The seam between the training loop (trainer.ts) and the kinds of autoencoder (config.ts
 * MODEL_KINDS): every kind is an Engine, built by engines.ts, so the Trainer, the worker and the
 * views (grid, scatter, sliders, reconstructions, snapshots) work for each kind unchanged.
 *
 * An engine owns its variables and whatever else its objective needs (a discriminator's
 * optimizer, a codebook); the Trainer owns the data, the main optimizer, the batch order and
 * the counters.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../kinds/registry';

export interface StepContext<M extends ModelConfig = ModelConfig> {
  /**
   * The run's model config as it is now: an engine reads its live settings (the penalty
   * weights, the noise level: the settings table's `live` rows) from it at every step, so
   * Trainer.applySettings changes them between two steps without rebuilding the engine.
   */
  model: M;
  /** Steps taken before this one (seeds per-step noise: denoising, the VAE's ε, ...). */
  step: number;
  /** The run's seed (config.train.seed). */
  seed: number;
  /** The run's optimizer over engine.variables (an engine may keep others of its own). */
  optimizer: tf.Optimizer;
  /** [batch] int32 digit labels of the batch (the conditional autoencoder's decoder reads them). */
  labels: tf.Tensor1D;
}

export interface Engine<M extends ModelConfig = ModelConfig> {
  /** Numbers per code: the width encode returns and decode takes. */
  readonly codeSize: number;
  /** Every variable a snapshot saves, in the order of engineWeightLayout(config.model). */
  readonly variables: tf.Variable[];
  /** [n, 784] pixels in [0, 1] -> [n, codeSize] the deterministic code (a VAE: the mean). */
  encode(x: tf.Tensor2D): tf.Tensor2D;
  /** [n, codeSize] -> [n, 784] pre-activation output (logits for a sigmoid output). */
  decodeLogits(code: tf.Tensor2D): tf.Tensor2D;
  /** [n, codeSize] -> [n, 784] output in the output activation. */
  decode(code: tf.Tensor2D): tf.Tensor2D;
  /**
   * [n, 784] -> [n, 784] logits of the reconstruction (conv: through the input's switches).
   * labels [n] int32: the digits' labels where the caller knows them (test digits); a
   * conditional decoder reads them, the other kinds ignore them.
   */
  reconstructLogits(x: tf.Tensor2D, labels?: tf.Tensor1D): tf.Tensor2D;
  /**
   * One optimizer step on the clean batch x [batch, 784], called inside tf.tidy. Minimises the
   * kind's objective and returns the scalar mean per-pixel reconstruction loss of the batch
   * (the learning curve's number, comparable with the test loss and the PCA baseline).
   */
  trainStep(x: tf.Tensor2D, ctx: StepContext<M>): tf.Scalar;
  /**
   * The kind's own live figures, by name (e.g. 'elbo', 'perplexity'): measure(x, labels) on the
   * live test digits x [n, 784] (labels [n] int32), called inside tf.tidy after each live test
   * evaluation, returns a [measureNames.length] tensor. The worker sends them with the test
   * metrics ('engineMeasures' event).
   */
  readonly measureNames?: readonly string[];
  measure?(x: tf.Tensor2D, labels: tf.Tensor1D): tf.Tensor1D;
  /** Frees every variable and tensor the engine owns. */
  dispose(): void;
}

/** An objective's value and the part of it the learning curve reports. */
export interface ObjectiveTerms {
  /** What is minimised (reconstruction + penalties). Scalar. */
  objective: tf.Scalar;
  /** The mean per-pixel reconstruction loss. Scalar. */
  reconstruction: tf.Scalar;
}

/**
 * optimizer.minimize(f) over `variables` that also hands back the reconstruction part of the
 * objective (minimize returns only the objective; the rest of f's tensors are freed by its
 * tidy). Call inside tf.tidy: the returned scalar is tracked by the caller's scope.
 */
export function minimizeKeeping(
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
  f: () => ObjectiveTerms,
): tf.Scalar {
  let kept: tf.Scalar | undefined;
  const cost = optimizer.minimize(
    () => {
      const { objective, reconstruction } = f();
      if (reconstruction !== objective) kept = tf.keep(reconstruction);
      return objective;
    },
    true,
    variables,
  ) as tf.Scalar;
  if (!kept) return cost;
  // A kept tensor escapes every scope: hand the caller's scope a tracked copy instead.
  const reconstruction = tf.clone(kept);
  kept.dispose();
  cost.dispose();
  return reconstruction;
}
