/**
 * What makes a model kind that kind, as plain data and pure functions (tldraw's shape utils:
 * one object per shape kind). Each kind's folder (core/kinds/<kind>/) exports one KindModule;
 * core/kinds/registry.ts lists them. Nothing here touches tfjs, so the page can read a kind's
 * settings, problems and layout; the engine that trains it is in the same folder, reached
 * through core/kinds/engines.ts on the worker's side.
 */
import { z } from 'zod';
import { MODEL_ROWS, type ModelSettingId, type ModelValue } from '../settings/modelRows';
import { shapeOf } from '../settings/row';
import type { KindProblem, ProblemCode, ProblemParams } from './problems';

/** The fields every kind has: codeSize, activations and loss (and `kind`, the registry's row). */
export const BASE_SETTINGS = ['codeSize', 'hiddenActivation', 'outputActivation', 'loss'] as const satisfies readonly ModelSettingId[];

/** The shared base of every kind's config. */
export interface BaseModelConfig {
  kind: string;
  codeSize: number;
  hiddenActivation: ModelValue<'hiddenActivation'>;
  outputActivation: ModelValue<'outputActivation'>;
  loss: ModelValue<'loss'>;
}

/** One named weight tensor of a model, in the order of its engine's variables. */
export interface WeightSpec {
  name: string;
  shape: number[];
}

/**
 * A setting this kind does not have, refused when an input sets it anyway to a value that the
 * lab refused for this kind before the config became a union (main's configs held every kind's
 * fields; a link `kind=conv&layers=256,64` still reports the layers).
 */
export interface RefusedSetting {
  field: ModelSettingId;
  /** The raw value from the input (not validated). */
  when: (value: unknown) => boolean;
  code: ProblemCode;
  params?: ProblemParams;
}

/** Whether Show as code writes this kind, or (an i18n key with {{kind}}) why not. */
export type CodeExport = { ok: true } | { ok: false; reason: string };

export interface KindModule<K extends string = string, M extends BaseModelConfig & { kind: K } = BaseModelConfig & { kind: K }> {
  kind: K;
  /** i18n key of the kind's name in the kind chooser. */
  label: string;
  /** The model settings this kind adds to BASE_SETTINGS. */
  settings: readonly ModelSettingId[];
  /** The config's schema: `kind`, the base and the kind's settings (other fields are dropped). */
  schema: z.ZodType<M>;
  /** The kind's config with every setting at its row's default. */
  defaults: M;
  /** Cross-field problems of a config that passed the schema, as codes. */
  problems: (model: M) => KindProblem[];
  refuses: readonly RefusedSetting[];
  /**
   * What main's full-form configs held for the settings this kind lacks, where that was not the
   * row's default (the convolutional kind: no dense layers). fullModel fills them in, so the
   * storage key and the link of an experiment are what they were.
   */
  absent: { [I in ModelSettingId]?: ModelValue<I> };
  /** Names and shapes of the weights a snapshot stores, in the engine's variables' order. */
  weightLayout: (model: M) => WeightSpec[];
  /** Names of the kind's own live figures (Engine.measure), in order; empty for none. */
  measureNames: (model: M) => readonly string[];
  /** The settings the editor shows for this kind, base ones included, in its order. */
  editorFields: readonly ModelSettingId[];
  codeExport: CodeExport;
  /** The link keys of its settings (base included), from the settings table. */
  linkKeys: readonly string[];
}

/** `z.object` of a kind: its literal `kind`, the base settings and its own, from the rows. */
export function kindSchema<const K extends string, const I extends readonly ModelSettingId[]>(kind: K, settings: I) {
  return z.object({ kind: z.literal(kind), ...shapeOf(MODEL_ROWS, BASE_SETTINGS), ...shapeOf(MODEL_ROWS, settings) });
}

/**
 * A kind's config with every field at its row's default, but for `overrides` (where the rows'
 * defaults do not make a valid model of this kind).
 */
export function kindDefaults<M extends BaseModelConfig>(kind: M['kind'], settings: readonly ModelSettingId[], overrides: Partial<M> = {}): M {
  const fields = [...BASE_SETTINGS, ...settings].map((id) => [id, structuredClone(MODEL_ROWS[id].default)]);
  return { kind, ...Object.fromEntries(fields), ...overrides } as M;
}

/**
 * The part of a KindModule that follows from its id, its settings and its schema: the kind, its
 * name's label key, the settings, the schema and the defaults (with `overrides`, see kindDefaults).
 */
export function kindBasics<K extends string, M extends BaseModelConfig & { kind: K }>(
  kind: K,
  settings: readonly ModelSettingId[],
  schema: z.ZodType<M>,
  overrides: Partial<M> = {},
) {
  return { kind, label: `kinds.editor.option.${kind}`, settings, schema, defaults: kindDefaults<M>(kind as M['kind'], settings, overrides) };
}

/** The link keys of the base settings and these. */
export function linkKeysOf(settings: readonly ModelSettingId[]): string[] {
  return ['kind', ...[...BASE_SETTINGS, ...settings].map((id) => MODEL_ROWS[id].link.key)];
}

/** Base problems every kind shares (bce needs a sigmoid output). */
export function baseProblems(m: BaseModelConfig): KindProblem[] {
  return m.loss === 'bce' && m.outputActivation !== 'sigmoid' ? [{ field: 'loss', code: 'loss.bceNeedsSigmoid' }] : [];
}

/** Settings a kind other than the dense one refuses (the contractive closed form is the MLP's). */
export const CONTRACTIVE_REFUSED: RefusedSetting = {
  field: 'contractive',
  when: (v) => typeof v === 'number' && v > 0,
  code: 'kind.contractiveMlpOnly',
};
