/**
 * The convolutional autoencoder (models/conv.ts) as an Engine. The training pass and the
 * reconstructions go through forward(x), so a max-unpooling decoder puts each value back where
 * the encoder's max came from (the switches of that very input); decoding a code alone (the
 * latent grid, the sliders) has no switches and uses fixed-position unpooling (conv.ts).
 * Denoising and the L2 code penalty work as for the MLP; the contractive penalty is the dense
 * encoder's closed form and is refused for this kind (config.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { deriveSeed } from '../../data/rng';
import { createConvAutoencoder, type ConvAutoencoder } from './model';
import type { ConvModelConfig } from './kind';
import { minimizeKeeping, type Engine, type StepContext } from '../../train/engine';
import { codeL2Penalty, meanPixelLoss } from '../../train/losses';
import { NOISE_STREAM } from '../mlp/engine';
import { corrupt } from '../../train/noise';

export interface ConvEngine extends Engine<ConvModelConfig> {
  /** The model itself, for the feature-map view (featureMaps). */
  readonly conv: ConvAutoencoder;
}

export function createConvEngine(spec: ConvModelConfig, seed: number, outputBias: Float32Array): ConvEngine {
  const model = createConvAutoencoder(spec, seed, outputBias);
  const noiseStream = deriveSeed(seed, NOISE_STREAM);
  return {
    conv: model,
    codeSize: spec.codeSize,
    variables: model.variables,
    encode: (x) => model.encode(x),
    decode: (code) => model.decode(code),
    decodeLogits: (code) => model.decodeLogits(code),
    reconstructLogits: (x) => model.forward(x).logits,
    trainStep(x: tf.Tensor2D, ctx: StepContext<ConvModelConfig>): tf.Scalar {
      // The live settings (code penalty, noise level) as they are at this step.
      const live = ctx.model;
      const input = live.noise === 'none' ? x : corrupt(x, live, deriveSeed(noiseStream, ctx.step));
      return minimizeKeeping(ctx.optimizer, model.variables, () => {
        const { code, logits } = model.forward(input);
        const reconstruction = meanPixelLoss(logits, x, spec);
        const objective = live.codeL2 > 0 ? tf.add(reconstruction, tf.mul(live.codeL2, codeL2Penalty(code))) as tf.Scalar : reconstruction;
        return { objective, reconstruction };
      });
    },
    dispose: () => model.dispose(),
  };
}
