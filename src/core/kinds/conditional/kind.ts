/**
 * The conditional autoencoder (lesson `style-swap`, feature disentanglement): the encoder sees
 * only the image, the decoder receives the code and the digit's label one-hot, so the code is
 * left with the style; `codeL2` is the price on the code.
 */
import type { z } from 'zod';
import { weightLayout } from '../denseLayout';
import { baseProblems, CONTRACTIVE_REFUSED, kindBasics, kindSchema, linkKeysOf, type KindModule, type WeightSpec } from '../kindModule';

const SETTINGS = ['encoderLayers', 'codeL2'] as const;

export const conditionalSchema = kindSchema('conditional', SETTINGS);
export type ConditionalModelConfig = z.infer<typeof conditionalSchema>;

/** Digits 0-9: the width of the one-hot label the decoder receives. */
export const LABEL_CLASSES = 10;

/** The live figures of the engine's measure(), in this order (train/conditionalObjective.ts). */
export const CONDITIONAL_MEASURES = ['codeLabelKnn', 'swapReadAsLabel', 'ownReadAsLabel'] as const;

/** The dense autoencoder's weights, but the decoder's first layer also reads the one-hot label. */
export function conditionalWeightLayout(model: { encoderLayers: readonly number[]; codeSize: number }): WeightSpec[] {
  return weightLayout(model).map((w) => (w.name === 'decoder/0/kernel' ? { ...w, shape: [w.shape[0] + LABEL_CLASSES, w.shape[1]] } : w));
}

export const CONDITIONAL: KindModule<'conditional', ConditionalModelConfig> = {
  ...kindBasics('conditional', SETTINGS, conditionalSchema),
  problems: baseProblems,
  refuses: [CONTRACTIVE_REFUSED],
  absent: {},
  weightLayout: conditionalWeightLayout,
  measureNames: () => CONDITIONAL_MEASURES,
  editorFields: ['encoderLayers', 'codeSize', 'codeL2', 'hiddenActivation', 'outputActivation', 'loss'],
  codeExport: { ok: false, reason: 'kinds.exportNotYet' },
  linkKeys: linkKeysOf(SETTINGS),
};
