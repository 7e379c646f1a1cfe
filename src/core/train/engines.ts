/**
 * Builds the Engine (engine.ts) of the kind a model config names. Each kind adds its case here
 * and its weights to engineWeightLayout (weightLayouts.ts, re-exported).
 */
import { IMAGE_SIZE, type MlpModelConfig } from '../config';
import { createConditionalEngine } from './conditionalEngine';
import { createConvEngine } from './convEngine';
import type { Engine } from './engine';
import { createMlpEngine } from './mlpEngine';

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
    case 'conditional':
      return createConditionalEngine(model, seed, IMAGE_SIZE, outputBias);
    default:
      throw new Error(`The ${model.kind} autoencoder is not in the lab yet.`);
  }
}
