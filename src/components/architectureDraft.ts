/**
 * The architecture editor's draft: the config as the user types it (numbers as strings, so a
 * half-typed "0." or an empty field can be shown and refused), its validation through
 * `checkConfig`, and the merge that keeps the user's edits when the applied config changes
 * under them (e.g. a new seed from the controls). Pure: no React, no DOM.
 */
import {
  checkConfig,
  DEFAULT_CONFIG,
  fullModel,
  IMAGE_SIZE,
  layerWidths,
  LIMITS,
  type ConvDecoderKind,
  type CodeActivation,
  type HiddenActivation,
  type ModelKind,
  type LabConfig,
  type LossName,
  type NoiseType,
  type OptimizerName,
  type OutputActivation,
  type SparsityPenalty,
} from '../core/config';
import { CONV } from '../core/kinds/conv/kind';
import { SETTINGS } from '../core/settings/table';

export interface ConfigDraft {
  /** Which autoencoder (config.ts MODEL_KINDS). */
  kind: ModelKind;
  /** conv: channels of each stage, comma-separated, as typed ("16, 8"). */
  convChannels: string;
  convDecoder: ConvDecoderKind;
  /**
   * The applied config's model and training fields this editor does not edit (normal digits,
   * the other kinds' settings): carried over unchanged, so applying an edit never resets them.
   */
  kept: { model: Record<string, unknown>; train: Record<string, unknown> };
  /** vq: code positions, codebook size K, commitment β, steps between dead-code resets, as typed. */
  vqPositions: string;
  codebookSize: string;
  commitment: string;
  vqResetEvery: string;
  /** Encoder widths from the input towards the code, as typed. */
  encoderLayers: string[];
  codeSize: string;
  /** Weight of the L2 penalty on the code, as typed. */
  codeL2: string;
  hiddenActivation: HiddenActivation;
  outputActivation: OutputActivation;
  loss: LossName;
  optimizer: OptimizerName;
  learningRate: string;
  momentum: string;
  batchSize: string;
  trainSize: string;
  seed: string;
  /** Denoising: the input corruption and its level (σ or a fraction), as typed. */
  noise: NoiseType;
  noiseLevel: string;
  /** Weight of the contractive penalty, as typed. */
  contractive: string;
  /** Sparse autoencoder: the code layer's activation, the penalty, its weight and ρ (as typed). */
  codeActivation: CodeActivation;
  sparsity: SparsityPenalty;
  sparsityWeight: string;
  sparsityTarget: string;
}

/** The draft's scalar fields (everything but the layer list and the kept fields). */
export type ScalarField = Exclude<keyof ConfigDraft, 'encoderLayers' | 'kept'>;

/**
 * Where a problem is shown: a scalar field, one encoder layer (`layer.0` is the layer next to
 * the input), or the layer list as a whole (`layers`).
 */
export type FieldKey = ScalarField | `layer.${number}` | 'layers';

/** Why a field was refused; the editor turns it into a translated sentence. */
export type FieldProblem =
  | { code: 'notANumber' }
  | { code: 'wholeNumber' }
  | { code: 'range'; min: number; max: number }
  | { code: 'tooManyLayers'; max: number }
  | { code: 'bceNeedsSigmoid' }
  /** The contractive penalty with more than one hidden encoder layer (no closed form). */
  | { code: 'contractiveDepth' }
  /** KL sparsity with a code activation outside (0, 1). */
  | { code: 'klNeedsSigmoid' }
  /** The contractive penalty with a non-linear code layer. */
  | { code: 'contractiveLinearCode' }
  /** A rule this module does not know: show the schema's own message. */
  | { code: 'other'; message: string };

export type DraftCheck =
  | { ok: true; config: LabConfig }
  | { ok: false; problems: Partial<Record<FieldKey, FieldProblem>> };

type NumberField = Exclude<ScalarField, 'hiddenActivation' | 'outputActivation' | 'loss' | 'optimizer' | 'noise' | 'kind' | 'convChannels' | 'convDecoder' | 'codeActivation' | 'sparsity'>;

/** The number fields' limits, from their rows of the settings table (core/settings). */
const NUMBER_LIMITS = Object.fromEntries(
  SETTINGS.filter((r) => r.input.kind === 'int' || r.input.kind === 'decimal').map((r) => [
    r.id,
    { ...(r.limits as { min: number; max: number }), integer: r.input.kind === 'int' },
  ]),
) as Record<NumberField, { min: number; max: number; integer: boolean }>;
const LAYER_LIMITS = { ...LIMITS.layerWidth, integer: true };

export function draftFromConfig(c: LabConfig): ConfigDraft {
  // Every kind's settings (the others at their defaults), so switching kinds keeps a full draft.
  const m = fullModel(c.model);
  return {
    kind: m.kind,
    convChannels: m.convChannels.join(', '),
    convDecoder: m.convDecoder,
    kept: { model: { ...m }, train: { ...c.train } },
    vqPositions: String(m.vqPositions),
    codebookSize: String(m.codebookSize),
    commitment: String(m.commitment),
    vqResetEvery: String(m.vqResetEvery),
    encoderLayers: m.encoderLayers.map(String),
    codeSize: String(m.codeSize),
    codeL2: String(m.codeL2),
    hiddenActivation: m.hiddenActivation,
    outputActivation: m.outputActivation,
    loss: m.loss,
    optimizer: c.train.optimizer,
    learningRate: String(c.train.learningRate),
    momentum: String(c.train.momentum),
    batchSize: String(c.train.batchSize),
    trainSize: String(c.train.trainSize),
    seed: String(c.train.seed),
    noise: m.noise,
    noiseLevel: String(m.noiseLevel),
    contractive: String(m.contractive),
    codeActivation: m.codeActivation,
    sparsity: m.sparsity,
    sparsityWeight: String(m.sparsityWeight),
    sparsityTarget: String(m.sparsityTarget),
  };
}

/** "" and "12abc" are NaN (so the schema refuses them); "1e-3" and " 64 " are numbers. */
export function parseNumber(text: string): number {
  const s = text.trim();
  return s === '' ? NaN : Number(s);
}

/** The draft as a config-shaped object, numbers parsed (possibly NaN): input for `checkConfig`. */
export function draftToCandidate(d: ConfigDraft): unknown {
  const channels = d.convChannels.trim() === '' ? [] : d.convChannels.split(',').map(parseNumber);
  return {
    model: {
      ...d.kept.model,
      kind: d.kind,
      convChannels: channels,
      convDecoder: d.convDecoder,
      encoderLayers: d.encoderLayers.map(parseNumber),
      codeSize: parseNumber(d.codeSize),
      hiddenActivation: d.hiddenActivation,
      outputActivation: d.outputActivation,
      loss: d.loss,
      codeL2: parseNumber(d.codeL2),
      noise: d.noise,
      noiseLevel: parseNumber(d.noiseLevel),
      contractive: parseNumber(d.contractive),
      codeActivation: d.codeActivation,
      sparsity: d.sparsity,
      sparsityWeight: parseNumber(d.sparsityWeight),
      sparsityTarget: parseNumber(d.sparsityTarget),
      vqPositions: parseNumber(d.vqPositions),
      codebookSize: parseNumber(d.codebookSize),
      commitment: parseNumber(d.commitment),
      vqResetEvery: parseNumber(d.vqResetEvery),
    },
    train: {
      ...d.kept.train,
      optimizer: d.optimizer,
      learningRate: parseNumber(d.learningRate),
      momentum: parseNumber(d.momentum),
      batchSize: parseNumber(d.batchSize),
      trainSize: parseNumber(d.trainSize),
      seed: parseNumber(d.seed),
    },
  };
}

/** Why a number was refused, worded from the limits rather than the schema's English text. */
function numberProblem(text: string, limits: { min: number; max: number; integer: boolean }, fallback: string): FieldProblem {
  const x = parseNumber(text);
  if (!Number.isFinite(x)) return { code: 'notANumber' };
  if (limits.integer && !Number.isInteger(x)) return { code: 'wholeNumber' };
  if (x < limits.min || x > limits.max) return { code: 'range', min: limits.min, max: limits.max };
  return { code: 'other', message: fallback };
}

/** Maps a config path ("model.encoderLayers.1", "train.seed") to the field that shows it. */
export function fieldOfPath(path: string): FieldKey {
  const parts = path.split('.');
  if (parts[1] === 'encoderLayers') return parts.length > 2 ? `layer.${Number(parts[2])}` : 'layers';
  if (parts[1] === 'convChannels') return 'convChannels';
  return (parts[parts.length - 1] || 'layers') as FieldKey;
}

/**
 * Validates the draft with the config schema (the one authority on what is allowed) and
 * says, per field, why a value was refused. The first problem of each field wins.
 */
export function checkDraft(d: ConfigDraft): DraftCheck {
  const r = checkConfig(draftToCandidate(d));
  if (r.ok) return r;
  const problems: Partial<Record<FieldKey, FieldProblem>> = {};
  // The schema's cross-field rules (bce needs a sigmoid output) run only once every number
  // passes; check the draft's choices on their own too, so all problems show at once.
  const choices = checkConfig({
    model: { ...DEFAULT_CONFIG.model, hiddenActivation: d.hiddenActivation, outputActivation: d.outputActivation, loss: d.loss },
    train: { ...DEFAULT_CONFIG.train, optimizer: d.optimizer },
  });
  const all = choices.ok ? r.problems : [...r.problems, ...choices.problems];
  for (const p of all) {
    const field = fieldOfPath(p.path);
    if (problems[field]) continue;
    problems[field] = describe(d, field, p.message);
  }
  return { ok: false, problems };
}

function describe(d: ConfigDraft, field: FieldKey, message: string): FieldProblem {
  if (field === 'layers') {
    return d.encoderLayers.length > LIMITS.encoderLayers.max
      ? { code: 'tooManyLayers', max: LIMITS.encoderLayers.max }
      : { code: 'other', message };
  }
  if (field.startsWith('layer.')) {
    return numberProblem(d.encoderLayers[Number(field.slice(6))] ?? '', LAYER_LIMITS, message);
  }
  if (field === 'loss' && d.loss === 'bce' && d.outputActivation !== 'sigmoid') return { code: 'bceNeedsSigmoid' };
  if (field === 'contractive' && d.encoderLayers.length > 1 && parseNumber(d.contractive) > 0) return { code: 'contractiveDepth' };
  if (field === 'sparsity' && d.sparsity === 'kl' && d.codeActivation !== 'sigmoid') return { code: 'klNeedsSigmoid' };
  if (field === 'codeActivation' && d.codeActivation !== 'linear' && parseNumber(d.contractive) > 0) return { code: 'contractiveLinearCode' };
  if (field in NUMBER_LIMITS) {
    const key = field as keyof typeof NUMBER_LIMITS;
    return numberProblem(d[key], NUMBER_LIMITS[key], message);
  }
  return { code: 'other', message };
}

/** True when the draft would give a different config from the one in use. */
export function isDraftDirty(d: ConfigDraft, applied: LabConfig): boolean {
  const r = checkConfig(draftToCandidate(d));
  if (!r.ok) return true;
  return canonical(r.config) !== canonical(applied);
}

/** JSON with the keys of every object sorted: the same config whatever order its fields were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/**
 * Three-way merge when the applied config changes from `before` to `after`: fields the user
 * left as they were in `before` take their value from `after`; fields the user edited keep
 * the edit. The layer list counts as one field.
 */
export function mergeDraft(d: ConfigDraft, before: LabConfig, after: LabConfig): ConfigDraft {
  const base = draftFromConfig(before);
  const next = draftFromConfig(after);
  // The fields this editor does not show always follow the applied config.
  const merged: ConfigDraft = { ...d, kept: next.kept };
  const sameLayers = d.encoderLayers.length === base.encoderLayers.length && d.encoderLayers.every((w, i) => w === base.encoderLayers[i]);
  if (sameLayers) merged.encoderLayers = next.encoderLayers;
  for (const key of Object.keys(base) as (keyof ConfigDraft)[]) {
    if (key === 'encoderLayers' || key === 'kept') continue;
    if (d[key] === base[key]) (merged as Record<ScalarField, string>)[key] = next[key];
  }
  return merged;
}

/**
 * Width proposed for a new encoder layer, placed next to the code: half the current last
 * hidden width (or of the 784-pixel input), never below twice the code size.
 */
export function proposedLayerWidth(d: ConfigDraft): number {
  const last = parseNumber(d.encoderLayers[d.encoderLayers.length - 1] ?? String(IMAGE_SIZE));
  const code = parseNumber(d.codeSize);
  const half = Math.round((Number.isFinite(last) ? last : IMAGE_SIZE) / 2);
  const floor = Number.isFinite(code) ? 2 * code : 4;
  return Math.min(LIMITS.layerWidth.max, Math.max(half, floor));
}

/** Layer widths input -> output for the diagram, or undefined while a width is not a whole number. */
export function draftWidths(d: ConfigDraft): number[] | undefined {
  if (d.kind === 'conv') {
    const channels = d.convChannels.split(',').map(parseNumber);
    const code = parseNumber(d.codeSize);
    if (channels.length < 1 || channels.length > 2 || [...channels, code].some((w) => !Number.isInteger(w) || w < 1)) return undefined;
    return layerWidths({ ...CONV.defaults, convChannels: channels, codeSize: code });
  }
  const widths = [...d.encoderLayers, d.codeSize].map(parseNumber);
  if (widths.some((w) => !Number.isInteger(w) || w < 1)) return undefined;
  const encoder = widths.slice(0, -1);
  const code = widths[widths.length - 1];
  return [IMAGE_SIZE, ...encoder, code, ...[...encoder].reverse(), IMAGE_SIZE];
}

