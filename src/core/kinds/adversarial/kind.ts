/**
 * The adversarial autoencoder (lesson `adversarial`, Makhzani et al. 2015): the dense
 * autoencoder plus a discriminator on the code (codeSize -> 64 -> 64 -> 1) that pushes the
 * codes toward a prior: a Gaussian in any code size, a ring or a mixture of 10 in 2-D.
 */
import type { z } from 'zod';
import { denseStackLayout, weightLayout } from '../denseLayout';
import { baseProblems, CONTRACTIVE_REFUSED, kindBasics, kindSchema, linkKeysOf, type KindModule, type WeightSpec } from '../kindModule';
import type { KindProblem } from '../problems';

const SETTINGS = ['encoderLayers', 'prior'] as const;

export const adversarialSchema = kindSchema('adversarial', SETTINGS);
export type AdversarialModelConfig = z.infer<typeof adversarialSchema>;

/** Hidden widths of the discriminator (the paper's MNIST discriminator: two layers of 1,000). */
export const DISCRIMINATOR_LAYERS = [64, 64] as const;

/** The live figures of the engine's measure(), in this order. */
export const ADVERSARIAL_MEASURES = ['priorDistance', 'discriminatorAccuracy'] as const;

/** Names and shapes of the discriminator's weights, after the autoencoder's in a snapshot. */
export function discriminatorWeightLayout(codeSize: number): WeightSpec[] {
  return denseStackLayout('discriminator', [codeSize, ...DISCRIMINATOR_LAYERS, 1]);
}

function problems(m: AdversarialModelConfig): KindProblem[] {
  const found = baseProblems(m);
  if (m.prior !== 'gaussian' && m.codeSize !== 2) found.push({ field: 'codeSize', code: 'adversarial.priorNeeds2d', params: { prior: m.prior } });
  return found;
}

export const ADVERSARIAL: KindModule<'adversarial', AdversarialModelConfig> = {
  ...kindBasics('adversarial', SETTINGS, adversarialSchema),
  problems,
  // The discriminator alone shapes the code; an L2 pull or a denoising input is not part of it.
  refuses: [
    CONTRACTIVE_REFUSED,
    { field: 'noise', when: (v) => typeof v === 'string' && v !== 'none', code: 'adversarial.cleanCode' },
    { field: 'codeL2', when: (v) => typeof v === 'number' && v > 0, code: 'adversarial.cleanCode' },
  ],
  absent: {},
  weightLayout: (m) => [...weightLayout(m), ...discriminatorWeightLayout(m.codeSize)],
  measureNames: () => ADVERSARIAL_MEASURES,
  editorFields: ['encoderLayers', 'codeSize', 'hiddenActivation', 'outputActivation', 'loss', 'prior'],
  codeExport: { ok: false, reason: 'kinds.exportNotYet' },
  linkKeys: linkKeysOf(SETTINGS),
};
