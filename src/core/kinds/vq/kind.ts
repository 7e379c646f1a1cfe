/**
 * The VQ-VAE (lesson `vq-vae`): the code of an image is a row of `vqPositions` discrete
 * indices, each naming one of the `codebookSize` vectors of a learned codebook (codeSize /
 * vqPositions numbers each); the decoder reads the chosen vectors, the encoder learns through
 * the straight-through gradient. Pixels are Bernoulli variables, as in the VAE.
 */
import type { z } from 'zod';
import { IMAGE_SIZE } from '../../settings/choices';
import { TRAIN_DEFAULTS, type TrainConfig } from '../../settings/trainRows';
import { denseStackLayout } from '../denseLayout';
import { baseProblems, CONTRACTIVE_REFUSED, kindBasics, kindSchema, linkKeysOf, type KindModule, type WeightSpec } from '../kindModule';
import type { KindProblem } from '../problems';
import { bernoulliProblems } from '../vae/kind';

const SETTINGS = ['encoderLayers', 'vqPositions', 'codebookSize', 'commitment', 'vqResetEvery'] as const;

export const vqSchema = kindSchema('vq', SETTINGS);
export type VqModelConfig = z.infer<typeof vqSchema>;

/** The live figures of the engine's measure(), in this order. */
export const VQ_MEASURES = ['perplexity', 'codesUsed'] as const;

/** Numbers per codebook vector: codeSize / vqPositions; a config whose codeSize does not divide is refused. */
export function vqCodeDim(spec: { codeSize: number; vqPositions: number }): number {
  const d = spec.codeSize / spec.vqPositions;
  if (!Number.isInteger(d) || d < 1) {
    throw new RangeError(`The code size (${spec.codeSize}) must be a multiple of the code positions (${spec.vqPositions}).`);
  }
  return d;
}

/** The VQ engine's weights, in its variables' order: encoder, codebook [K, codeDim], decoder. */
export function vqWeightLayout(spec: { encoderLayers: readonly number[]; codeSize: number; vqPositions: number; codebookSize: number }): WeightSpec[] {
  const widths = [IMAGE_SIZE, ...spec.encoderLayers, spec.codeSize];
  return [
    ...denseStackLayout('encoder', widths),
    { name: 'codebook', shape: [spec.codebookSize, vqCodeDim(spec)] },
    ...denseStackLayout('decoder', [...widths].reverse()),
  ];
}

function problems(m: VqModelConfig): KindProblem[] {
  const found = [...baseProblems(m), ...bernoulliProblems(m)];
  if (m.codeSize % m.vqPositions !== 0) found.push({ field: 'codeSize', code: 'vq.codeSizeMultiple', params: { positions: m.vqPositions } });
  return found;
}

export const VQ: KindModule<'vq', VqModelConfig> = {
  // 8 positions of 4 numbers: the code size must be a multiple of the positions (48 bits per image).
  ...kindBasics('vq', SETTINGS, vqSchema, { codeSize: 32 }),
  problems,
  refuses: [CONTRACTIVE_REFUSED],
  absent: {},
  weightLayout: vqWeightLayout,
  measureNames: () => VQ_MEASURES,
  editorFields: ['encoderLayers', 'codeSize', 'hiddenActivation', 'outputActivation', 'loss', 'vqPositions', 'codebookSize', 'commitment', 'vqResetEvery'],
  codeExport: { ok: false, reason: 'kinds.exportNotYet' },
  linkKeys: linkKeysOf(SETTINGS),
};

/** 784-256-64 then 8 indices into a codebook of 64 vectors of 4 numbers (48 bits per image). */
export const DEFAULT_VQ_CONFIG: { model: VqModelConfig; train: TrainConfig } = {
  model: VQ.defaults,
  train: { ...TRAIN_DEFAULTS, learningRate: 0.001, batchSize: 100 },
};
