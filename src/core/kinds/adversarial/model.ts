/**
 * The adversarial autoencoder (Makhzani et al. 2015): the MLP autoencoder of mlp.ts plus a
 * discriminator that looks at codes only and says "drawn from the prior" or "made by the
 * encoder". Training (train/adversarialObjective.ts) lets the discriminator learn the
 * difference and then moves the encoder to fool it, so the codes come to fill the prior's shape
 * and the decoder learns to turn any prior sample into a digit.
 *
 *   autoencoder:   x [batch, 784] -> encoderLayers... -> code [batch, codeSize] -> ... -> 784
 *   discriminator: code [batch, codeSize] -> 64 relu -> 64 relu -> 1 logit (log-odds "prior")
 *
 * Raw variables and plain functions like mlp.ts (its seeded Glorot weights, its fast gradients
 * on wasm). The discriminator's weights come from their own seed stream, so the autoencoder
 * starts with exactly the weights a plain MLP autoencoder of the same seed has.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../../settings/choices';
import { createRng, deriveSeed } from '../../data/rng';
import { DISCRIMINATOR_LAYERS } from './kind';
import { preferredGradients, type DenseGradients, type DenseLayer } from '../../models/dense';
import { createMlpAutoencoder, type DenseAutoencoderSpec, type MlpAutoencoder } from '../mlp/model';
import { denseStack } from '../../models/denseStack';

/** Seed stream of the discriminator's weights (mlp.ts uses 1, batchOrder.ts 2, vae.ts 3). */
const DISCRIMINATOR_STREAM = 6;

export interface AdversarialAutoencoder {
  readonly autoencoder: MlpAutoencoder;
  /** codeSize -> 64 -> 64 -> 1, the last layer linear. */
  readonly discriminatorLayers: readonly DenseLayer[];
  /** The autoencoder's variables (encoder then decoder), then the discriminator's. */
  readonly variables: tf.Variable[];
  /** Encoder and decoder: what the reconstruction phase moves. */
  readonly autoencoderVariables: tf.Variable[];
  /** The encoder alone: what the regularisation phase moves to fool the discriminator. */
  readonly encoderVariables: tf.Variable[];
  readonly discriminatorVariables: tf.Variable[];
  /**
   * [batch, codeSize] codes -> [batch, 1] logits: log-odds that a code was drawn from the prior.
   * @param codeNeedsGradient false where nothing upstream of the code trains (saves a product)
   */
  discriminate(code: tf.Tensor2D, codeNeedsGradient?: boolean): tf.Tensor2D;
  dispose(): void;
}

/**
 * @param model the MLP fields of the config (encoderLayers, codeSize, activations, loss)
 * @param outputBias [inputSize] initial output bias (outputBiasForMean in mlp.ts)
 */
export function createAdversarialAutoencoder(
  model: DenseAutoencoderSpec,
  seed: number,
  inputSize: number = IMAGE_SIZE,
  outputBias?: Float32Array,
  gradients: DenseGradients = preferredGradients(),
): AdversarialAutoencoder {
  const autoencoder = createMlpAutoencoder(model, seed, inputSize, outputBias, gradients);
  const rng = createRng(deriveSeed(seed, DISCRIMINATOR_STREAM));
  const widths = [model.codeSize, ...DISCRIMINATOR_LAYERS, 1];
  const discriminator = denseStack(widths, (_, last) => (last ? 'linear' : 'relu'), rng, { gradients });
  const discriminatorVariables = discriminator.variables;
  const encoderVariables = autoencoder.encoderLayers.flatMap((l) => [l.kernel, l.bias] as tf.Variable[]);
  return {
    autoencoder,
    discriminatorLayers: discriminator.layers,
    variables: [...autoencoder.variables, ...discriminatorVariables],
    autoencoderVariables: autoencoder.variables,
    encoderVariables,
    discriminatorVariables,
    discriminate: (code, codeNeedsGradient = true) => discriminator.run(code, { inputNeedsGradient: codeNeedsGradient }),
    dispose: () => {
      autoencoder.dispose();
      discriminator.dispose();
    },
  };
}
