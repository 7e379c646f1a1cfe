/**
 * The model kinds of the lab: the one place that lists them. Each entry is the kind's module
 * (core/kinds/<kind>/kind.ts: its settings, schema, defaults, problems, weight layout, live
 * measures, editor fields, code export, link keys); the engines that train them are listed by
 * kind in core/kinds/engines.ts, whose type requires one per entry here.
 *
 * Adding a kind: a folder core/kinds/<kind>/ with kind.ts and engine.ts, one line here and one
 * in engines.ts (docs/ARCHITECTURE.md, "How to add a model kind").
 */
import { z } from 'zod';
import { formatPlain } from '../settings/codecs';
import { row, type SettingRow } from '../settings/row';
import { ADVERSARIAL } from './adversarial/kind';
import { CONDITIONAL } from './conditional/kind';
import { CONV } from './conv/kind';
import type { KindModule } from './kindModule';
import { MLP } from './mlp/kind';
import { VAE } from './vae/kind';
import { VQ } from './vq/kind';

/**
 * 'mlp' the dense autoencoder (and its denoising, sparse and contractive variants), 'conv' the
 * convolutional one, 'vae' the variational one, 'vq' VQ-VAE (discrete codes), 'adversarial' an
 * autoencoder whose code a discriminator pushes toward a prior, 'conditional' one whose decoder
 * also receives the digit's label. The order is the kind chooser's.
 */
export const KINDS = { mlp: MLP, conv: CONV, vae: VAE, vq: VQ, adversarial: ADVERSARIAL, conditional: CONDITIONAL } as const;

export type ModelKind = keyof typeof KINDS;
export const MODEL_KINDS = Object.keys(KINDS) as [ModelKind, ...ModelKind[]];

type ConfigOf<T> = T extends KindModule<string, infer M> ? M : never;
/** LabConfig.model: a union on `kind` over the shared base (codeSize, activations, loss). */
export type ModelConfig = { [K in ModelKind]: ConfigOf<(typeof KINDS)[K]> }[ModelKind];
/** The config of one kind, e.g. ModelOf<'vae'>. */
export type ModelOf<K extends ModelKind> = Extract<ModelConfig, { kind: K }>;

/** The module of a config's kind, typed by that config. */
export function kindOf<M extends ModelConfig>(model: M): KindModule<M['kind'], M> {
  return KINDS[model.kind as ModelKind] as unknown as KindModule<M['kind'], M>;
}

/**
 * The `kind` setting: its choices are the registered kinds. A link without it is the lesson's
 * kind (state/link.ts); required in a config.
 */
export const KIND_ROW: SettingRow<ModelKind> = row<ModelKind>({
  id: 'kind',
  part: 'model',
  schema: z.enum(MODEL_KINDS),
  default: 'mlp',
  optional: false,
  link: { key: 'kind', codec: z.enum(MODEL_KINDS), format: formatPlain },
  input: { kind: 'enum', options: MODEL_KINDS },
  label: 'kinds.editor.kind',
  live: false,
});

/** The model's schema: one object per kind, told apart by `kind`; other kinds' fields are dropped. */
export const modelSchema = z.discriminatedUnion(
  'kind',
  MODEL_KINDS.map((k) => KINDS[k].schema) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<ModelConfig>;
