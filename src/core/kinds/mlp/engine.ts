/**
 * The dense (MLP) autoencoder as an Engine, with its variants: denoising (a fresh seeded
 * corruption of each batch, the clean batch as target), the L2 code penalty, the contractive
 * penalty (closed form, contractive.ts) and the sparse code's penalty (sparsity.ts).
 *
 * objective = mean pixel loss + codeL2 x (mean over the batch of sum_j z_j²)
 *           + contractive x (mean over the batch of ||dz/dx||²_F)
 *           + the sparsity term (L1 of the code activity or KL toward ρ, sparsity.ts)
 * The pixel loss is a mean over the 784 pixels, so against the loss summed over an image (the
 * squared error per image, or Keras/PyTorch with sum reduction) the same penalty weighs
 * 784 x codeL2. The reported loss leaves the penalties out, so it stays comparable with the
 * test loss and the PCA baseline.
 */
import * as tf from '@tensorflow/tfjs';
import type { MlpModelConfig } from '../../config';
import { deriveSeed } from '../../data/rng';
import { createMlpAutoencoder, type MlpAutoencoder } from './model';
import { contractivePenalty } from './contractive';
import { minimizeKeeping, type Engine, type StepContext } from '../../train/engine';
import { codeL2Penalty, meanPixelLoss } from '../../train/losses';
import { corrupt } from '../../train/noise';
import { sparsityTerm } from './sparsity';

/** Seed stream of the training noise: step s corrupts its batch with deriveSeed(deriveSeed(seed, 7), s). */
export const NOISE_STREAM = 7;

export interface MlpEngine extends Engine<MlpModelConfig> {
  /** The model itself, for the variants' measurements (sensitivity needs its layers). */
  readonly mlp: MlpAutoencoder;
}

export function createMlpEngine(spec: MlpModelConfig, seed: number, inputSize: number, outputBias: Float32Array): MlpEngine {
  const model = createMlpAutoencoder(spec, seed, inputSize, outputBias);
  const noiseStream = deriveSeed(seed, NOISE_STREAM);
  return {
    mlp: model,
    codeSize: spec.codeSize,
    variables: model.variables,
    encode: model.encode,
    decode: model.decode,
    decodeLogits: model.decodeLogits,
    reconstructLogits: (x) => model.decodeLogits(model.encode(x)),
    trainStep(x: tf.Tensor2D, ctx: StepContext<MlpModelConfig>): tf.Scalar {
      // The live settings (penalty weights, noise level) as they are at this step.
      const live = ctx.model;
      const { codeL2, contractive } = live;
      // Denoising: made outside minimize(), whose forward tidy would free it before the first
      // layer's gradient reads it.
      const input = live.noise === 'none' ? x : corrupt(x, live, deriveSeed(noiseStream, ctx.step));
      return minimizeKeeping(ctx.optimizer, model.variables, () => {
        const layers = model.encodeLayers(input);
        const code = layers[layers.length - 1];
        const reconstruction = meanPixelLoss(model.decodeLogits(code), x, spec);
        let objective: tf.Scalar = reconstruction;
        if (codeL2 > 0) objective = tf.add(objective, tf.mul(codeL2, codeL2Penalty(code)));
        if (contractive > 0) objective = tf.add(objective, tf.mul(contractive, contractivePenalty(model, layers)));
        // Sparse: + weight x (L1 of the code activity, or KL toward ρ) (sparsity.ts).
        const sparse = sparsityTerm(code, live);
        if (sparse) objective = tf.add(objective, sparse);
        return { objective, reconstruction };
      });
    },
    dispose: () => model.dispose(),
  };
}
