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
  CODE_PRIORS,
  CONV_DECODER_KINDS,
  DEFAULT_CONFIG,
  MODEL_KINDS,
  HIDDEN_ACTIVATIONS,
  LOSSES,
  mlpModelSchema,
  NOISE_TYPES,
  OPTIMIZERS,
  OUTPUT_ACTIVATIONS,
  trainSchema,
  type LabConfig,
} from '../core/config';
import { ALL_DIGITS, isAllDigits } from '../core/data/normalSubset';
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

// Codecs: strict string forms first (no "0x10", " 12", "1_000"), then the config's own limits.
const intString = z.string().regex(/^\d{1,12}$/, 'not a whole number').transform(Number);
const decimalString = z
  .string()
  .regex(/^(\d{1,20}(\.\d{0,30})?|\.\d{1,30})(e[+-]?\d{1,3})?$/i, 'not a decimal number')
  .transform(Number);
const boolString = z.enum(['1', '0', 'true', 'false']).transform((s) => s === '1' || s === 'true');
const layersString = z.union([
  z.enum(['none', '']).transform((): number[] => []),
  z
    .string()
    .regex(/^\d{1,6}(,\d{1,6}){0,7}$/, 'not a comma-separated list of widths')
    .transform((s) => s.split(',').map(Number)),
]);
/** Conv channels per stage: `16,8`. */
const channelsString = z
  .string()
  .regex(/^\d{1,3}(,\d{1,3}){0,3}$/, 'not a comma-separated list of channel counts')
  .transform((s) => s.split(',').map(Number));
const normalDigitsString = z.union([
  z.literal('all').transform((): number[] => [...ALL_DIGITS]),
  z
    .string()
    .regex(/^\d(,\d){0,9}$/, 'not a comma-separated list of digits')
    .transform((s) => s.split(',').map(Number)),
]);
const model = mlpModelSchema.shape;
const train = trainSchema.shape;

/** One link key, typed: how to read it, format it, and where it lives in LinkState. */
interface Field<T> {
  key: string;
  codec: z.ZodType<T, string>;
  format: (value: T) => string;
  get: (state: LinkState) => T;
  set: (state: LinkState, value: T) => void;
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
  read: (state: LinkState, raw: string) => { ok: true } | { ok: false; message: string };
  /** The field's value in `state` as the link writes it. */
  text: (state: LinkState) => string;
  /** Copies the field's value from one state to another. */
  copy: (from: LinkState, to: LinkState) => void;
  /** True when serializeLink leaves the field out (`defaults`: the lesson's own state). */
  omitted: (state: LinkState, defaults: LinkState) => boolean;
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

const m = (s: LinkState) => s.config.model;
const t = (s: LinkState) => s.config.train;

const CONFIG_FIELDS = [
  field({ key: 'layers', configPath: 'model.encoderLayers', codec: layersString.pipe(model.encoderLayers),
    format: (v) => (v.length === 0 ? 'none' : v.join(',')),
    get: (s) => m(s).encoderLayers, set: (s, v) => void (m(s).encoderLayers = [...v]) }),
  field({ key: 'code', configPath: 'model.codeSize', codec: intString.pipe(model.codeSize), format: str,
    get: (s) => m(s).codeSize, set: (s, v) => void (m(s).codeSize = v) }),
  field({ key: 'act', configPath: 'model.hiddenActivation', codec: z.enum(HIDDEN_ACTIVATIONS), format: str,
    get: (s) => m(s).hiddenActivation, set: (s, v) => void (m(s).hiddenActivation = v) }),
  field({ key: 'out', configPath: 'model.outputActivation', codec: z.enum(OUTPUT_ACTIVATIONS), format: str,
    get: (s) => m(s).outputActivation, set: (s, v) => void (m(s).outputActivation = v) }),
  field({ key: 'loss', configPath: 'model.loss', codec: z.enum(LOSSES), format: str,
    get: (s) => m(s).loss, set: (s, v) => void (m(s).loss = v) }),
  // Optional: links written before the code penalty existed keep the lesson's value, unreported.
  field({ key: 'l2', optional: true, configPath: 'model.codeL2', codec: decimalString.pipe(model.codeL2.unwrap()), format: str,
    get: (s) => m(s).codeL2, set: (s, v) => void (m(s).codeL2 = v) }),
  field({ key: 'opt', configPath: 'train.optimizer', codec: z.enum(OPTIMIZERS), format: str,
    get: (s) => t(s).optimizer, set: (s, v) => void (t(s).optimizer = v) }),
  field({ key: 'lr', configPath: 'train.learningRate', codec: decimalString.pipe(train.learningRate), format: str,
    get: (s) => t(s).learningRate, set: (s, v) => void (t(s).learningRate = v) }),
  field({ key: 'mom', configPath: 'train.momentum', codec: decimalString.pipe(train.momentum), format: str,
    get: (s) => t(s).momentum, set: (s, v) => void (t(s).momentum = v) }),
  field({ key: 'batch', configPath: 'train.batchSize', codec: intString.pipe(train.batchSize), format: str,
    get: (s) => t(s).batchSize, set: (s, v) => void (t(s).batchSize = v) }),
  field({ key: 'n', configPath: 'train.trainSize', codec: intString.pipe(train.trainSize), format: str,
    get: (s) => t(s).trainSize, set: (s, v) => void (t(s).trainSize = v) }),
  field({ key: 'seed', configPath: 'train.seed', codec: intString.pipe(train.seed), format: str,
    get: (s) => t(s).seed, set: (s, v) => void (t(s).seed = v) }),
  // Variants (issue 4), optional: links written before them keep the lesson's value, unreported.
  field({ key: 'noise', optional: true, omitWhen: sameAsLesson, configPath: 'model.noise', codec: z.enum(NOISE_TYPES), format: str,
    get: (s) => m(s).noise, set: (s, v) => void (m(s).noise = v) }),
  field({ key: 'noiselevel', optional: true, omitWhen: sameAsLesson, configPath: 'model.noiseLevel', codec: decimalString.pipe(model.noiseLevel.unwrap()), format: str,
    get: (s) => m(s).noiseLevel, set: (s, v) => void (m(s).noiseLevel = v) }),
  field({ key: 'contractive', optional: true, omitWhen: sameAsLesson, configPath: 'model.contractive', codec: decimalString.pipe(model.contractive.unwrap()), format: str,
    get: (s) => m(s).contractive, set: (s, v) => void (m(s).contractive = v) }),
  // Model kinds (issue 4), optional and written only where they differ from the lesson's value:
  // every link written before them reads as the lesson's kind (the MLP for lessons 1-9).
  field({ key: 'kind', optional: true, omitWhen: sameAsLesson, configPath: 'model.kind', codec: z.enum(MODEL_KINDS), format: str,
    get: (s) => m(s).kind, set: (s, v) => void (m(s).kind = v) }),
  field({ key: 'channels', optional: true, configPath: 'model.convChannels', codec: channelsString.pipe(model.convChannels.unwrap()),
    format: (v) => v.join(','), omitWhen: (v, lesson) => v.join(',') === lesson.join(','),
    get: (s) => m(s).convChannels, set: (s, v) => void (m(s).convChannels = [...v]) }),
  field({ key: 'decoder', optional: true, omitWhen: sameAsLesson, configPath: 'model.convDecoder', codec: z.enum(CONV_DECODER_KINDS), format: str,
    get: (s) => m(s).convDecoder, set: (s, v) => void (m(s).convDecoder = v) }),
  field({ key: 'beta', optional: true, omitWhen: sameAsLesson, configPath: 'model.beta', codec: decimalString.pipe(model.beta.unwrap()), format: str,
    get: (s) => m(s).beta, set: (s, v) => void (m(s).beta = v) }),
  field({ key: 'positions', optional: true, omitWhen: sameAsLesson, configPath: 'model.vqPositions', codec: intString.pipe(model.vqPositions.unwrap()), format: str,
    get: (s) => m(s).vqPositions, set: (s, v) => void (m(s).vqPositions = v) }),
  field({ key: 'codebook', optional: true, omitWhen: sameAsLesson, configPath: 'model.codebookSize', codec: intString.pipe(model.codebookSize.unwrap()), format: str,
    get: (s) => m(s).codebookSize, set: (s, v) => void (m(s).codebookSize = v) }),
  field({ key: 'commitment', optional: true, omitWhen: sameAsLesson, configPath: 'model.commitment', codec: decimalString.pipe(model.commitment.unwrap()), format: str,
    get: (s) => m(s).commitment, set: (s, v) => void (m(s).commitment = v) }),
  field({ key: 'prior', optional: true, omitWhen: sameAsLesson, configPath: 'model.prior', codec: z.enum(CODE_PRIORS), format: str,
    get: (s) => m(s).prior, set: (s, v) => void (m(s).prior = v) }),
  // Optional, and left out while both the link and its lesson train on all ten digits (links from
  // before it existed read as that); otherwise written: `normal=3`, `normal=0,6`, `normal=all`.
  field({ key: 'normal', optional: true, configPath: 'train.normalDigits', codec: normalDigitsString.pipe(train.normalDigits.unwrap()),
    format: (v) => (isAllDigits(v) ? 'all' : v.join(',')), omitWhen: (v, lesson) => isAllDigits(v) && isAllDigits(lesson),
    get: (s) => t(s).normalDigits, set: (s, v) => void (t(s).normalDigits = [...v]) }),
];

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
export function serializeLink(state: LinkState): string {
  const defaults = defaultLinkState(state.lesson);
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

  const defaults = defaultLinkState(lessonId, lang);
  const state = defaultLinkState(lessonId, lang);
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

  resolveConflicts(state, defaults, fromLink, report);

  if (ignored.length > MAX_REPORTED) {
    const more = ignored.length - MAX_REPORTED;
    ignored.length = MAX_REPORTED;
    ignored.push({ key: '', value: String(more), reason: 'too-many' });
  }
  return { state, ignored };
}

/**
 * Cross-field rules live in checkConfig. When the combination fails, fall back field-wise:
 * first the fields checkConfig names, then the one other link field whose default fixes it,
 * and only as a last resort the lesson's whole config.
 */
function resolveConflicts(
  state: LinkState,
  defaults: LinkState,
  fromLink: LinkField[],
  report: (key: string, value: string, reason: IgnoreReason, detail?: string) => void,
): void {
  const first = checkConfig(state.config);
  if (first.ok) return;
  const detail = first.problems.map((p) => p.message).join(' ');
  const candidates = fromLink.filter((f) => f.configPath !== undefined);
  const differs = (f: LinkField) => f.text(state) !== f.text(defaults);
  const revert = (f: LinkField) => {
    report(f.key, f.text(state), 'conflict', detail);
    f.copy(defaults, state);
  };

  const named = new Set(first.problems.map((p) => p.path));
  for (const f of candidates) if (named.has(f.configPath ?? '') && differs(f)) revert(f);
  if (checkConfig(state.config).ok) return;

  const trial = structuredClone(state);
  for (const f of candidates) {
    if (!differs(f)) continue;
    f.copy(defaults, trial);
    const fixed = checkConfig(trial.config).ok;
    f.copy(state, trial);
    if (fixed) {
      revert(f);
      return;
    }
  }
  for (const f of candidates) if (differs(f)) revert(f);
  state.config = structuredClone(defaults.config);
}
