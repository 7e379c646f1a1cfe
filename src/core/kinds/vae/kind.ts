/**
 * The variational autoencoder (lessons `vae` and `beta-vae-traversal`): an MLP encoder that
 * outputs a Gaussian q(z | x) (mean and log-variance heads), a decoder of the dense
 * autoencoder's shape, and the objective reconstruction + β KL.
 *
 * The likelihood is fixed: each pixel is a Bernoulli variable whose probability is the
 * decoder's sigmoid output, so the reconstruction term is the binary cross-entropy summed over
 * the 784 pixels, in nats, and reconstruction + KL is the negative ELBO of the lecture.
 */
import type { z } from 'zod';
import { IMAGE_SIZE } from '../../settings/choices';
import { TRAIN_DEFAULTS, type TrainConfig } from '../../settings/trainRows';
import { denseStackLayout } from '../denseLayout';
import { baseProblems, CONTRACTIVE_REFUSED, kindBasics, kindSchema, linkKeysOf, type KindModule, type WeightSpec } from '../kindModule';
import type { KindProblem } from '../problems';

const SETTINGS = ['encoderLayers', 'beta'] as const;

export const vaeSchema = kindSchema('vae', SETTINGS);
export type VaeModelConfig = z.infer<typeof vaeSchema>;

/**
 * Names and shapes of the VAE's weights in the order of createVae's variables: encoder hidden
 * layers from the input, the mean head, the log-variance head, then the decoder layers from the
 * code; kernel, bias each.
 */
export function vaeWeightLayout(model: { encoderLayers: readonly number[]; codeSize: number }): WeightSpec[] {
  const widths = [IMAGE_SIZE, ...model.encoderLayers];
  const last = widths[widths.length - 1];
  const head = (name: string): WeightSpec[] => [
    { name: `${name}/kernel`, shape: [last, model.codeSize] },
    { name: `${name}/bias`, shape: [model.codeSize] },
  ];
  const back = [model.codeSize, ...[...model.encoderLayers].reverse(), IMAGE_SIZE];
  return [...denseStackLayout('encoder', widths), ...head('mean'), ...head('logVar'), ...denseStackLayout('decoder', back)];
}

/**
 * The engine's live figures, in the order of its measure(): 'elbo', 'reconstruction', 'kl'
 * (nats per image), 'emptyCells' (0..1, code size >= 2 only), 'activeDimensions' (a count),
 * then 'kl0', 'kl1', ... the mean KL of each code dimension (nats).
 */
export function vaeMeasureNames(codeSize: number): string[] {
  return [
    'elbo',
    'reconstruction',
    'kl',
    ...(codeSize >= 2 ? ['emptyCells'] : []),
    'activeDimensions',
    ...Array.from({ length: codeSize }, (_, j) => `kl${j}`),
  ];
}

/** A Bernoulli pixel model needs a sigmoid output and binary cross-entropy (the VAE and the VQ-VAE). */
export function bernoulliProblems(m: { kind: string; loss: string; outputActivation: string }): KindProblem[] {
  return m.loss !== 'bce' || m.outputActivation !== 'sigmoid' ? [{ field: 'loss', code: 'kind.needsBernoulli', params: { kind: m.kind } }] : [];
}

export const VAE: KindModule<'vae', VaeModelConfig> = {
  ...kindBasics('vae', SETTINGS, vaeSchema),
  problems: (m) => [...baseProblems(m), ...bernoulliProblems(m)],
  refuses: [CONTRACTIVE_REFUSED],
  absent: {},
  weightLayout: vaeWeightLayout,
  measureNames: (m) => vaeMeasureNames(m.codeSize),
  editorFields: ['encoderLayers', 'codeSize', 'hiddenActivation', 'outputActivation', 'loss', 'beta'],
  codeExport: { ok: false, reason: 'kinds.exportNotYet' },
  linkKeys: linkKeysOf(SETTINGS),
};

/**
 * The lab's default architecture (784-256-64-2) as a VAE. Adam at 0.001 on the summed
 * per-image objective (the dense default of 0.002 is for a per-pixel mean; Adam is
 * scale-invariant, but the VAE's noisy code trains steadier a little slower).
 */
export const DEFAULT_VAE_CONFIG: { model: VaeModelConfig; train: TrainConfig } = {
  model: VAE.defaults,
  train: { ...TRAIN_DEFAULTS, learningRate: 0.001, batchSize: 100 },
};
