/**
 * The architecture editor's draft: the text of every setting the editor shows (settingText.ts),
 * for every kind, so switching kinds keeps what was typed; the chosen kind; and the applied
 * config's flat form, which the settings the editor does not show (the seed, the normal digits)
 * follow. It becomes a config through checkConfig once, with each refused field's problem as a
 * code (worded on the page); the merge keeps the reader's edits when the applied config changes
 * under them. Pure: no React, no DOM.
 */
import { fullConfig, IMAGE_SIZE, layerWidths, LIMITS, narrowModel, type FullModelConfig, type LabConfig, type ModelKind, type TrainConfig } from '../core/config';
import { kindHas } from '../core/kinds/fullForm';
import { switchKind } from '../core/kinds/switchKind';
import { MODEL_ROWS, type ModelSettingId } from '../core/settings/modelRows';
import type { TrainSettingId } from '../core/settings/trainRows';
import { checkFull, notANumber, parseNumber, rowOf, textOf, valueOf, type FieldProblem, type SettingText } from './settingText';

/** The training settings the editor shows (the seed is the header's, the normal digits the anomaly panel's). */
export const EDITOR_TRAIN_SETTINGS = ['optimizer', 'learningRate', 'momentum', 'batchSize', 'trainSize'] as const satisfies readonly TrainSettingId[];
const MODEL_SETTINGS = Object.keys(MODEL_ROWS) as ModelSettingId[];
/** Every setting the draft holds as text: each kind's model settings and the editor's training ones. */
const DRAFTED: readonly string[] = [...MODEL_SETTINGS, ...EDITOR_TRAIN_SETTINGS];

type FlatConfig = { model: FullModelConfig; train: TrainConfig };

export interface ConfigDraft {
  /** Which autoencoder (core/kinds/registry.ts). */
  kind: ModelKind;
  /** Each drafted setting's text, by id (encoder widths: one text per layer). */
  text: Record<string, SettingText>;
  /** The applied config in its flat form: every setting the draft does not hold comes from it. */
  kept: FlatConfig;
}

/**
 * Where a problem is shown: a setting's id, or one entry of a list (`encoderLayers.0` is the
 * layer next to the input).
 */
export type FieldKey = string;

export type DraftCheck = { ok: true; config: LabConfig } | { ok: false; problems: Partial<Record<FieldKey, FieldProblem>> };

const valueIn = (full: FlatConfig, id: string) => (full[rowOf(id).part] as Record<string, unknown>)[id];
const setIn = (full: FlatConfig, id: string, value: unknown) => void ((full[rowOf(id).part] as Record<string, unknown>)[id] = value);

export function draftFromConfig(c: LabConfig): ConfigDraft {
  // Every kind's settings (the others at their defaults), so switching kinds keeps a full draft.
  const full = fullConfig(c);
  return { kind: full.model.kind, text: Object.fromEntries(DRAFTED.map((id) => [id, textOf(rowOf(id), valueIn(full, id))])), kept: full };
}

/** The draft as a config in the flat form, its texts read (numbers possibly NaN). */
export function draftToFull(d: ConfigDraft): FlatConfig {
  const full = structuredClone(d.kept);
  full.model.kind = d.kind;
  for (const id of DRAFTED) setIn(full, id, valueOf(rowOf(id), d.text[id]));
  return full;
}

/** The field that shows a config path: 'model.encoderLayers.1' -> 'encoderLayers.1', 'train.seed' -> 'seed'. */
export function fieldOfPath(path: string): FieldKey {
  return path.split('.').slice(1).join('.') || path;
}

/** Whether the draft's kind uses a drafted setting (the training ones: every kind). */
const inUse = (d: ConfigDraft, id: string) => rowOf(id).part === 'train' || kindHas(d.kind, id as ModelSettingId);

/**
 * Validates the draft with checkConfig (the one authority on what is allowed) and says, per
 * field, why a value was refused; the first problem of each field wins. Text that is no number
 * says so first. The cross-field rules run only once every value passes the schema, so they
 * are also asked of the draft with each refused value at its applied one: all problems show at once.
 */
export function checkDraft(d: ConfigDraft): DraftCheck {
  const full = draftToFull(d);
  const first = checkFull(full);
  if (first.ok) return first;
  const problems: Partial<Record<FieldKey, FieldProblem>> = {};
  const add = (field: FieldKey, p: FieldProblem) => void (problems[field] ??= p);
  for (const id of DRAFTED.filter((i) => inUse(d, i))) {
    const text = d.text[id];
    if (Array.isArray(text)) text.forEach((w, i) => notANumber(rowOf(id), w) && add(`${id}.${i}`, { code: 'notANumber' }));
    else if (notANumber(rowOf(id), text)) add(id, { code: 'notANumber' });
  }
  for (const p of first.problems) add(fieldOfPath(p.path), p.problem);
  const refused = new Set(first.problems.map((p) => p.path.split('.')[1]));
  const rest = structuredClone(full);
  for (const id of refused) if (id !== undefined && DRAFTED.includes(id)) setIn(rest, id, structuredClone(valueIn(d.kept, id)));
  const second = checkFull(rest);
  if (!second.ok) for (const p of second.problems) add(fieldOfPath(p.path), p.problem);
  return { ok: false, problems };
}

/** True when the draft would give a different config from the one in use. */
export function isDraftDirty(d: ConfigDraft, applied: LabConfig): boolean {
  const r = checkFull(draftToFull(d));
  if (!r.ok) return true;
  return canonical(r.config) !== canonical(applied);
}

/** JSON with the keys of every object sorted: the same config whatever order its fields were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

const sameText = (a: SettingText | undefined, b: SettingText | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Three-way merge when the applied config changes from `before` to `after`: settings the user
 * left as they were in `before` take their text from `after`; settings the user edited keep the
 * edit. The layer list counts as one setting.
 */
export function mergeDraft(d: ConfigDraft, before: LabConfig, after: LabConfig): ConfigDraft {
  const base = draftFromConfig(before);
  const next = draftFromConfig(after);
  const text = Object.fromEntries(DRAFTED.map((id) => [id, sameText(d.text[id], base.text[id]) ? next.text[id] : d.text[id]]));
  // The settings this editor does not show always follow the applied config.
  return { kind: d.kind === base.kind ? next.kind : d.kind, text, kept: next.kept };
}

/** One setting's new text. */
export function withText(d: ConfigDraft, id: string, text: SettingText): ConfigDraft {
  return { ...d, text: { ...d.text, [id]: text } };
}

/**
 * The draft with another kind (core/kinds/switchKind.ts): what was typed stays where it makes a
 * valid model of that kind; where not, the kind's defaults (a 2-number code becomes the
 * VQ-VAE's 32).
 */
export function chooseKind(d: ConfigDraft, kind: ModelKind): ConfigDraft {
  const full = draftToFull(d).model;
  const moved = switchKind(full, kind);
  const text = { ...d.text };
  for (const id of MODEL_SETTINGS) if (JSON.stringify(moved[id]) !== JSON.stringify(full[id])) text[id] = textOf(rowOf(id), moved[id]);
  return { ...d, kind, text };
}

/**
 * Width proposed for a new encoder layer, placed next to the code: half the current last
 * hidden width (or of the 784-pixel input), never below twice the code size.
 */
export function proposedLayerWidth(d: ConfigDraft): number {
  const layers = d.text.encoderLayers as string[];
  const last = parseNumber(layers[layers.length - 1] ?? String(IMAGE_SIZE));
  const code = parseNumber(d.text.codeSize as string);
  const half = Math.round((Number.isFinite(last) ? last : IMAGE_SIZE) / 2);
  const floor = Number.isFinite(code) ? 2 * code : 4;
  return Math.min(LIMITS.layerWidth.max, Math.max(half, floor));
}

/** Layer widths input -> output for the diagram, or undefined while a width is not a whole number. */
export function draftWidths(d: ConfigDraft): number[] | undefined {
  const widths = layerWidths(narrowModel(draftToFull(d).model));
  return widths.every((w) => Number.isInteger(w) && w >= 1) ? widths : undefined;
}
