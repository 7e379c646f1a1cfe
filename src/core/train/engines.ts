/**
 * Builds the Engine (engine.ts) of the kind a model config names. Each kind adds its case here
 * and its weights to engineWeightLayout (weightLayouts.ts, re-exported).
 */
import { IMAGE_SIZE, type MlpModelConfig } from '../config';
import { createAdversarialEngine } from './adversarialEngine';
import { createConditionalEngine } from './conditionalEngine';
import { createConvEngine } from './convEngine';
import type { Engine } from './engine';
import { createMlpEngine } from './mlpEngine';
import { createVqEngine } from './vqEngine';
import { createVaeEngine } from './vaeEngine';

export { engineWeightLayout } from './weightLayouts';

/**
 * @param seed the run's seed (weights; per-step noise streams derive from it)
 * @param outputBias [784] initial output bias: an untrained decoder draws the subset's mean image
 */
export function createEngine(model: MlpModelConfig, seed: number, outputBias: Float32Array): Engine {
  switch (model.kind) {
    case 'mlp':
      return createMlpEngine(model, seed, IMAGE_SIZE, outputBias);
    case 'conv':
      return createConvEngine(model, seed, outputBias);
    case 'vq':
      return createVqEngine(model, seed, outputBias);
    case 'vae':
      return createVaeEngine(model, seed, outputBias);
    case 'adversarial':
      return createAdversarialEngine(model, seed, outputBias);
    case 'conditional':
      return createConditionalEngine(model, seed, IMAGE_SIZE, outputBias);
    default:
      throw new Error(`The ${model.kind} autoencoder is not in the lab yet.`);
  }
}
