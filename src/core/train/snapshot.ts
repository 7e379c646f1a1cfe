/**
 * A trained model as plain data: the configuration, the counters and every weight as a
 * Float32Array, so the worker can keep it in IndexedDB (structured clone) or write it to a file
 * (snapshotFile.ts), and a later session can load it back into a Trainer.
 *
 * checkSnapshot decides what can be loaded into the current architecture:
 * - refused: not this format or version, malformed fields, weights that are not finite numbers,
 *   and anything that changes what the weights compute: the layer widths, the code size, the
 *   hidden or output activation;
 * - loaded with a warning: the loss, the code penalty and the training settings (optimizer,
 *   learning rate, momentum, batch size, training images, seed). The weights mean the same
 *   under any of these; training simply goes on with the settings of the page.
 * Optimizer state (Adam's moments, momentum, RMSprop's averages) is optional in a snapshot; it
 * is loaded only when the optimizer is the same and every slot fits, otherwise the optimizer
 * starts fresh (with a warning).
 */
import { z } from 'zod';
import { engineWeightLayout } from './weightLayouts';
import {
  fullConfig,
  labConfigSchema,
  OPTIMIZERS,
  type FullModelConfig,
  type LabConfig,
  type OptimizerName,
  type TrainConfig,
} from '../config';

/** A config in its flat form (every kind's fields), so the comparisons read any field of either side. */
type FullLabConfig = { model: FullModelConfig; train: TrainConfig };

export const SNAPSHOT_FORMAT = 'autoencoder-lab/mlp';
export const SNAPSHOT_VERSION = 1;

/** One tensor by value. */
export interface SnapshotTensor {
  /** e.g. 'encoder/0/kernel' (see weightLayout); optimizer slots: 'adam/m/3'. */
  name: string;
  shape: number[];
  /** Row-major values, length = product of shape. */
  data: Float32Array;
}

export interface OptimizerSnapshot {
  name: OptimizerName;
  /** Steps the optimizer has taken (Adam's bias correction depends on it). */
  iterations: number;
  /**
   * Slot variables in tfjs's getWeights order: Adam [m..., v...], momentum [accumulation...],
   * RMSprop [mean square..., moment...], each list in the order of the model's weights.
   */
  slots: SnapshotTensor[];
}

export interface ModelSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  config: LabConfig;
  step: number;
  samplesSeen: number;
  /** In weightLayout order: encoder layers from the input, then decoder layers; kernel, bias. */
  weights: SnapshotTensor[];
  optimizer?: OptimizerSnapshot;
}

/**
 * One difference between a snapshot and the current lab, structured so that the page can word
 * it in any language; `message` is the English sentence.
 */
export interface SnapshotIssue {
  /** 'refuse': the snapshot cannot be loaded. 'warn': it loads, and the page should say this. */
  severity: 'refuse' | 'warn';
  /**
   * What differs: 'format', 'version', 'field' (a malformed value), 'encoderLayers',
   * 'encoderLayer', 'codeSize', 'hiddenActivation', 'outputActivation', 'weights', 'loss',
   * 'codeL2', 'optimizer', 'learningRate', 'momentum', 'batchSize', 'trainSize', 'seed',
   * 'optimizerState', 'codeActivation', 'sparsity', 'sparsityWeight', 'sparsityTarget'.
   */
  what: string;
  /** The value in the file and here, as text, when the issue compares two values. */
  file?: string;
  here?: string;
  /** 1-based hidden layer of the encoder, counted from the input ('encoderLayer'). */
  layer?: number;
  message: string;
}

export type SnapshotCheck =
  | { ok: true; warnings: string[]; issues: SnapshotIssue[] }
  | { ok: false; problems: string[]; warnings: string[]; issues: SnapshotIssue[] };

/** Raised for a snapshot or file that cannot be loaded; the message is meant for the page. */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
  constructor(
    message: string,
    readonly problems: string[] = [message],
  ) {
    super(message);
  }
}

export { weightLayout } from './weightLayouts';

/** Slot tensors per model weight that each optimizer keeps (tfjs 4.22, RMSprop not centered). */
export const SLOTS_PER_WEIGHT: Record<OptimizerName, number> = { adam: 2, sgd: 1, rmsprop: 2 };

const MAX_TENSORS = 64;
const tensorSchema = z.object({
  name: z.string().max(200),
  shape: z.array(z.number().int().min(0).max(1e7)).max(4),
  data: z.instanceof(Float32Array),
});
const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  config: labConfigSchema,
  step: z.number().int().min(0),
  samplesSeen: z.number().int().min(0),
  weights: z.array(tensorSchema).max(MAX_TENSORS),
  optimizer: z
    .object({
      name: z.enum(OPTIMIZERS),
      iterations: z.number().int().min(0),
      slots: z.array(tensorSchema).max(3 * MAX_TENSORS),
    })
    .optional(),
});

const shapeText = (shape: readonly number[]) => `[${shape.join(', ')}]`;
const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** The result of reading a snapshot against a configuration (what checkSnapshot reports, and more). */
export type SnapshotAnalysis =
  | { ok: true; snapshot: ModelSnapshot; issues: SnapshotIssue[]; loadOptimizer: boolean }
  | { ok: false; issues: SnapshotIssue[] };

/**
 * Validates an untrusted snapshot and compares it with `config`. Never throws.
 * The snapshot returned is the validated one (its config completed with defaults).
 */
export function analyseSnapshot(value: unknown, config: LabConfig): SnapshotAnalysis {
  const head = readHead(value);
  if (head) return { ok: false, issues: [head] };
  const parsed = snapshotSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.slice(0, 10).map((i) => ({
        severity: 'refuse' as const,
        what: 'field',
        message: `The file's ${i.path.join('.') || 'content'} is not valid: ${i.message}.`,
      })),
    };
  }
  const snapshot = parsed.data as ModelSnapshot;
  const [file, here] = [fullConfig(snapshot.config), fullConfig(config)];
  const issues = compareArchitecture(file.model, here.model);
  if (issues.length === 0) issues.push(...checkWeights(snapshot.weights, engineWeightLayout(config.model)));
  issues.push(...compareSettings(file, here));
  const refused = issues.some((i) => i.severity === 'refuse');
  if (refused) return { ok: false, issues };
  const optimizerIssue = checkOptimizer(snapshot, config);
  if (optimizerIssue) issues.push(optimizerIssue);
  return { ok: true, snapshot, issues, loadOptimizer: snapshot.optimizer !== undefined && !optimizerIssue };
}

/**
 * Whether a snapshot (from IndexedDB or an imported file) can be loaded into a model of
 * `config`: `problems` say why not, `warnings` what the page should mention when it loads.
 * Never throws.
 */
export function checkSnapshot(value: unknown, config: LabConfig): SnapshotCheck {
  const a = analyseSnapshot(value, config);
  const issues = a.issues;
  const warnings = issues.filter((i) => i.severity === 'warn').map((i) => i.message);
  if (a.ok) return { ok: true, warnings, issues };
  return { ok: false, problems: issues.filter((i) => i.severity === 'refuse').map((i) => i.message), warnings, issues };
}

/** The format and version, checked first so that a file of another kind gets a plain answer. */
function readHead(value: unknown): SnapshotIssue | undefined {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  if (!record || record.format !== SNAPSHOT_FORMAT) {
    const said = record && typeof record.format === 'string' ? ` (it says "${record.format.slice(0, 40)}")` : '';
    return { severity: 'refuse', what: 'format', message: `This is not an Autoencoder Lab model${said}.` };
  }
  if (record.version !== SNAPSHOT_VERSION) {
    return {
      severity: 'refuse',
      what: 'version',
      file: String(record.version).slice(0, 20),
      here: String(SNAPSHOT_VERSION),
      message: `The model file has format version ${String(record.version).slice(0, 20)}; this lab reads version ${SNAPSHOT_VERSION}.`,
    };
  }
  return undefined;
}

function compareArchitecture(file: FullModelConfig, here: FullModelConfig): SnapshotIssue[] {
  const issues: SnapshotIssue[] = [];
  const refuse = (what: string, fileValue: string, hereValue: string, message: string, layer?: number) =>
    issues.push({ severity: 'refuse', what, file: fileValue, here: hereValue, message, ...(layer === undefined ? {} : { layer }) });
  const widths = (w: readonly number[]) => (w.length === 0 ? 'none' : w.join(', '));
  const layers = (n: number) => `${n} hidden layer${n === 1 ? '' : 's'}`;
  // Files written before the kinds existed hold an MLP.
  if ((file.kind ?? 'mlp') !== here.kind) {
    refuse('kind', file.kind, here.kind, `The file holds a ${file.kind} autoencoder; this lab trains a ${here.kind} one.`);
    return issues;
  }
  if (here.kind === 'conv' && file.convChannels.join(',') !== here.convChannels.join(',')) {
    refuse('convChannels', widths(file.convChannels), widths(here.convChannels), `Convolution channels ${widths(file.convChannels)} in the file, ${widths(here.convChannels)} here.`);
  }
  if (here.kind === 'conv' && file.convDecoder !== here.convDecoder) {
    refuse('convDecoder', file.convDecoder, here.convDecoder, `The decoder unpools by ${file.convDecoder} in the file, by ${here.convDecoder} here.`);
  }
  if (file.encoderLayers.length !== here.encoderLayers.length) {
    refuse(
      'encoderLayers',
      widths(file.encoderLayers),
      widths(here.encoderLayers),
      `The encoder has ${layers(file.encoderLayers.length)} in the file (${widths(file.encoderLayers)}), ${here.encoderLayers.length} here (${widths(here.encoderLayers)}).`,
    );
  } else {
    file.encoderLayers.forEach((w, i) => {
      const h = here.encoderLayers[i];
      if (w !== h) refuse('encoderLayer', String(w), String(h), `Layer ${i + 1} has ${w} units in the file, ${h} here.`, i + 1);
    });
  }
  if (file.codeSize !== here.codeSize) {
    refuse('codeSize', String(file.codeSize), String(here.codeSize), `Code size ${file.codeSize} in the file, ${here.codeSize} here.`);
  }
  if (file.hiddenActivation !== here.hiddenActivation) {
    refuse(
      'hiddenActivation',
      file.hiddenActivation,
      here.hiddenActivation,
      `Hidden activation ${file.hiddenActivation} in the file, ${here.hiddenActivation} here: the weights would compute something else.`,
    );
  }
  if (file.outputActivation !== here.outputActivation) {
    refuse(
      'outputActivation',
      file.outputActivation,
      here.outputActivation,
      `Output activation ${file.outputActivation} in the file, ${here.outputActivation} here: the weights would compute something else.`,
    );
  }
  // Files written before the code activation existed have a linear code.
  const fileCode = file.codeActivation ?? 'linear';
  const hereCode = here.codeActivation ?? 'linear';
  if (fileCode !== hereCode) {
    refuse('codeActivation', fileCode, hereCode, `Code activation ${fileCode} in the file, ${hereCode} here: the weights would compute something else.`);
  }
  return issues;
}

/** Names, shapes, sizes and finiteness of the weights, against the layout of this architecture. */
function checkWeights(weights: readonly SnapshotTensor[], layout: readonly { name: string; shape: number[] }[]): SnapshotIssue[] {
  const refuse = (message: string): SnapshotIssue => ({ severity: 'refuse', what: 'weights', message });
  if (weights.length !== layout.length) {
    return [refuse(`The file holds ${weights.length} weight tensors; this architecture has ${layout.length}.`)];
  }
  const issues: SnapshotIssue[] = [];
  weights.forEach((w, i) => {
    const want = layout[i];
    if (w.name !== want.name || !sameShape(w.shape, want.shape)) {
      issues.push(refuse(`Weight ${i + 1} is ${w.name} ${shapeText(w.shape)} in the file; this architecture needs ${want.name} ${shapeText(want.shape)}.`));
    } else if (w.data.length !== size(w.shape)) {
      issues.push(refuse(`Weight ${w.name} has ${w.data.length} values in the file; its shape ${shapeText(w.shape)} needs ${size(w.shape)}.`));
    } else {
      const bad = countNonFinite(w.data);
      if (bad > 0) issues.push(refuse(`Weight ${w.name} holds ${bad} values that are not finite numbers (the model had diverged).`));
    }
  });
  return issues;
}

function countNonFinite(data: Float32Array): number {
  let bad = 0;
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) bad++;
  return bad;
}

function compareSettings(file: FullLabConfig, here: FullLabConfig): SnapshotIssue[] {
  const issues: SnapshotIssue[] = [];
  const warn = (what: string, label: string, a: string | number, b: string | number, tail = '') => {
    if (a !== b) issues.push({ severity: 'warn', what, file: String(a), here: String(b), message: `${label} ${a} in the file, ${b} here${tail}.` });
  };
  warn('loss', 'Loss', file.model.loss, here.model.loss, `: the weights load, and training goes on with ${here.model.loss}`);
  warn('codeL2', 'Code L2 penalty', file.model.codeL2, here.model.codeL2, `: training goes on with ${here.model.codeL2}`);
  warn('optimizer', 'Optimizer', file.train.optimizer, here.train.optimizer);
  warn('learningRate', 'Learning rate', file.train.learningRate, here.train.learningRate);
  if (file.train.optimizer === 'sgd' && here.train.optimizer === 'sgd') {
    warn('momentum', 'Momentum', file.train.momentum, here.train.momentum);
  }
  warn('batchSize', 'Batch size', file.train.batchSize, here.train.batchSize);
  warn('trainSize', 'Training images', file.train.trainSize, here.train.trainSize);
  warn('seed', 'Seed', file.train.seed, here.train.seed);
  warn('noise', 'Input noise', file.model.noise, here.model.noise, `: training goes on with ${here.model.noise}`);
  if (file.model.noise !== 'none' && here.model.noise !== 'none') warn('noiseLevel', 'Noise level', file.model.noiseLevel, here.model.noiseLevel);
  warn('contractive', 'Contractive penalty', file.model.contractive ?? 0, here.model.contractive ?? 0, `: training goes on with ${here.model.contractive ?? 0}`);
  // Sparse autoencoder (files from before it: no penalty).
  const sparsity = (c: FullLabConfig) => c.model.sparsity ?? 'none';
  warn('sparsity', 'Sparsity penalty', sparsity(file), sparsity(here), `: training goes on with ${sparsity(here)}`);
  if (sparsity(file) !== 'none' && sparsity(file) === sparsity(here)) {
    warn('sparsityWeight', 'Sparsity weight', file.model.sparsityWeight, here.model.sparsityWeight, `: training goes on with ${here.model.sparsityWeight}`);
    if (sparsity(here) === 'kl') warn('sparsityTarget', 'Target activation ρ', file.model.sparsityTarget, here.model.sparsityTarget);
  }
  // Files written before normal digits existed trained on all ten.
  const digits = (c: FullLabConfig) => (c.train.normalDigits ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).join(',');
  warn('normalDigits', 'Normal digits', digits(file), digits(here), `: training goes on with ${digits(here)}`);
  return issues;
}

/** Why the optimizer state cannot be used, if the snapshot has one. */
function checkOptimizer(s: ModelSnapshot, config: LabConfig): SnapshotIssue | undefined {
  const o = s.optimizer;
  if (!o) return undefined;
  const warn = (message: string): SnapshotIssue => ({ severity: 'warn', what: 'optimizerState', message });
  if (o.name !== config.train.optimizer) {
    return warn(`The file holds the state of ${o.name}; this lab trains with ${config.train.optimizer}, which starts fresh.`);
  }
  const layout = engineWeightLayout(config.model);
  const per = SLOTS_PER_WEIGHT[o.name];
  // No slots at all is a model saved before its first step: the optimizer makes them on its own.
  const fits =
    (o.slots.length === 0 || o.slots.length === per * layout.length) &&
    o.slots.every((t, i) => sameShape(t.shape, layout[i % layout.length].shape) && t.data.length === size(t.shape) && countNonFinite(t.data) === 0);
  return fits ? undefined : warn(`The optimizer state in the file does not fit this model; ${o.name} starts fresh.`);
}
