/**
 * The saved models' budget in the browser's storage, as plain bookkeeping (tested in Node): an
 * index of what each saved model takes and when it was last used, and which to evict, least
 * recently used first, so the models together stay within MODEL_STORAGE_BUDGET. A single model
 * larger than MAX_SAVED_MODEL_BYTES is not kept at all (the page says so; Export keeps it).
 */

/** All saved models together take at most this (bytes). */
export const MODEL_STORAGE_BUDGET = 256 * 2 ** 20;
/** One saved model takes at most this (bytes): the sparse lesson's 1000-unit code is ~19 MB. */
export const MAX_SAVED_MODEL_BYTES = 96 * 2 ** 20;

/** What the index knows of one saved model. */
export interface IndexEntry {
  /** Bytes of its weights and optimizer slots. */
  bytes: number;
  /** When it was last saved or restored (ms since the epoch). */
  usedAt: number;
  /** Its step: a save of a younger model never replaces it. */
  step: number;
  /** The tab that saved it last (only that tab's Reset forgets it). */
  owner?: string;
}

export interface StorageIndex {
  version: 1;
  entries: Record<string, IndexEntry>;
}

export const EMPTY_INDEX: StorageIndex = { version: 1, entries: {} };

/** True when `value` is an index this code wrote. */
export function isStorageIndex(value: unknown): value is StorageIndex {
  const v = value as Partial<StorageIndex> | null;
  return typeof v === 'object' && v !== null && v.version === 1 && typeof v.entries === 'object' && v.entries !== null;
}

/**
 * The keys to evict so that the entries fit `budget`, least recently used first, never `keep`
 * (the model just saved).
 */
export function evictions(index: StorageIndex, keep: string, budget = MODEL_STORAGE_BUDGET): string[] {
  const entries = Object.entries(index.entries);
  let total = entries.reduce((n, [, e]) => n + e.bytes, 0);
  const out: string[] = [];
  for (const [key, e] of entries.filter(([k]) => k !== keep).sort((a, b) => a[1].usedAt - b[1].usedAt)) {
    if (total <= budget) break;
    out.push(key);
    total -= e.bytes;
  }
  return out;
}
