/**
 * The page's whole state <-> the URL hash, so a teacher can paste one link into a slide.
 *
 *   #v=1&lesson=pca-vs-deep                        the lesson's preset, as it is
 *   #v=1&lesson=two-d-map&code=3&lr=0.01&lang=en   the preset with what the link changes
 *   #v=1&lesson=free&kind=vq&code=16               another kind (switchKind: the preset's values where they fit it)
 *
 * A link is the lesson's preset plus what it changes. The lab writes the lesson id, the fields
 * that differ from the preset and the language; links that state every field (written before)
 * read as they did. The fields come from the settings table (state/linkFields.ts). Links are
 * untrusted: a field that is unknown, repeated, malformed, not used by the link's kind or at odds
 * with the others is reported, and the preset's value kept; an absent field is the preset's and
 * is not reported. Values are data (numbers, enums, registry ids), never markup.
 */
import { checkConfig, configFromFull, DEFAULT_CONFIG, fullModel, type LabConfig, type ModelKind } from '../core/config';
import { kindHas } from '../core/kinds/fullForm';
import { problemMessage } from '../core/kinds/problems';
import { KIND_ROW, KINDS } from '../core/kinds/registry';
import { switchKind } from '../core/kinds/switchKind';
import type { ModelSettingId } from '../core/settings/modelRows';
import { DEFAULT_PRETRAIN_SETTINGS } from '../core/train/pretrainConfig';
import { findLesson, FIRST_LESSON } from '../lessons';
import { DEFAULT_VIEW, lessonConfig, lessonView } from '../lessons/preset';
import { CONTROL_GROUPS, LESSON_LOCALES, type Lesson, type LessonLocale } from '../lessons/types';
import { FIELDS, toDraft, type LinkDraft, type LinkField, type LinkState } from './linkFields';

export { GRID_SIZES, type LinkState } from './linkFields';

/** Bumped when a key changes meaning; older versions would be migrated in parseLink. */
export const LINK_VERSION = 1;

/**
 * The lesson id of the lab without a lesson: DEFAULT_CONFIG, the default view, every control
 * shown. The page opens it when the hash is empty (src/state/linkSync.ts).
 */
export const FREE_LAB = 'free';

export type IgnoreReason =
  /** A key this version does not know. */
  | 'unknown'
  /** The value did not validate; the preset's value is used. */
  | 'malformed'
  /** A setting the link's model kind does not have (`kind=vae&noise=mask`); `kind` says which. */
  | 'unused'
  /** The key appeared again; the first value is used. */
  | 'duplicate'
  /** A link version this lab does not know; read as the current version. */
  | 'version'
  /** Valid alone but not with the other fields (bce needs a sigmoid output); the preset's value used. */
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
  /** 'unused': the kind that does not use the setting. */
  kind?: ModelKind;
  /** English detail for developers, e.g. "Too big: expected number to be <=64". */
  detail?: string;
}

export const MAX_LINK_LENGTH = 4096;
const MAX_REPORTED = 20;
const REPORT_VALUE_LENGTH = 40;

type Report = (key: string, value: string, reason: IgnoreReason, more?: { detail?: string; kind?: ModelKind }) => void;

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

/** What a link of `lesson` with model kind `kind` changes: the preset, moved to that kind. */
function baseDraft(lesson: LinkDraft, kind: ModelKind): LinkDraft {
  const base = structuredClone(lesson);
  if (kind !== lesson.config.model.kind) base.config.model = switchKind(lesson.config.model, kind);
  return base;
}

/** A model setting's field that the kind does not have (the link neither writes nor uses it). */
const notOfKind = (f: LinkField, kind: ModelKind) => f.row?.part === 'model' && !kindHas(kind, f.row.id as ModelSettingId);

/** The hash for a state, without the leading '#': `location.hash = serializeLink(state)`. */
export function serializeLink(linkState: LinkState): string {
  const state = toDraft(linkState);
  const lesson = toDraft(defaultLinkState(linkState.lesson, linkState.lang));
  const kind = linkState.config.model.kind;
  const base = baseDraft(lesson, kind);
  const parts = [`v=${LINK_VERSION}`, `lesson=${encodeURIComponent(state.lesson)}`];
  for (const f of FIELDS) {
    if (notOfKind(f, kind)) continue;
    // The kind against the lesson's; every other field against the preset moved to that kind.
    if (!f.always && f.text(state) === f.text(f.row === KIND_ROW ? lesson : base)) continue;
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
 * the result is valid, `state.config` passes checkConfig, and each field of the link that was
 * not used as written is listed in `ignored`. What the link leaves out is the lesson's preset.
 */
export function parseLink(hash: string, options: ParseOptions = {}): { state: LinkState; ignored: IgnoredField[] } {
  const ignored: IgnoredField[] = [];
  const report: Report = (key, value, reason, more = {}) => ignored.push({ key: clip(key), value: clip(value), reason, ...more });
  const params = readParams(hash, report);
  const take = (key: string) => {
    const value = params.get(key);
    params.delete(key);
    return value;
  };

  const version = take('v');
  if (version !== undefined && version !== String(LINK_VERSION)) {
    report('v', version, 'version', { detail: `this lab reads version ${LINK_VERSION}; the link was read as that, best effort` });
  }
  const lessonId = readLesson(take('lesson'), report);
  const lang = options.lang && (LESSON_LOCALES as readonly string[]).includes(options.lang) ? options.lang : 'en';
  const lesson = toDraft(defaultLinkState(lessonId, lang));

  // The kind first: the other fields change the preset moved to it.
  let kind = lesson.config.model.kind;
  const kindText = take(KIND_ROW.link.key);
  if (kindText !== undefined) {
    const r = KIND_ROW.link.codec.safeParse(kindText);
    if (r.success) kind = r.data;
    else report(KIND_ROW.link.key, kindText, 'malformed', { detail: r.error.issues[0]?.message });
  }
  const base = baseDraft(lesson, kind);
  const state = structuredClone(base);
  /** Fields whose value came from the link (candidates for the cross-field fallback). */
  const fromLink: LinkField[] = [];
  for (const f of FIELDS) {
    const value = f.row === KIND_ROW ? undefined : take(f.key);
    if (value === undefined) continue;
    const r = f.read(state, value);
    if (!r.ok) report(f.key, value, 'malformed', { detail: r.message });
    else if (notOfKind(f, kind)) reportUnused(f, value, state, base, kind, report);
    else fromLink.push(f);
  }
  for (const [key, value] of params) report(key, value, 'unknown');

  const config = resolveConflicts(state, base, fromLink, report);
  if (ignored.length > MAX_REPORTED) {
    const more = ignored.length - MAX_REPORTED;
    ignored.length = MAX_REPORTED;
    ignored.push({ key: '', value: String(more), reason: 'too-many' });
  }
  return { state: { ...state, config }, ignored };
}

/** The hash's keys and values; a repeated key keeps its first value and is reported. */
function readParams(hash: string, report: Report): Map<string, string> {
  let text = String(hash).replace(/^#?\/?\??/, '');
  if (text.length > MAX_LINK_LENGTH) {
    report('', `${text.length} characters`, 'truncated', { detail: `links are read up to ${MAX_LINK_LENGTH} characters` });
    text = text.slice(0, MAX_LINK_LENGTH);
  }
  // URLSearchParams never throws on bad percent-escapes; Map keeps keys away from prototypes.
  const params = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(text)) {
    if (params.has(key)) report(key, value, 'duplicate', { detail: 'the first value is used' });
    else params.set(key, value);
  }
  return params;
}

/** The link's lesson id: a lesson of the registry or the free lab; the first lesson otherwise. */
function readLesson(value: string | undefined, report: Report): string {
  if (value === undefined) return FIRST_LESSON.id;
  if (/^[a-z0-9-]{1,64}$/.test(value) && (value === FREE_LAB || findLesson(value) !== undefined)) return value;
  report('lesson', value, 'malformed', { detail: /^[a-z0-9-]{1,64}$/.test(value) ? 'no such lesson' : 'not a lesson id' });
  return FIRST_LESSON.id;
}

/**
 * A setting the link's kind does not have is dropped. It is reported unless it says nothing:
 * the value a link of the preset carried for it (links that state every field) or the one the
 * kind's own configs held. A value the kind refuses (dense layers for the convolutional kind)
 * is always reported, with the reason.
 */
function reportUnused(f: LinkField, value: string, state: LinkDraft, base: LinkDraft, kind: ModelKind, report: Report): void {
  const id = f.row?.id as ModelSettingId;
  const refused = KINDS[kind].refuses.find((r) => r.field === id && r.when(state.config.model[id]));
  const kindOwn = { ...base, config: { ...base.config, model: fullModel(KINDS[kind].defaults) } };
  const silent = !refused && (f.text(state) === f.text(base) || f.text(state) === f.text(kindOwn));
  f.copy(base, state);
  if (silent) return;
  report(f.key, value, 'unused', { kind, detail: refused ? problemMessage(refused.code, refused.params) : `not a setting of the ${kind} autoencoder` });
}

const checkDraft = (state: LinkDraft) => checkConfig(configFromFull(state.config));

/**
 * Cross-field rules live in checkConfig. When the combination fails, fall back field-wise to
 * the base (the preset moved to the link's kind, which is valid): first the fields checkConfig
 * names, then the one other link field whose base value fixes it, and only as a last resort
 * every field of the link.
 */
function resolveConflicts(state: LinkDraft, base: LinkDraft, fromLink: LinkField[], report: Report): LabConfig {
  const first = checkDraft(state);
  if (first.ok) return first.config;
  const detail = first.problems.map((p) => p.message).join(' ');
  const candidates = fromLink.filter((f) => f.configPath !== undefined);
  const differs = (f: LinkField) => f.text(state) !== f.text(base);
  const revert = (f: LinkField) => {
    report(f.key, f.text(state), 'conflict', { detail });
    f.copy(base, state);
  };

  const named = new Set(first.problems.map((p) => p.path));
  for (const f of candidates) if (named.has(f.configPath ?? '') && differs(f)) revert(f);
  const second = checkDraft(state);
  if (second.ok) return second.config;

  const trial = structuredClone(state);
  for (const f of candidates) {
    if (!differs(f)) continue;
    f.copy(base, trial);
    const fixed = checkDraft(trial).ok;
    f.copy(state, trial);
    if (fixed) {
      revert(f);
      return checked(state);
    }
  }
  for (const f of candidates) if (differs(f)) revert(f);
  return checked(state);
}

/**
 * The draft's config, narrowed to its kind. Every field reverted, it is the base, which passes
 * checkConfig (a lesson's preset does, lessons.test.ts; switchKind ends at the kind's defaults),
 * so the free lab's config is never taken; it keeps the promise that parseLink never throws.
 */
function checked(state: LinkDraft): LabConfig {
  const r = checkDraft(state);
  return r.ok ? r.config : structuredClone(DEFAULT_CONFIG);
}
