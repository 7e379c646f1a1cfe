/**
 * The adversarial autoencoder as the lab's training engine (kind 'adversarial'): the model of
 * models/adversarial.ts, the three-phase step of adversarialObjective.ts, and the live figures
 * (distance of the test codes to the prior, the discriminator's accuracy).
 *
 * The run's optimizer (StepContext.optimizer: the lab's Adam/SGD/RMSprop at the lab's learning
 * rate, over every variable, so a snapshot keeps the discriminator's slots too) drives the
 * reconstruction and the discriminator. The engine owns one more, the encoder's for fooling the
 * discriminator (Adam at ADVERSARIAL_LEARNING_RATE, β1 = 0.5 as GAN generators are usually
 * trained: momentum that lingers makes the two players overshoot each other); a restored run
 * starts that one afresh. dispose() frees it with the model and the fixed prior sample.
 *
 * Owned tensors: the model's variables, the fooling optimizer's slots, the [LIVE_TEST_SIZE,
 * codeSize] prior sample the measures compare with.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../../settings/choices';
import { ADVERSARIAL_MEASURES, type AdversarialModelConfig } from './kind';
import { LIVE_TEST_SIZE } from '../../data/dataset';
import { deriveSeed } from '../../data/rng';
import { createAdversarialAutoencoder, type AdversarialAutoencoder } from './model';
import { samplePriorCodes } from '../../models/priors2d';
import { adversarialMeasures, adversarialStep } from './objective';
import type { Engine } from '../../train/engine';
import { disposeOptimizer } from '../../train/optimizers';

/** Learning rate of the encoder's adversarial (fooling) Adam. */
export const ADVERSARIAL_LEARNING_RATE = 1e-3;
const ADAM_BETA1 = 0.5;
/** Seed streams: the prior samples of each step, the fixed sample the measures use (mlpEngine's noise is 7). */
const PRIOR_STREAM = 9;
const MEASURE_PRIOR_STREAM = 10;

export { ADVERSARIAL_MEASURES };

export interface AdversarialEngine extends Engine<AdversarialModelConfig> {
  readonly model: AdversarialAutoencoder;
  readonly measureNames: readonly string[];
  measure(x: tf.Tensor2D): tf.Tensor1D;
}

/**
 * Prior samples of one step: [batch, codeSize], the same for the same (seed, step), fresh each
 * step (so a restored run at step k continues with the samples it would have had).
 */
export function stepPriorSamples(model: Pick<AdversarialModelConfig, 'prior' | 'codeSize'>, seed: number, step: number, batch: number): tf.Tensor2D {
  const codes = samplePriorCodes(model.prior, batch, model.codeSize, deriveSeed(deriveSeed(seed, PRIOR_STREAM), step));
  return tf.tensor2d(codes, [batch, model.codeSize]);
}

/**
 * @param outputBias [784] the output layer's initial bias (outputBiasForMean)
 * @param options.fool false: a plain autoencoder of the same architecture whose discriminator
 *   only watches (for the comparison in tests and the quality table; the lab always fools)
 */
export function createAdversarialEngine(
  config: AdversarialModelConfig,
  seed: number,
  outputBias?: Float32Array,
  options: { fool?: boolean } = {},
): AdversarialEngine {
  const fool = options.fool ?? true;
  const model = createAdversarialAutoencoder(config, seed, IMAGE_SIZE, outputBias);
  const ae = model.autoencoder;
  const generator = tf.train.adam(ADVERSARIAL_LEARNING_RATE, ADAM_BETA1);
  const measurePrior = tf.tensor2d(
    samplePriorCodes(config.prior, LIVE_TEST_SIZE, config.codeSize, deriveSeed(seed, MEASURE_PRIOR_STREAM)),
    [LIVE_TEST_SIZE, config.codeSize],
  );
  const spec = { loss: config.loss, outputActivation: config.outputActivation };
  return {
    codeSize: config.codeSize,
    model,
    variables: model.variables,
    encode: (x) => ae.encode(x),
    decodeLogits: (code) => ae.decodeLogits(code),
    decode: (code) => ae.decode(code),
    reconstructLogits: (x) => ae.decodeLogits(ae.encode(x)),
    trainStep: (x, ctx) => {
      const prior = stepPriorSamples(config, ctx.seed, ctx.step, x.shape[0]);
      return adversarialStep(model, { run: ctx.optimizer, generator }, x, prior, spec, fool);
    },
    measureNames: ADVERSARIAL_MEASURES,
    measure: (x) => adversarialMeasures(model, x, measurePrior),
    dispose: () => {
      model.dispose();
      disposeOptimizer(generator);
      measurePrior.dispose();
    },
  };
}
