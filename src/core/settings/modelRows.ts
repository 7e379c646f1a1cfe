/**
 * The autoencoder's settings, one row each (row.ts). Which kind has which of them is the kind
 * module's list (core/kinds/<kind>/kind.ts); the `kind` setting itself is the registry's row
 * (core/kinds/registry.ts), since its choices are the registered kinds.
 */
import { z } from 'zod';
import {
  CODE_ACTIVATIONS,
  CODE_PRIORS,
  CONV_DECODER_KINDS,
  HIDDEN_ACTIVATIONS,
  LOSSES,
  NOISE_TYPES,
  OUTPUT_ACTIVATIONS,
  SPARSITY_PENALTIES,
} from './choices';
import { channelsString, decimalString, formatLayers, formatList, formatPlain, intString, layersString } from './codecs';
import { decimalSchema, intSchema, row, type Range, type SettingRow } from './row';

const enumRow = <const O extends readonly [string, ...string[]]>(
  id: string,
  options: O,
  def: O[number],
  more: { key: string; label: string; optional: boolean },
): SettingRow<O[number]> =>
  row<O[number]>({
    id,
    part: 'model',
    schema: z.enum(options) as unknown as z.ZodType<O[number]>,
    default: def,
    optional: more.optional,
    link: { key: more.key, codec: z.enum(options) as unknown as z.ZodType<O[number], string>, format: formatPlain },
    input: { kind: 'enum', options },
    label: more.label,
    live: false,
  });

const numberRow = (
  id: string,
  limits: Range,
  def: number,
  more: { key: string; label: string; integer: boolean; optional: boolean; live?: boolean },
): SettingRow<number> => {
  const schema = more.integer ? intSchema(limits) : decimalSchema(limits);
  return row<number>({
    id,
    part: 'model',
    schema,
    limits,
    default: def,
    optional: more.optional,
    link: { key: more.key, codec: (more.integer ? intString : decimalString).pipe(schema), format: formatPlain },
    input: { kind: more.integer ? 'int' : 'decimal' },
    label: more.label,
    live: more.live ?? false,
  });
};

const widths = { item: { min: 1, max: 2000 }, count: { min: 0, max: 4 } };
const widthsSchema = z.array(intSchema(widths.item)).max(widths.count.max);
/** Pooling halves 28 -> 14 -> 7, so at most 2 stages. */
const channels = { item: { min: 1, max: 64 }, count: { min: 1, max: 2 } };
const channelsSchema = z.array(intSchema(channels.item)).min(channels.count.min).max(channels.count.max);

export const MODEL_ROWS = {
  /** Hidden widths from the input towards the code, e.g. [256, 64]; the decoder mirrors them. */
  encoderLayers: row<number[]>({
    id: 'encoderLayers',
    part: 'model',
    schema: widthsSchema,
    limits: widths,
    default: [256, 64],
    optional: false,
    link: { key: 'layers', codec: layersString.pipe(widthsSchema), format: formatLayers },
    input: { kind: 'widthList' },
    label: 'architecture.layers',
    live: false,
  }),
  /** Numbers per code. Up to 1000: the sparse lesson's overcomplete code (784 -> 1000 -> 784). */
  codeSize: numberRow('codeSize', { min: 1, max: 1000 }, 2, { key: 'code', label: 'architecture.codeSize', integer: true, optional: false }),
  hiddenActivation: enumRow('hiddenActivation', HIDDEN_ACTIVATIONS, 'relu', { key: 'act', label: 'architecture.hiddenActivation', optional: false }),
  outputActivation: enumRow('outputActivation', OUTPUT_ACTIVATIONS, 'sigmoid', { key: 'out', label: 'architecture.outputActivation', optional: false }),
  /** bce needs outputs in (0, 1): it is only allowed with a sigmoid output. */
  loss: enumRow('loss', LOSSES, 'bce', { key: 'loss', label: 'architecture.loss', optional: false }),
  /**
   * Weight of an L2 penalty on the code: codeL2 x (mean over the batch of sum_j z_j²) is added
   * to the per-pixel reconstruction loss. It pulls codes toward zero, so a grid sampled around
   * zero decodes to digits. 0 = no penalty. Links written before it existed keep the lesson's value.
   */
  codeL2: numberRow('codeL2', { min: 0, max: 1 }, 0, { key: 'l2', label: 'architecture.codeL2', integer: false, optional: true, live: true }),
  /** Denoising: the trainer corrupts each training batch (fresh, seeded noise every step) and asks for the clean digit back. */
  noise: enumRow('noise', NOISE_TYPES, 'none', { key: 'noise', label: 'variants.editor.noise', optional: true }),
  /** σ of Gaussian noise (pixels in [0, 1]), or the fraction of pixels salted or masked; unused for 'none'. */
  noiseLevel: numberRow('noiseLevel', { min: 0, max: 1 }, 0.5, { key: 'noiselevel', label: 'variants.editor.noiseLevel', integer: false, optional: true, live: true }),
  /**
   * Contractive autoencoder: weight of mean over the batch of ||dz/dx||²_F (the squared
   * Frobenius norm of the encoder's Jacobian), in closed form (core/train/contractive.ts). 0 = none.
   */
  contractive: numberRow('contractive', { min: 0, max: 10 }, 0, { key: 'contractive', label: 'variants.editor.contractive', integer: false, optional: true, live: true }),
  /** conv: channels of each encoder stage, input side first (the decoder mirrors them). */
  convChannels: row<number[]>({
    id: 'convChannels',
    part: 'model',
    schema: channelsSchema,
    limits: channels,
    default: [16, 8],
    optional: true,
    link: { key: 'channels', codec: channelsString.pipe(channelsSchema), format: formatList },
    input: { kind: 'channelList' },
    label: 'kinds.editor.convChannels',
    live: false,
  }),
  /** conv: how the decoder undoes each pooling stage. */
  convDecoder: enumRow('convDecoder', CONV_DECODER_KINDS, 'maxUnpool', { key: 'decoder', label: 'kinds.editor.convDecoder', optional: true }),
  /** vae: weight of the KL term (β): 0 a noisy plain autoencoder, 1 the ELBO, above 1 a β-VAE. */
  beta: numberRow('beta', { min: 0, max: 100 }, 1, { key: 'beta', label: 'vae.beta', integer: false, optional: true, live: true }),
  /** vq: code indices per image; codeSize = vqPositions x the numbers per codebook vector. */
  vqPositions: numberRow('vqPositions', { min: 1, max: 64 }, 8, { key: 'positions', label: 'vq.editor.positions', integer: true, optional: true }),
  /** vq: K, the number of codebook vectors. */
  codebookSize: numberRow('codebookSize', { min: 8, max: 512 }, 64, { key: 'codebook', label: 'vq.editor.codebookSize', integer: true, optional: true }),
  /** vq: β of the commitment loss (the VQ-VAE paper uses 0.25). */
  commitment: numberRow('commitment', { min: 0, max: 2 }, 0.25, { key: 'commitment', label: 'vq.editor.commitment', integer: false, optional: true, live: true }),
  /** adversarial: the prior the discriminator compares the codes with. */
  prior: enumRow('prior', CODE_PRIORS, 'gaussian', { key: 'prior', label: 'variants.adversarial.prior', optional: true }),
  /** The code layer's activation. Configs from before it existed read as 'linear'. */
  codeActivation: enumRow('codeActivation', CODE_ACTIVATIONS, 'linear', { key: 'codeact', label: 'variants.editor.codeActivation', optional: true }),
  /** Sparse autoencoder: the penalty on the code's activity. */
  sparsity: enumRow('sparsity', SPARSITY_PENALTIES, 'none', { key: 'sparsity', label: 'variants.editor.sparsity', optional: true }),
  /** Its weight against the per-pixel loss; unused for 'none' (1e-4: the Keras blog's L1). */
  sparsityWeight: numberRow('sparsityWeight', { min: 0, max: 10 }, 1e-4, { key: 'sparsityweight', label: 'variants.editor.sparsityWeight', integer: false, optional: true, live: true }),
  /** ρ for 'kl', the mean activation each code unit is pushed toward: strictly inside (0, 1). */
  sparsityTarget: numberRow('sparsityTarget', { min: 0.001, max: 0.999 }, 0.05, { key: 'rho', label: 'variants.editor.sparsityTarget', integer: false, optional: true }),
  /**
   * vq: every this many steps, the codes no training digit picked since the last reset move
   * onto encoder outputs of the batch (and at step 0 all of them); 0 = never.
   */
  vqResetEvery: numberRow('vqResetEvery', { min: 0, max: 10000 }, 25, { key: 'vqreset', label: 'vq.editor.resetEvery', integer: true, optional: true }),
};

export type ModelRows = typeof MODEL_ROWS;
export type ModelSettingId = keyof ModelRows;
/** The value type of a model setting. */
export type ModelValue<I extends ModelSettingId> = ModelRows[I] extends SettingRow<infer T> ? T : never;
