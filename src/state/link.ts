/**
 * The page's whole state <-> the URL hash, so a teacher can paste one link into a slide.
 *
 *   #v=1&lesson=two-d-map&layers=256,64&code=2&act=relu&out=sigmoid&loss=bce&l2=0&opt=adam
 *    &lr=0.002&mom=0.9&batch=64&n=10000&seed=1&log=1&grid=12&lang=en&seed_hide=1&sliders_hide=0
 *    (+ &noise=gaussian&noiselevel=0.5 ..., the variants' keys, written only where they differ
 *    from the lesson's own value)
 *
 * A table of fields, each with a zod codec (string -> value) and a default taken from the
 * lesson's preset (TensorFlow Playground's PROPS table, excalidraw's restore). Links are
 * untrusted: a missing, unknown, duplicated or malformed field falls back to its default and is
 * reported, never thrown; values are data (numbers, enums, registry ids), never markup.
 */
import { z } from 'zod';
import {
  checkConfig,
  DEFAULT_CONFIG,
  fullConfig,
  type FullModelConfig,
  type LabConfig,
  type TrainConfig,
} from '../core/config';
import { KIND_ROW } from '../core/kinds/registry';
import { boolString, intString } from '../core/settings/codecs';
import { MODEL_ROWS } from '../core/settings/modelRows';
import { rowPath, type SettingRow } from '../core/settings/row';
import { TRAIN_ROWS } from '../core/settings/trainRows';
import { DEFAULT_PRETRAIN_SETTINGS, LABEL_CHOICES, PRETRAIN_WIDTH_NAMES, type PretrainSettings } from '../core/train/pretrainConfig';
import { findLesson, FIRST_LESSON } from '../lessons';
import { DEFAULT_VIEW, lessonConfig, lessonView } from '../lessons/preset';
import {
  CONTROL_GROUPS,
  LESSON_LOCALES,
  type ControlGroup,
  type Lesson,
  type LessonLocale,
  type ViewOptions,
} from '../lessons/types';

/** Bumped when a key changes meaning; older versions would be migrated in parseLink. */
export const LINK_VERSION = 1;

/**
 * Latent grid sides a link may set (gridSize x gridSize decoded images): the choices the
 * LatentGrid view offers, so a link never selects a size its menu cannot show.
 */
export const GRID_SIZES = [6, 8, 10, 12, 16, 20] as const;

/**
 * The lesson id of the lab without a lesson: DEFAULT_CONFIG, the default view, every control
 * shown. The page opens it when the hash is empty (src/state/linkSync.ts).
 */
export const FREE_LAB = 'free';

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

export type IgnoreReason =
  /** A field the format needs is absent; its default is used. */
  | 'missing'
  /** A key this version does not know. */
  | 'unknown'
  /** The value did not validate; the field's default is used. */
  | 'malformed'
  /** The key appeared again; the first value is used. */
  | 'duplicate'
  /** A link version this lab does not know; read as the current version. */
  | 'version'
  /** Valid alone but not with the other fields (bce needs a sigmoid output); default used. */
  | 'conflict'
  /** The link was longer than MAX_LINK_LENGTH; the rest was dropped. */
  | 'truncated'
  /** More than MAX_REPORTED problems; `value` says how many more. */
  | 'too-many';

/** One thing the page should name in its "ignored" notice. Values are plain text. */
export interface IgnoredField {
  key: string;
  /** The raw value from the link, cut to REPORT_VALUE_LENGTH characters. */
  value: string;
  reason: IgnoreReason;
  /** English detail for developers, e.g. "Too big: expected number to be <=64". */
  detail?: string;
}

export const MAX_LINK_LENGTH = 4096;
const MAX_REPORTED = 20;
const REPORT_VALUE_LENGTH = 40;

/**
 * The state while a link is read or written: the config in its flat form (every kind's
 * settings, core/kinds/fullForm.ts), so a link may name `beta` before `kind=vae` and a field of
 * another kind keeps the lesson's value; the result is narrowed to its kind by checkConfig.
 */
interface LinkDraft extends Omit<LinkState, 'config'> {
  config: { model: FullModelConfig; train: TrainConfig };
}

const toDraft = (state: LinkState): LinkDraft => ({ ...structuredClone(state), config: fullConfig(state.config) });

/** One link key, typed: how to read it, format it, and where it lives in LinkState. */
interface Field<T> {
  key: string;
  codec: z.ZodType<T, string>;
  format: (value: T) => string;
  get: (state: LinkDraft) => T;
  set: (state: LinkDraft, value: T) => void;
  /** Not reported when absent (a link the lab writes always has the other fields). */
  optional?: true;
  /** Dotted LabConfig path, for fields checkConfig can name. */
  configPath?: string;
  /**
   * Left out of written links while this holds for the value and the lesson's own value (an
   * optional field at a meaning-free default that the lesson shares, so reading it back is exact).
   */
  omitWhen?: (value: T, lessonValue: T) => boolean;
}

/** The same field with its value type closed over, so one table can hold them all. */
interface LinkField {
  key: string;
  required: boolean;
  configPath?: string;
  /** Sets the field from a raw link value; returns why not, if it is invalid. */
  read: (state: LinkDraft, raw: string) => { ok: true } | { ok: false; message: string };
  /** The field's value in `state` as the link writes it. */
  text: (state: LinkDraft) => string;
  /** Copies the field's value from one state to another. */
  copy: (from: LinkDraft, to: LinkDraft) => void;
  /** True when serializeLink leaves the field out (`defaults`: the lesson's own state). */
  omitted: (state: LinkDraft, defaults: LinkDraft) => boolean;
}

function field<T>(f: Field<T>): LinkField {
  return {
    key: f.key,
    required: !f.optional,
    configPath: f.configPath,
    read: (state, raw) => {
      const r = f.codec.safeParse(raw);
      if (!r.success) return { ok: false, message: r.error.issues[0]?.message ?? 'invalid' };
      f.set(state, r.data);
      return { ok: true };
    },
    text: (state) => f.format(f.get(state)),
    copy: (from, to) => f.set(to, f.get(from)),
    omitted: (state, defaults) => f.omitWhen?.(f.get(state), f.get(defaults)) ?? false,
  };
}

const str = String;
/** Written only when it differs from the lesson's own value (keeps older lessons' links as they were). */
const sameAsLesson = <T,>(value: T, lessonValue: T) => value === lessonValue;
const bit = (b: boolean) => (b ? '1' : '0');

/** A config setting's link field, from its row of the settings table (core/settings). */
function settingField<T>(row: SettingRow<T>): LinkField {
  const part = (s: LinkDraft) => s.config[row.part] as unknown as Record<string, T>;
  return field<T>({
    key: row.link.key,
    codec: row.link.codec,
    format: row.link.format,
    ...(row.optional || row.link.optional ? { optional: true as const } : {}),
    ...(row.link.omitWhen ? { omitWhen: row.link.omitWhen } : {}),
    configPath: rowPath(row),
    get: (s) => part(s)[row.id],
    set: (s, v) => void (part(s)[row.id] = structuredClone(v)),
  });
}

const M = MODEL_ROWS;
const T = TRAIN_ROWS;
/**
 * The config's link keys in the order links are written: the first links' fields, then the
 * variants', kinds' and later settings (optional: links written before them read as the
 * lesson's value, unreported; most are written only where they differ from the lesson's).
 */
const CONFIG_FIELDS = [
  M.encoderLayers, M.codeSize, M.hiddenActivation, M.outputActivation, M.loss, M.codeL2,
  T.optimizer, T.learningRate, T.momentum, T.batchSize, T.trainSize, T.seed,
  M.noise, M.noiseLevel, M.contractive, KIND_ROW, M.convChannels, M.convDecoder, M.beta,
  M.vqPositions, M.codebookSize, M.commitment, M.prior, T.normalDigits,
  M.codeActivation, M.sparsity, M.sparsityWeight, M.sparsityTarget, M.vqResetEvery,
].map((row) => settingField(row as SettingRow<unknown>));

const VIEW_FIELDS = [
  field({ key: 'log', codec: boolString, format: bit,
    get: (s) => s.view.logScale, set: (s, v) => void (s.view.logScale = v) }),
  field({ key: 'grid', codec: intString.pipe(z.literal(GRID_SIZES)), format: str,
    get: (s) => s.view.gridSize, set: (s, v) => void (s.view.gridSize = v) }),
  // Optional: without it the page keeps the reader's (browser) language.
  field({ key: 'lang', optional: true, codec: z.enum(LESSON_LOCALES), format: str,
    get: (s) => s.lang, set: (s, v) => void (s.lang = v) }),
];

/** `<group>_hide=1` hides a group the lesson shows; `=0` shows one the lesson hides. */
const HIDE_FIELDS = CONTROL_GROUPS.map((group) =>
  field({
    key: `${group}_hide`,
    optional: true,
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

// The pretraining run's settings, optional and written only where they differ from the lesson's.
const PRETRAIN_FIELDS = [
  field({ key: 'labels', optional: true, omitWhen: sameAsLesson, codec: z.enum(LABEL_CHOICES), format: str,
    get: (s) => s.pretrain.labels, set: (s, v) => void (s.pretrain.labels = v) }),
  field({ key: 'pwidths', optional: true, omitWhen: sameAsLesson, codec: z.enum(PRETRAIN_WIDTH_NAMES), format: str,
    get: (s) => s.pretrain.widths, set: (s, v) => void (s.pretrain.widths = v) }),
];

const FIELDS: readonly LinkField[] = [...CONFIG_FIELDS, ...VIEW_FIELDS, ...HIDE_FIELDS, ...PRETRAIN_FIELDS];
const FIELD_KEYS = new Set(FIELDS.map((f) => f.key));
const lessonIdCodec = z
  .string()
  .regex(/^[a-z0-9-]{1,64}$/, 'not a lesson id')
  .refine((id) => id === FREE_LAB || findLesson(id) !== undefined, 'no such lesson');

/** The state a lesson opens with: its preset, its view, its controls. */
export function defaultLinkState(lessonId?: string, lang: LessonLocale = 'en'): LinkState {
  if (lessonId === FREE_LAB) {
    return { lesson: FREE_LAB, config: structuredClone(DEFAULT_CONFIG), view: { ...DEFAULT_VIEW }, lang, hidden: [], pretrain: { ...DEFAULT_PRETRAIN_SETTINGS } };
  }
  const lesson: Lesson = (lessonId !== undefined && findLesson(lessonId)) || FIRST_LESSON;
  return {
    lesson: lesson.id,
    config: lessonConfig(lesson),
    view: lessonView(lesson),
    lang,
    hidden: CONTROL_GROUPS.filter((g) => !lesson.controls.includes(g)),
    pretrain: { ...DEFAULT_PRETRAIN_SETTINGS, ...lesson.preset.pretrain },
  };
}

/** The hash for a state, without the leading '#': `location.hash = serializeLink(state)`. */
export function serializeLink(linkState: LinkState): string {
  const state = toDraft(linkState);
  const defaults = toDraft(defaultLinkState(linkState.lesson));
  const parts = [`v=${LINK_VERSION}`, `lesson=${encodeURIComponent(state.lesson)}`];
  for (const f of FIELDS) {
    if (f.key.endsWith('_hide')) {
      // Only deviations from the lesson's own choice, to keep links short.
      if (f.text(state) === f.text(defaults)) continue;
    }
    if (f.omitted(state, defaults)) continue;
    parts.push(`${f.key}=${encodeURIComponent(f.text(state)).replace(/%2C/gi, ',')}`);
  }
  return parts.join('&');
}

const clip = (s: string) => (s.length > REPORT_VALUE_LENGTH ? `${s.slice(0, REPORT_VALUE_LENGTH)}…` : s);

export interface ParseOptions {
  /** Language when the link has none (the browser's); 'en' if not given. */
  lang?: LessonLocale;
}

/**
 * Reads a hash (with or without '#', also '#/?...' and '#?...'). Never throws; every field of
 * the result is valid, `state.config` passes checkConfig, and each thing that was not used as
 * written is listed in `ignored`. An empty hash gives the first lesson with nothing ignored;
 * missing fields are reported only when the hash holds at least one key of the format.
 */
export function parseLink(hash: string, options: ParseOptions = {}): { state: LinkState; ignored: IgnoredField[] } {
  const ignored: IgnoredField[] = [];
  const report = (key: string, value: string, reason: IgnoreReason, detail?: string) =>
    ignored.push({ key: clip(key), value: clip(value), reason, ...(detail === undefined ? {} : { detail }) });

  let text = String(hash).replace(/^#?\/?\??/, '');
  if (text.length > MAX_LINK_LENGTH) {
    report('', `${text.length} characters`, 'truncated', `links are read up to ${MAX_LINK_LENGTH} characters`);
    text = text.slice(0, MAX_LINK_LENGTH);
  }
  // URLSearchParams never throws on bad percent-escapes; Map keeps keys away from prototypes.
  const params = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(text)) {
    if (params.has(key)) report(key, value, 'duplicate', 'the first value is used');
    else params.set(key, value);
  }
  // Missing fields are worth naming only in something that is meant to be a lab link.
  const given = [...params.keys()].some((k) => k === 'v' || k === 'lesson' || FIELD_KEYS.has(k));
  const lang = options.lang && (LESSON_LOCALES as readonly string[]).includes(options.lang) ? options.lang : 'en';

  const version = params.get('v');
  params.delete('v');
  if (version === undefined) {
    if (given) report('v', '', 'missing', `read as version ${LINK_VERSION}`);
  } else if (version !== String(LINK_VERSION)) {
    report('v', version, 'version', `this lab reads version ${LINK_VERSION}; the link was read as that, best effort`);
  }

  let lessonId = FIRST_LESSON.id;
  const lessonValue = params.get('lesson');
  params.delete('lesson');
  if (lessonValue === undefined) {
    if (given) report('lesson', '', 'missing');
  } else {
    const r = lessonIdCodec.safeParse(lessonValue);
    if (r.success) lessonId = r.data;
    else report('lesson', lessonValue, 'malformed', r.error.issues[0]?.message);
  }

  const defaults = toDraft(defaultLinkState(lessonId, lang));
  const state = toDraft(defaultLinkState(lessonId, lang));
  /** Fields whose value came from the link (candidates for the cross-field fallback). */
  const fromLink: LinkField[] = [];
  for (const f of FIELDS) {
    const value = params.get(f.key);
    params.delete(f.key);
    if (value === undefined) {
      if (given && f.required) report(f.key, '', 'missing');
      continue;
    }
    const r = f.read(state, value);
    if (r.ok) fromLink.push(f);
    else report(f.key, value, 'malformed', r.message);
  }
  for (const [key, value] of params) report(key, value, 'unknown');

  const config = resolveConflicts(state, defaults, fromLink, report);

  if (ignored.length > MAX_REPORTED) {
    const more = ignored.length - MAX_REPORTED;
    ignored.length = MAX_REPORTED;
    ignored.push({ key: '', value: String(more), reason: 'too-many' });
  }
  return { state: { ...state, config }, ignored };
}

/**
 * Cross-field rules live in checkConfig. When the combination fails, fall back field-wise:
 * first the fields checkConfig names, then the one other link field whose default fixes it,
 * and only as a last resort the lesson's whole config.
 */
function resolveConflicts(
  state: LinkDraft,
  defaults: LinkDraft,
  fromLink: LinkField[],
  report: (key: string, value: string, reason: IgnoreReason, detail?: string) => void,
): LabConfig {
  const first = checkConfig(state.config);
  if (first.ok) return first.config;
  const detail = first.problems.map((p) => p.message).join(' ');
  const candidates = fromLink.filter((f) => f.configPath !== undefined);
  const differs = (f: LinkField) => f.text(state) !== f.text(defaults);
  const revert = (f: LinkField) => {
    report(f.key, f.text(state), 'conflict', detail);
    f.copy(defaults, state);
  };

  const named = new Set(first.problems.map((p) => p.path));
  for (const f of candidates) if (named.has(f.configPath ?? '') && differs(f)) revert(f);
  const second = checkConfig(state.config);
  if (second.ok) return second.config;

  const trial = structuredClone(state);
  for (const f of candidates) {
    if (!differs(f)) continue;
    f.copy(defaults, trial);
    const fixed = checkConfig(trial.config).ok;
    f.copy(state, trial);
    if (fixed) {
      revert(f);
      return checked(state);
    }
  }
  for (const f of candidates) if (differs(f)) revert(f);
  state.config = structuredClone(defaults.config);
  return checked(state);
}

/**
 * The draft's config, narrowed to its kind. The lesson's own config passes checkConfig
 * (lessons.test.ts), so the fallback to the free lab's is never taken; it keeps the promise
 * that parseLink never throws.
 */
function checked(state: LinkDraft): LabConfig {
  const r = checkConfig(state.config);
  return r.ok ? r.config : structuredClone(DEFAULT_CONFIG);
}
