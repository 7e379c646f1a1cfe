/**
 * Builds the Engine (engine.ts) of the kind a model config names: one factory per registered
 * kind (core/kinds/registry.ts); the mapped type makes a kind without an engine a type error.
 */
import { IMAGE_SIZE } from '../settings/choices';
import type { ModelConfig, ModelKind, ModelOf } from './registry';
import { createAdversarialEngine } from './adversarial/engine';
import { createConditionalEngine } from './conditional/engine';
import { createConvEngine } from './conv/engine';
import type { Engine } from '../train/engine';
import { createMlpEngine } from './mlp/engine';
import { createVqEngine } from './vq/engine';
import { createVaeEngine } from './vae/engine';

export { engineWeightLayout } from '../train/weightLayouts';

/**
 * @param seed the run's seed (weights; per-step noise streams derive from it)
 * @param outputBias [784] initial output bias: an untrained decoder draws the subset's mean image
 */
export type EngineFactory<M extends ModelConfig> = (model: M, seed: number, outputBias: Float32Array) => Engine;

export const ENGINES: { [K in ModelKind]: EngineFactory<ModelOf<K>> } = {
  mlp: (m, seed, bias) => createMlpEngine(m, seed, IMAGE_SIZE, bias),
  conv: createConvEngine,
  vae: createVaeEngine,
  vq: createVqEngine,
  adversarial: createAdversarialEngine,
  conditional: (m, seed, bias) => createConditionalEngine(m, seed, IMAGE_SIZE, bias),
};

export function createEngine(model: ModelConfig, seed: number, outputBias: Float32Array): Engine {
  return (ENGINES[model.kind] as EngineFactory<ModelConfig>)(model, seed, outputBias);
}
