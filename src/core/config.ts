/**
 * The lab's configuration: the plain objects that flow view -> store -> worker -> core.
 *
 *   LabConfig = { model: ModelConfig, train: TrainConfig }
 *   ModelConfig = a union on `kind` (core/kinds/registry.ts) over the shared base
 *                 { kind, codeSize, hiddenActivation, outputActivation, loss }
 *
 * Every field is a row of the settings table (core/settings/): its schema and limits, default,
 * link key, editor input and label. checkConfig is the one validator: a config is checked
 * where it enters (link, editor, file, saved model) and trusted inside.
 */
import { z } from 'zod';
import { fullModel, narrowModel, type FullModelConfig } from './kinds/fullForm';
import type { ConfigProblem, KindProblem } from './kinds/problems';
import { problemMessage } from './kinds/problems';
import { KINDS, kindOf, modelSchema, type ModelConfig, type ModelKind } from './kinds/registry';
import type { MlpModelConfig } from './kinds/mlp/kind';
import { IMAGE_SIDE, IMAGE_SIZE } from './settings/choices';
import { MODEL_ROWS, type ModelSettingId } from './settings/modelRows';
import { rowAtPath } from './settings/table';
import { TRAIN_DEFAULTS, trainSchema, type TrainConfig } from './settings/trainRows';

export * from './settings/choices';
export { LIMITS } from './settings/table';
export { trainSchema, type TrainConfig } from './settings/trainRows';
export { MODEL_KINDS, type ModelConfig, type ModelKind, type ModelOf } from './kinds/registry';
export { fullModel, narrowModel, defaultFullModel, kindModel, type FullModelConfig } from './kinds/fullForm';
export type { ConfigProblem, ProblemCode, ProblemParams } from './kinds/problems';
export type { MlpModelConfig } from './kinds/mlp/kind';
export type { ConvModelConfig } from './kinds/conv/kind';
export type { VaeModelConfig } from './kinds/vae/kind';
export type { VqModelConfig } from './kinds/vq/kind';
export type { AdversarialModelConfig } from './kinds/adversarial/kind';
export type { ConditionalModelConfig } from './kinds/conditional/kind';

export interface LabConfig {
  model: ModelConfig;
  train: TrainConfig;
}

/** Issues of a zod parse as problems, each with a code from the settings table's limits. */
function schemaProblems(issues: readonly z.core.$ZodIssue[], part: 'model' | 'train'): ConfigProblem[] {
  return issues.map((i): ConfigProblem => {
    const path = [part, ...i.path.map(String)].join('.');
    const row = rowAtPath(path);
    const limits = row?.limits && ('item' in row.limits ? (i.path.length > 1 ? row.limits.item : row.limits.count) : row.limits);
    if (i.code === 'invalid_type' && i.expected === 'int') return { path, code: 'wholeNumber', message: i.message };
    if ((i.code === 'too_small' || i.code === 'too_big') && i.origin === 'array') {
      return i.code === 'too_big'
        ? { path, code: 'tooMany', params: { max: Number(i.maximum) }, message: i.message }
        : { path, code: 'tooFew', params: { min: Number(i.minimum) }, message: i.message };
    }
    if ((i.code === 'too_small' || i.code === 'too_big') && limits) return { path, code: 'range', params: { ...limits }, message: i.message };
    return { path, code: 'invalid', message: i.message };
  });
}

const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * The cross-field problems of a model that passed its schema: its kind's (bce needs a sigmoid
 * output, ...) and the settings it lacks that the raw input set to a value the kind refuses.
 */
function crossFieldProblems(model: ModelConfig, raw: Record<string, unknown>): ConfigProblem[] {
  const module = kindOf(model);
  const found: KindProblem[] = [...module.problems(model)];
  for (const r of module.refuses) {
    if (r.when(raw[r.field])) found.push({ field: r.field, code: r.code, ...(r.params ? { params: r.params } : {}) });
  }
  return found.map((p) => ({
    path: `model.${p.field}`,
    code: p.code,
    ...(p.params ? { params: p.params } : {}),
    message: problemMessage(p.code, p.params),
  }));
}

/**
 * Validates an untrusted config; never throws. Old full-form configs (every kind's fields, as
 * main wrote them into links, files and IndexedDB) parse into the union: the other kinds'
 * fields are dropped, except a value the kind refused then (conv with dense layers, ...).
 */
export function checkConfig(value: unknown): { ok: true; config: LabConfig } | { ok: false; problems: ConfigProblem[] } {
  const raw = asRecord(value);
  const model = modelSchema.safeParse(raw?.model);
  const train = trainSchema.safeParse(raw?.train);
  const problems = [
    ...(model.success ? crossFieldProblems(model.data, asRecord(raw?.model) ?? {}) : schemaProblems(model.error.issues, 'model')),
    ...(train.success ? [] : schemaProblems(train.error.issues, 'train')),
  ];
  if (problems.length > 0 || !model.success || !train.success) return { ok: false, problems };
  return { ok: true, config: { model: model.data, train: train.data } };
}

/** checkConfig as a zod schema (a snapshot's config, ...): the checked config, or its problems as issues. */
export const labConfigSchema: z.ZodType<LabConfig> = z.unknown().transform((value, ctx) => {
  const r = checkConfig(value);
  if (r.ok) return r.config;
  for (const p of r.problems) ctx.addIssue({ code: 'custom', path: p.path.split('.'), message: p.message, params: { code: p.code } });
  return z.NEVER;
});

/**
 * Defaults chosen so that a laptop without a GPU beats the PCA-2 baseline within seconds
 * (measured by `npm run bench`, secondsToBeatPca2): the dense kind at every row's default.
 */
export const DEFAULT_CONFIG: { model: MlpModelConfig; train: TrainConfig } = { model: KINDS.mlp.defaults, train: TRAIN_DEFAULTS };

/**
 * A LabConfig from the flat form (a lesson's preset over the defaults, the editor's draft):
 * the kind's fields of `full`, unchecked. checkConfig it where it enters.
 */
export function configFromFull(full: { model: FullModelConfig; train: TrainConfig }): LabConfig {
  return { model: narrowModel(full.model), train: structuredClone(full.train) };
}

/** The flat form of a config: every kind's settings (fullModel), the training settings. */
export function fullConfig(config: LabConfig): { model: FullModelConfig; train: TrainConfig } {
  return { model: fullModel(config.model), train: structuredClone(config.train) };
}

/** The value of a model setting in a config, or its row's default where the kind lacks it. */
export function modelSetting<I extends ModelSettingId>(model: ModelConfig, id: I): FullModelConfig[I] {
  return id in model ? (model as unknown as FullModelConfig)[id] : structuredClone(MODEL_ROWS[id].default as FullModelConfig[I]);
}

/**
 * The code layer's activation: the dense kind's setting; every other kind's code is linear.
 */
export function codeActivationOf(model: ModelConfig): 'linear' | 'relu' | 'sigmoid' {
  return model.kind === 'mlp' ? model.codeActivation : 'linear';
}

/** The hidden encoder widths of a dense kind; [] for the convolutional kind (its stages are convChannels). */
export function encoderLayersOf(model: ModelConfig): number[] {
  return 'encoderLayers' in model ? model.encoderLayers : [];
}

/**
 * Numbers per layer of the whole autoencoder, input to output, e.g. [784, 256, 64, 2, 64, 256, 784];
 * for the convolutional kind each stage's pooled map (14² x 16 = 3136, 7² x 8 = 392).
 */
export function layerWidths(m: ModelConfig): number[] {
  if (m.kind === 'conv') {
    let side = IMAGE_SIDE;
    const stages = m.convChannels.map((c) => {
      side /= 2;
      return side * side * c;
    });
    return [IMAGE_SIZE, ...stages, m.codeSize, ...[...stages].reverse(), IMAGE_SIZE];
  }
  return [IMAGE_SIZE, ...m.encoderLayers, m.codeSize, ...[...m.encoderLayers].reverse(), IMAGE_SIZE];
}

/** Whether this kind of model is the one named (type guard for code that reads a kind's fields). */
export function isKind<K extends ModelKind>(model: ModelConfig, kind: K): model is Extract<ModelConfig, { kind: K }> {
  return model.kind === kind;
}

