/**
 * A setting as the page's inputs hold it: text (numbers as typed, so a half-typed "0." or an
 * empty field can be shown and refused), read into a value by its row of the settings table,
 * and a changed config validated once by checkConfig, where the edit enters. The one parser of
 * the editor (architectureDraft.ts), the header's seed and the lessons' own controls. Pure.
 */
import type { TFunction } from 'i18next';
import { checkConfig, configFromFull, fullConfig, type FullModelConfig, type LabConfig, type TrainConfig } from '../core/config';
import type { ProblemCode, ProblemParams } from '../core/kinds/problems';
import type { AnySettingRow } from '../core/settings/row';
import { SETTINGS } from '../core/settings/table';

/** A list of widths is one text per entry (the layer inputs); every other setting one text. */
export type SettingText = string | string[];

/** Why a field was refused: a code of checkConfig (core/kinds/problems.ts), or text that is no number. */
export interface FieldProblem {
  code: ProblemCode | 'notANumber';
  params?: ProblemParams;
}

/** A setting's id -> its row (model and training ids are distinct). */
const ROWS = new Map<string, AnySettingRow>(SETTINGS.map((r) => [r.id, r]));

export function rowOf(id: string): AnySettingRow {
  const row = ROWS.get(id);
  if (!row) throw new Error(`no setting ${id}`);
  return row;
}

/** "" and "12abc" are NaN (so the schema refuses them); "1e-3" and " 64 " are numbers. */
export function parseNumber(text: string): number {
  const s = text.trim();
  return s === '' ? NaN : Number(s);
}

/** The value's text as an input shows it. */
export function textOf(row: AnySettingRow, value: unknown): SettingText {
  switch (row.input.kind) {
    case 'widthList':
      return (value as number[]).map(String);
    case 'channelList':
      return (value as number[]).join(', ');
    case 'digitList':
      return (value as number[]).join(',');
    default:
      return String(value);
  }
}

/** The text read as the row's value (numbers possibly NaN: the schema refuses them). */
export function valueOf(row: AnySettingRow, text: SettingText): unknown {
  const one = Array.isArray(text) ? text.join(',') : text;
  switch (row.input.kind) {
    case 'int':
    case 'decimal':
      return parseNumber(one);
    case 'enum':
      return one;
    case 'widthList':
      return (Array.isArray(text) ? text : text.split(',')).map(parseNumber);
    default:
      return one.trim() === '' ? [] : one.split(',').map(parseNumber);
  }
}

/** True when the text holds something that is no number where the row wants numbers. */
export function notANumber(row: AnySettingRow, text: SettingText): boolean {
  const value = valueOf(row, text);
  if (typeof value === 'number') return !Number.isFinite(value);
  return Array.isArray(value) && value.some((v) => typeof v === 'number' && !Number.isFinite(v));
}

export type Checked = { ok: true; config: LabConfig } | { ok: false; problems: { path: string; problem: FieldProblem }[] };

/** checkConfig of a config in the flat form (core/kinds/fullForm.ts), narrowed to its kind first, problems as FieldProblems. */
export function checkFull(full: { model: FullModelConfig; train: TrainConfig }): Checked {
  const r = checkConfig(configFromFull(full));
  if (r.ok) return r;
  return { ok: false, problems: r.problems.map((p) => ({ path: p.path, problem: { code: p.code, ...(p.params ? { params: p.params } : {}) } })) };
}

/**
 * A config with some settings changed (values, by id), validated: the one check of an edit.
 * The changes go into the flat form, so `kind` may change too.
 */
export function configWith(config: LabConfig, changes: Record<string, unknown>): Checked {
  const full = fullConfig(config);
  for (const [id, value] of Object.entries(changes)) {
    if (id === 'kind') full.model.kind = value as FullModelConfig['kind'];
    else (full[rowOf(id).part] as Record<string, unknown>)[id] = value;
  }
  return checkFull(full);
}

/** A config with one setting changed from its text; the problems of that setting, if any. */
export function configWithText(config: LabConfig, id: string, text: SettingText): { ok: true; config: LabConfig } | { ok: false; problem: FieldProblem } {
  const row = rowOf(id);
  if (notANumber(row, text)) return { ok: false, problem: { code: 'notANumber' } };
  const r = configWith(config, { [id]: valueOf(row, text) });
  if (r.ok) return r;
  return { ok: false, problem: r.problems[0].problem };
}

/** The problem in the reader's language (src/i18n/locales/*.problems.ts). */
export function wordProblem(t: TFunction, p: FieldProblem): string {
  return t(`problems.${p.code}`, p.params ?? {});
}
