/**
 * The variational autoencoder (models/vae.ts) as an Engine (engine.ts): the lab's Trainer
 * steps it, and the grid, scatter, sliders and reconstructions use its mean code.
 *
 *   objective (per image, nats) = reconstruction + β KL       (train/vaeObjective.ts)
 *   reconstruction = BCE summed over the 784 pixels at z = mean + exp(logVar / 2) ε
 *   ε = stepNoise(seed, step): seeded per step, so a run (and a restored run) repeats exactly
 *
 * The learning curve gets the batch's reconstruction as a per-pixel BCE (nats / 784), the
 * number the plain autoencoder's curve and the test loss use. The VAE's own figures come from
 * measure(): the test ELBO and its two terms in nats per image, the share of the latent
 * grid's cells no test digit's code falls in (analysis/latentCoverage.ts), and the KL of each
 * code dimension (which dimensions the model uses; a β-VAE switches some off).
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../../settings/choices';
import { deriveSeed } from '../../data/rng';
import { emptyCellShare, priorCellEdges } from '../../analysis/latentCoverage';
import { createVae, reparameterise, stepNoise, type VariationalAutoencoder } from './model';
import { vaeMeasureNames, type VaeModelConfig } from './kind';
import { minimizeKeeping, type Engine, type StepContext } from '../../train/engine';
import { klToPrior, reconstructionNats, vaeTerms } from './objective';

/** Seed stream of measure()'s noise: the same ε at every evaluation, so the figures compare. */
const MEASURE_NOISE_STREAM = 5;
/** The live holes measure: a 10 x 10 grid at the prior's quantiles (1,000 live test digits: ~10 per cell). */
export const HOLES_GRID_SIDE = 10;
/** Dimensions whose mean KL on the test digits is above this many nats count as used. */
export const ACTIVE_DIMENSION_NATS = 0.1;

export interface VaeEngine extends Engine<VaeModelConfig> {
  readonly vae: VariationalAutoencoder;
  readonly measureNames: readonly string[];
  measure(x: tf.Tensor2D, labels: tf.Tensor1D): tf.Tensor1D;
}

export { vaeMeasureNames };

export function createVaeEngine(spec: VaeModelConfig, seed: number, outputBias: Float32Array): VaeEngine {
  const model = createVae(spec, seed, IMAGE_SIZE, outputBias);
  const { codeSize } = spec;
  const measureSeed = deriveSeed(seed, MEASURE_NOISE_STREAM);
  const edges = priorCellEdges(HOLES_GRID_SIDE);
  return {
    vae: model,
    codeSize,
    variables: model.variables,
    encode: model.encode,
    decode: model.decode,
    decodeLogits: model.decodeLogits,
    reconstructLogits: (x) => model.decodeLogits(model.encode(x)),
    trainStep(x: tf.Tensor2D, ctx: StepContext<VaeModelConfig>): tf.Scalar {
      // β is live: read at this step.
      const { beta } = ctx.model;
      // Made outside minimize(), whose tidy would free it before the backward pass reads it.
      const epsilon = stepNoise(ctx.seed, ctx.step, x.shape[0], codeSize);
      return minimizeKeeping(ctx.optimizer, model.variables, () => {
        const t = vaeTerms(model, x, epsilon, beta);
        return { objective: t.objective, reconstruction: tf.div(t.reconstruction, IMAGE_SIZE) as tf.Scalar };
      });
    },
    measureNames: vaeMeasureNames(codeSize),
    measure(x: tf.Tensor2D): tf.Tensor1D {
      const n = x.shape[0];
      const { mean, logVar } = model.encodeDistribution(x);
      const epsilon = tf.randomNormal([n, codeSize], 0, 1, 'float32', measureSeed) as tf.Tensor2D;
      const reconstruction = tf.mean(reconstructionNats(model.decodeLogits(reparameterise(mean, logVar, epsilon)), x));
      const kl = tf.mean(klToPrior(mean, logVar));
      // [codeSize] mean over the digits of 1/2 (exp(logVar) + mean² - 1 - logVar), per dimension.
      const klPerDimension = tf.mul(0.5, tf.mean(tf.sub(tf.add(tf.exp(logVar), tf.square(mean)), tf.add(1, logVar)), 0));
      const active = tf.sum(tf.cast(tf.greater(klPerDimension, ACTIVE_DIMENSION_NATS), 'float32'));
      const elbo = tf.neg(tf.add(reconstruction, kl));
      const parts: tf.Tensor[] = [elbo, reconstruction, kl];
      if (codeSize >= 2) parts.push(emptyCellShare(mean, edges, edges));
      parts.push(active);
      return tf.concat([tf.stack(parts), klPerDimension]) as tf.Tensor1D;
    },
    dispose: () => model.dispose(),
  };
}
