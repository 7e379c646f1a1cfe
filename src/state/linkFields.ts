/**
 * The link's fields: one per setting of the settings table (core/settings: key, codec, format),
 * then the view, the teacher's hidden controls and the pretraining run. Each field reads its
 * value from the link's text into a LinkDraft and writes it back; state/link.ts decides which
 * fields a link holds and what happens to a value that does not fit.
 */
import { z } from 'zod';
import type { FullModelConfig, LabConfig, TrainConfig } from '../core/config';
import { fullConfig } from '../core/config';
import { boolString, intString } from '../core/settings/codecs';
import { rowPath, type AnySettingRow, type SettingRow } from '../core/settings/row';
import { SETTINGS } from '../core/settings/table';
import { LABEL_CHOICES, PRETRAIN_WIDTH_NAMES, type PretrainSettings } from '../core/train/pretrainConfig';
import { CONTROL_GROUPS, LESSON_LOCALES, type ControlGroup, type LessonLocale, type ViewOptions } from '../lessons/types';

/**
 * Latent grid sides a link may set (gridSize x gridSize decoded images): the choices the
 * LatentGrid view offers, so a link never selects a size its menu cannot show.
 */
export const GRID_SIZES = [6, 8, 10, 12, 16, 20] as const;

export interface LinkState {
  /** A lesson id from the registry, or FREE_LAB. */
  lesson: string;
  config: LabConfig;
  view: ViewOptions;
  lang: LessonLocale;
  /** Control groups the teacher hid, in CONTROL_GROUPS order. */
  hidden: ControlGroup[];
  /** The pretraining lesson's labels slider and widths (keys `labels`, `pwidths`). */
  pretrain: PretrainSettings;
}

/**
 * The state while a link is read or written: the config in its flat form (every kind's
 * settings, core/kinds/fullForm.ts), so a field of another kind has a place to be read into and
 * the result is narrowed to its kind at the end.
 */
export interface LinkDraft extends Omit<LinkState, 'config'> {
  config: { model: FullModelConfig; train: TrainConfig };
}

export const toDraft = (state: LinkState): LinkDraft => ({ ...structuredClone(state), config: fullConfig(state.config) });

/** One link key, typed: how to read it, format it, and where it lives in a LinkDraft. */
interface Field<T> {
  key: string;
  codec: z.ZodType<T, string>;
  format: (value: T) => string;
  get: (state: LinkDraft) => T;
  set: (state: LinkDraft, value: T) => void;
  /** The settings table's row, for the fields of LabConfig. */
  row?: AnySettingRow;
  /** Written even where it is the lesson's (the language: a reader's browser may speak another). */
  always?: true;
}

/** The same field with its value type closed over, so one list can hold them all. */
export interface LinkField {
  key: string;
  row?: AnySettingRow;
  /** Dotted LabConfig path ('model.codeSize'), for the fields checkConfig can name. */
  configPath?: string;
  always: boolean;
  /** Sets the field from a raw link value; returns why not, if it is invalid. */
  read: (state: LinkDraft, raw: string) => { ok: true } | { ok: false; message: string };
  /** The field's value in `state` as the link writes it. */
  text: (state: LinkDraft) => string;
  /** Copies the field's value from one state to another. */
  copy: (from: LinkDraft, to: LinkDraft) => void;
}

function field<T>(f: Field<T>): LinkField {
  return {
    key: f.key,
    row: f.row,
    configPath: f.row && rowPath(f.row),
    always: f.always ?? false,
    read: (state, raw) => {
      const r = f.codec.safeParse(raw);
      if (!r.success) return { ok: false, message: r.error.issues[0]?.message ?? 'invalid' };
      f.set(state, r.data);
      return { ok: true };
    },
    text: (state) => f.format(f.get(state)),
    copy: (from, to) => f.set(to, f.get(from)),
  };
}

/** A setting's field, from its row of the settings table. */
function settingField<T>(row: SettingRow<T>): LinkField {
  const part = (s: LinkDraft) => s.config[row.part] as unknown as Record<string, T>;
  return field<T>({
    key: row.link.key,
    codec: row.link.codec,
    format: row.link.format,
    row,
    get: (s) => part(s)[row.id],
    set: (s, v) => void (part(s)[row.id] = structuredClone(v)),
  });
}

const str = String;
const bit = (b: boolean) => (b ? '1' : '0');

/** Every setting of LabConfig, in the table's order (the kind first). */
export const SETTING_FIELDS: readonly LinkField[] = SETTINGS.map((row) => settingField(row));

const VIEW_FIELDS = [
  field({ key: 'log', codec: boolString, format: bit, get: (s) => s.view.logScale, set: (s, v) => void (s.view.logScale = v) }),
  field({ key: 'grid', codec: intString.pipe(z.literal(GRID_SIZES)), format: str, get: (s) => s.view.gridSize, set: (s, v) => void (s.view.gridSize = v) }),
  // Without it the page keeps the reader's (browser) language.
  field({ key: 'lang', always: true, codec: z.enum(LESSON_LOCALES), format: str, get: (s) => s.lang, set: (s, v) => void (s.lang = v) }),
];

/** `<group>_hide=1` hides a group the lesson shows; `=0` shows one the lesson hides. */
const HIDE_FIELDS = CONTROL_GROUPS.map((group) =>
  field({
    key: `${group}_hide`,
    codec: boolString,
    format: bit,
    get: (s) => s.hidden.includes(group),
    set: (s, hide) => {
      const hidden = new Set(s.hidden);
      if (hide) hidden.add(group);
      else hidden.delete(group);
      s.hidden = CONTROL_GROUPS.filter((g) => hidden.has(g));
    },
  }),
);

const PRETRAIN_FIELDS = [
  field({ key: 'labels', codec: z.enum(LABEL_CHOICES), format: str, get: (s) => s.pretrain.labels, set: (s, v) => void (s.pretrain.labels = v) }),
  field({ key: 'pwidths', codec: z.enum(PRETRAIN_WIDTH_NAMES), format: str, get: (s) => s.pretrain.widths, set: (s, v) => void (s.pretrain.widths = v) }),
];

/** Every field, in the order links are written. */
export const FIELDS: readonly LinkField[] = [...SETTING_FIELDS, ...VIEW_FIELDS, ...HIDE_FIELDS, ...PRETRAIN_FIELDS];
