/**
 * The convolutional autoencoder (lesson `convolutional`): conv + max pooling stages, a dense
 * code, and a decoder that undoes each pooling by max-unpooling (the encoder's switches),
 * repeat-unpooling or deconvolution (layout.ts gives the shapes). Denoising and the L2 code
 * penalty work as for the dense kind.
 */
import type { z } from 'zod';
import { baseProblems, CONTRACTIVE_REFUSED, kindBasics, kindSchema, linkKeysOf, type KindModule } from '../kindModule';
import { convWeightLayout } from './layout';

const SETTINGS = ['convChannels', 'convDecoder', 'noise', 'noiseLevel', 'codeL2'] as const;

export const convSchema = kindSchema('conv', SETTINGS);
export type ConvModelConfig = z.infer<typeof convSchema>;

export const CONV: KindModule<'conv', ConvModelConfig> = {
  ...kindBasics('conv', SETTINGS, convSchema),
  problems: baseProblems,
  refuses: [
    { field: 'encoderLayers', when: (v) => Array.isArray(v) && v.length > 0, code: 'kind.noDenseLayers' },
    CONTRACTIVE_REFUSED,
  ],
  // A conv config of main had no dense layers (the schema refused any).
  absent: { encoderLayers: [] },
  weightLayout: convWeightLayout,
  measureNames: () => [],
  editorFields: ['convChannels', 'convDecoder', 'codeSize', 'codeL2', 'hiddenActivation', 'outputActivation', 'loss', 'noise', 'noiseLevel'],
  codeExport: { ok: false, reason: 'kinds.exportNotYet' },
  linkKeys: linkKeysOf(SETTINGS),
};

/**
 * The convolutional lesson's model: conv 16 -> pool -> conv 8 -> pool (7x7x8 = 392 numbers) ->
 * a 128-number code, the code size of the Keras blog's convolutional autoencoder.
 */
export const DEFAULT_CONV_MODEL: ConvModelConfig = { ...CONV.defaults, codeSize: 128 };
