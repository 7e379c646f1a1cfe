/**
 * Keeps the URL hash and the page in step (the link format is src/state/link.ts):
 * - on load, the hash is read and applied BEFORE the worker's first configure, so the lab boots
 *   straight into the linked experiment (an empty hash opens the free lab);
 * - every later edit (applied config, seed, view options, lesson, language, hidden controls)
 *   rewrites the hash with history.replaceState: no history entries, no reload;
 * - a hash the reader pastes or a lesson link they follow (hashchange) is applied in place;
 * - what a link could not use lands in the store (linkIgnored) for the notice.
 */
import i18n, { currentLocale } from '../i18n';
import type { ControlGroup } from '../lessons/types';
import { lab } from './labBridge';
import { defaultLinkState, FREE_LAB, parseLink, serializeLink, type IgnoredField, type LinkState } from './link';
import { useLab, type LabState } from './store';

/** The page's state as the link carries it. */
export function currentLinkState(s: LabState = useLab.getState()): LinkState {
  return {
    lesson: s.lessonId,
    config: s.config,
    view: { logScale: s.logScale, gridSize: s.gridSize },
    lang: currentLocale(),
    hidden: [...s.hidden],
    pretrain: s.pretrainSettings,
  };
}

/** The full address of the page in its current state (what "Copy link" copies). */
export function currentLinkUrl(): string {
  const url = new URL(location.href);
  url.hash = serializeLink(currentLinkState());
  return url.href;
}

/** True for '', '#', '#/', '#?' and the like: no link, a plain visit. */
export function isEmptyHash(hash: string): boolean {
  return hash.replace(/^#?\/?\??/, '') === '';
}

/**
 * What a hash opens: parseLink's state and report, or the free lab for an empty hash. The
 * language falls back to the page's current one (the browser's on first load).
 */
export function readHash(hash: string, lang = currentLocale()): { state: LinkState; ignored: IgnoredField[] } {
  if (isEmptyHash(hash)) return { state: defaultLinkState(FREE_LAB, lang), ignored: [] };
  return parseLink(hash, { lang });
}

/** The hash this page last wrote or read; edits that give the same text write nothing. */
let lastHash: string | undefined;

function writeHash(): void {
  const text = serializeLink(currentLinkState());
  if (text === lastHash) return;
  lastHash = text;
  // The URL's other parts (sub-path, ?backend=) stay; replaceState adds no history entry.
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${text}`);
}

/**
 * Puts a link's state on the page. Before the lab boots the config only lands in the store
 * (boot configures with it); afterwards the worker rebuilds the model, unless the config is the
 * one in use (switching between lessons with the same preset keeps the trained model).
 */
export async function applyLinkState(state: LinkState): Promise<void> {
  const s = useLab.getState();
  s.setLesson(state.lesson, [...state.hidden] as ControlGroup[]);
  if (s.logScale !== state.view.logScale) s.setLogScale(state.view.logScale);
  if (s.gridSize !== state.view.gridSize) s.setGridSize(state.view.gridSize);
  if (JSON.stringify(s.pretrainSettings) !== JSON.stringify(state.pretrain)) s.setPretrainSettings({ ...state.pretrain });
  // Both start before either is awaited: before boot, applyConfig sets the store synchronously.
  const configured = JSON.stringify(state.config) !== JSON.stringify(s.config) ? lab.applyConfig(state.config) : undefined;
  const translated = state.lang !== currentLocale() ? i18n.changeLanguage(state.lang) : undefined;
  await Promise.all([configured, translated]);
}

/** Opens a hash: reports what it ignored, applies the rest, then writes the canonical hash. */
export async function openHash(hash: string): Promise<void> {
  const { state, ignored } = readHash(hash);
  useLab.getState().setLinkIgnored(ignored);
  await applyLinkState(state);
  if (!isEmptyHash(hash)) writeHash();
}

/** Applies a lesson's preset, view and default controls (the navigator's action). */
export function openLesson(lessonId: string): Promise<void> {
  useLab.getState().setLinkIgnored([]);
  return applyLinkState(defaultLinkState(lessonId, currentLocale()));
}

/** Store fields the link carries; compared by reference so 30 Hz progress events cost nothing. */
const linkedParts = (s: LabState) => [s.lessonId, s.config, s.logScale, s.gridSize, s.hidden, s.pretrainSettings] as const;

let started = false;

/**
 * Reads the hash once and starts keeping it in step. Call before the first render and before
 * lab.boot(); later calls do nothing (React StrictMode runs effects twice).
 */
export function startLinkSync(): void {
  if (started) return;
  started = true;
  const hash = location.hash;
  // The store's config is set synchronously here (the lab has not booted), so boot() builds
  // the linked model first.
  void openHash(hash);
  // A plain visit keeps its plain address until the reader changes something.
  if (isEmptyHash(hash)) lastHash = serializeLink(currentLinkState());

  let previous = linkedParts(useLab.getState());
  useLab.subscribe((s) => {
    const parts = linkedParts(s);
    if (parts.every((p, i) => p === previous[i])) return;
    previous = parts;
    writeHash();
  });
  i18n.on('languageChanged', writeHash);
  window.addEventListener('hashchange', () => {
    // Our own replaceState fires no hashchange; this is a pasted link or a followed lesson link.
    if (location.hash.replace(/^#/, '') === lastHash) return;
    void openHash(location.hash);
  });
}
