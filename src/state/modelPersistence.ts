/**
 * Nothing lost: the trained model of each configuration is kept in IndexedDB (idb-keyval),
 * keyed by a stable hash of its LabConfig, together with the loss chart's history.
 *
 * Saving happens on the page side: the history lives in the page's store, a full quota is a
 * notice in the page, and the worker only hands over a snapshot (its Float32Arrays transferred)
 * when asked, so training never waits for the disk. Pure bookkeeping, no React, no tfjs.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { checkConfig, fullConfig, type LabConfig } from '../core/config';
import { MODEL_ROWS, type ModelSettingId } from '../core/settings/modelRows';
import type { ModelSnapshot } from '../core/train/snapshot';
import type { LossPoint } from './store';

/** Format of a saved record; a record of another version is ignored (and overwritten). */
const RECORD_VERSION = 1;

export interface SavedRun {
  version: typeof RECORD_VERSION;
  key: string;
  /** ms since the epoch. */
  savedAt: number;
  step: number;
  snapshot: ModelSnapshot;
  /** The loss chart up to `step`. */
  history: LossPoint[];
}

let idb: UseStore | undefined;
/** Created on first use: IndexedDB may be missing (e.g. some private modes), then calls reject. */
const models = () => (idb ??= createStore('autoencoder-lab', 'models'));

/** JSON with object keys sorted at every level, so equal configs give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** cyrb53: a fast 53-bit string hash (not cryptographic; a key, not a secret). */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The storage key of a configuration: a hash of its validated form (defaults filled in), so a
 * link that leaves out a field and one that states its default share a saved model.
 */
export function configKey(config: LabConfig): string {
  const checked = checkConfig(config);
  const text = canonicalJson(withoutPlainVariant(checked.ok ? checked.config : config));
  return `model:${hash53(text).toString(36)}`;
}

/**
 * The model settings added after the first saved models (the variants and the other kinds'
 * fields of issue 4): at their row's default they are left out of the key.
 */
const ADDED_LATER: readonly ModelSettingId[] = [
  'noise', 'noiseLevel', 'contractive', 'codeActivation', 'sparsity', 'sparsityWeight', 'sparsityTarget',
  'convChannels', 'convDecoder', 'beta', 'vqPositions', 'codebookSize', 'commitment', 'prior', 'vqResetEvery',
];

/**
 * The config in the form main hashed before the config became a union on `kind` (every kind's
 * fields, fullConfig), without the fields added later that hold their plain values (normal
 * digits = all ten, issue 5), so an experiment keeps the key it had (its saved model is still
 * found).
 */
function withoutPlainVariant(labConfig: LabConfig): unknown {
  const config = fullConfig(labConfig);
  const model: Record<string, unknown> = { ...config.model };
  for (const k of ADDED_LATER) {
    if (JSON.stringify(model[k]) === JSON.stringify(MODEL_ROWS[k].default)) delete model[k];
  }
  const train: Record<string, unknown> = { ...config.train };
  const digits = config.train.normalDigits;
  if (digits && digits.length === 10 && digits.every((d, i) => d === i)) delete train.normalDigits;
  return { ...config, model, train };
}

/** True for the browser's "storage is full" failures (QuotaExceededError, old code 22). */
export function isQuotaError(e: unknown): boolean {
  if (!(e instanceof Error) && !(typeof DOMException !== 'undefined' && e instanceof DOMException)) return false;
  const ex = e as DOMException;
  return ex.name === 'QuotaExceededError' || ex.code === 22 || /quota/i.test(ex.message);
}

/** Saves the snapshot under its own configuration's key with the history up to its step. */
export async function saveRun(snapshot: ModelSnapshot, history: readonly LossPoint[]): Promise<SavedRun> {
  const key = configKey(snapshot.config);
  const record: SavedRun = {
    version: RECORD_VERSION,
    key,
    savedAt: Date.now(),
    step: snapshot.step,
    snapshot,
    history: history.filter((p) => p.step <= snapshot.step),
  };
  await set(key, record, models());
  return record;
}

/** The saved run of `config`, if any (and of this record version). */
export async function loadRun(config: LabConfig): Promise<SavedRun | undefined> {
  const record = await get<SavedRun>(configKey(config), models());
  return record && record.version === RECORD_VERSION ? record : undefined;
}

export async function forgetRun(config: LabConfig): Promise<void> {
  await del(configKey(config), models());
}
