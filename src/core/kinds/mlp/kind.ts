/**
 * The dense (MLP) autoencoder and its variants: denoising (input noise), the L2 code penalty,
 * the contractive penalty and the sparse code.
 *
 *   784 -> encoderLayers... -> codeSize (codeActivation) -> reversed(encoderLayers)... -> 784
 */
import type { z } from 'zod';
import { weightLayout } from '../denseLayout';
import { baseProblems, kindBasics, kindSchema, linkKeysOf, type KindModule } from '../kindModule';
import type { KindProblem } from '../problems';

const SETTINGS = [
  'encoderLayers',
  'codeL2',
  'noise',
  'noiseLevel',
  'contractive',
  'codeActivation',
  'sparsity',
  'sparsityWeight',
  'sparsityTarget',
] as const;

export const mlpSchema = kindSchema('mlp', SETTINGS);
export type MlpModelConfig = z.infer<typeof mlpSchema>;

function problems(m: MlpModelConfig): KindProblem[] {
  const found = baseProblems(m);
  // tfjs has no second-order gradients through the lab's dense layers, and the closed form
  // (train/contractive.ts) covers one hidden layer and a linear code: anything else is refused.
  if (m.contractive > 0 && m.encoderLayers.length > 1) found.push({ field: 'contractive', code: 'contractive.depth' });
  if (m.contractive > 0 && m.codeActivation !== 'linear') found.push({ field: 'codeActivation', code: 'contractive.linearCode' });
  // KL(ρ || ρ̂) compares two probabilities: ρ̂, a unit's mean activation, must lie in (0, 1).
  if (m.sparsity === 'kl' && m.codeActivation !== 'sigmoid') found.push({ field: 'sparsity', code: 'sparsity.klNeedsSigmoid' });
  return found;
}

export const MLP: KindModule<'mlp', MlpModelConfig> = {
  ...kindBasics('mlp', SETTINGS, mlpSchema),
  problems,
  refuses: [],
  absent: {},
  weightLayout,
  measureNames: () => [],
  editorFields: ['encoderLayers', 'codeSize', 'codeL2', 'hiddenActivation', 'outputActivation', 'loss', 'noise', 'noiseLevel', 'contractive', 'codeActivation', 'sparsity', 'sparsityWeight', 'sparsityTarget'],
  codeExport: { ok: true },
  linkKeys: linkKeysOf(SETTINGS),
};
