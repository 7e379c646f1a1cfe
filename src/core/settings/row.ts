/**
 * One setting of the lab as one row (TensorFlow Playground's PROPS table): what it is, where it
 * lives in LabConfig, the schema with its limits, its default, how a link writes and reads it,
 * which editor input shows it, its label, and whether it can change while a model trains.
 *
 * The kinds' schemas (core/kinds), LIMITS, the defaults, the link's fields (state/link.ts) and
 * the editor's draft (components/architectureDraft.ts) are derived from the rows.
 */
import { z } from 'zod';

/** Smallest and largest allowed value (inclusive). */
export interface Range {
  min: number;
  max: number;
}

/** The editor input that shows a setting. */
export type InputKind =
  | { kind: 'int' }
  | { kind: 'decimal' }
  | { kind: 'enum'; options: readonly string[] }
  /** Encoder widths, one input per layer. */
  | { kind: 'widthList' }
  /** Conv channels per stage, comma-separated ("16, 8"). */
  | { kind: 'channelList' }
  /** Digits 0-9, each once, ascending. */
  | { kind: 'digitList' };

/** How the link writes and reads a setting (`lr=0.002`). */
export interface LinkSpec<T> {
  key: string;
  /** The link's text -> the value, strict (no "0x10", " 12"), then the row's schema. */
  codec: z.ZodType<T, string>;
  format: (value: T) => string;
}

export interface SettingRow<T = unknown> {
  /** The field's name in its part of LabConfig, e.g. 'learningRate'. */
  id: string;
  part: 'model' | 'train';
  /** The value's schema with its limits (no default: kindSchema/trainSchema add it). */
  schema: z.ZodType<T>;
  /** Numbers: the value's range; lists: `item` is each entry's, `count` the list's length. */
  limits?: Range | { item: Range; count: Range };
  default: T;
  /**
   * Optional in input: configs, files and links written before the setting existed read as
   * the default (and the link does not report it missing).
   */
  optional: boolean;
  link: LinkSpec<T>;
  input: InputKind;
  /** i18n key of the editor's label. */
  label: string;
  /**
   * Takes effect at the next training step without rebuilding the model (learning rate, batch
   * size, penalty weights); false: a change builds a new model.
   */
  live: boolean;
}

/** A row, typed by its value (the table keeps each row's own T). */
export function row<T>(r: SettingRow<T>): SettingRow<T> {
  return r;
}

/** The dotted LabConfig path of a row, e.g. 'train.learningRate'. */
export function rowPath(r: Pick<SettingRow, 'part' | 'id'>): string {
  return `${r.part}.${r.id}`;
}

/** The row's schema as a config field: with its default where the setting is optional in input. */
export function fieldSchema<T>(r: SettingRow<T>): z.ZodType<T> {
  // A fresh copy per parse: a default list must not be shared between configs.
  return (r.optional ? (r.schema as z.ZodType<T>).default((() => structuredClone(r.default)) as never) : r.schema) as z.ZodType<T>;
}

/**
 * A row of any value type, for lists of rows (the table). `any`: a SettingRow<T> reads and
 * writes T (schema and format), so it is invariant in T; a row list holds many Ts.
 */
export type AnySettingRow = SettingRow<any>;

/** The value type of a row. */
export type RowValue<R> = R extends SettingRow<infer T> ? T : never;

/**
 * A zod object shape of the rows `ids` (each with its default where optional in input), typed
 * by the rows' values: `z.object(shapeOf(TRAIN_ROWS, ['optimizer', ...]))`.
 */
export function shapeOf<R extends { [K in keyof R]: AnySettingRow }, const I extends readonly (keyof R & string)[]>(
  rows: R,
  ids: I,
): { [K in I[number]]: z.ZodType<RowValue<R[K]>> } {
  return Object.fromEntries(ids.map((id) => [id, fieldSchema(rows[id] as SettingRow<unknown>)])) as never;
}

export const intSchema = (l: Range) => z.number().int().min(l.min).max(l.max);
export const decimalSchema = (l: Range) => z.number().min(l.min).max(l.max);
