/**
 * The saved models in IndexedDB (idb-keyval, database 'autoencoder-lab', store 'models'): one
 * record per configuration under its key (modelPersistence.ts configKey), and an index
 * (storageBudget.ts) of what each takes, when it was last used, its step and the tab that saved
 * it. Every change runs under one Web Lock, so two tabs of the lab take turns:
 * - a save never replaces a record of a further-trained model (unless asked to: a model file
 *   the reader imported), so neither tab erases the other's;
 * - Reset forgets only a record this tab saved;
 * - after a save, the least recently used models go until all fit the budget.
 * A record that cannot be read, or that holds another configuration's model, is skipped and
 * removed (RecordSkipped); storage that cannot be opened at all (a private mode, a blocked
 * IndexedDB) makes `storageAvailable()` false, and the lab goes on without keeping models.
 */
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { LabConfig } from '../core/config';
import { sameConfig } from '../core/configIdentity';
import { checkSnapshot, type ModelSnapshot } from '../core/train/snapshot';
import { configKey } from './modelPersistence';
import { EMPTY_INDEX, evictions, isStorageIndex, MODEL_STORAGE_BUDGET, type StorageIndex } from './storageBudget';
import type { LossPoint } from './store';

/** Format of a saved record; a record of another version is ignored (and overwritten). */
const RECORD_VERSION = 1;
const INDEX_KEY = 'index:v1';
const LOCK = 'autoencoder-lab/models';

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

/** A saved record that could not be used: damaged, of another format, or of another configuration. */
export class RecordSkipped extends Error {
  constructor(readonly key: string, why: string) {
    super(`The saved model ${key} was skipped: ${why}`);
    this.name = 'RecordSkipped';
  }
}

let idb: UseStore | undefined;
/** Created on first use: IndexedDB may be missing (e.g. some private modes), then calls reject. */
const models = () => (idb ??= createStore('autoencoder-lab', 'models'));
let budget = MODEL_STORAGE_BUDGET;

/** Test builds: a smaller budget, to see eviction with small models. */
export function setStorageBudget(bytes: number): void {
  budget = bytes;
}

/** This tab, across its reloads (sessionStorage), so a reloaded tab still owns what it saved. */
export const TAB_ID: string = (() => {
  const fresh = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`);
  try {
    const kept = sessionStorage.getItem('autoencoder-lab/tab');
    if (kept) return kept;
    const id = fresh();
    sessionStorage.setItem('autoencoder-lab/tab', id);
    return id;
  } catch {
    return fresh();
  }
})();

/** Runs `fn` holding the models' lock (tabs take turns); without Web Locks, just runs it. */
function locked<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (locks.request(LOCK, fn) as Promise<T>) : fn();
}

/** Whether IndexedDB opens here at all (false in a private mode that blocks it, or a blocked origin). */
export async function storageAvailable(): Promise<boolean> {
  try {
    await get(INDEX_KEY, models());
    return true;
  } catch {
    return false;
  }
}

/** Bytes a snapshot takes: its weights and optimizer slots, float32. */
export function snapshotBytes(snapshot: ModelSnapshot): number {
  const floats = (list: readonly { data: ArrayLike<number> }[] | undefined) => (list ?? []).reduce((n, t) => n + (t.data?.length ?? 0), 0);
  return 4 * (floats(snapshot.weights) + floats(snapshot.optimizer?.slots));
}

/** The index, built from the records themselves the first time (models main saved before it existed). */
async function readIndex(store: UseStore): Promise<StorageIndex> {
  const index = await get<unknown>(INDEX_KEY, store);
  if (isStorageIndex(index)) return structuredClone(index);
  const built: StorageIndex = structuredClone(EMPTY_INDEX);
  for (const key of await keys<string>(store)) {
    if (typeof key !== 'string' || !key.startsWith('model:')) continue;
    const record = await get<Partial<SavedRun>>(key, store).catch(() => undefined);
    const bytes = record?.snapshot?.weights ? snapshotBytes(record.snapshot) : 0;
    built.entries[key] = { bytes, usedAt: record?.savedAt ?? 0, step: record?.step ?? 0 };
  }
  return built;
}

export type SaveOutcome = { saved: true; record: SavedRun; evicted: string[] } | { saved: false; reason: 'newerKept' };

/**
 * Saves the snapshot under its own configuration's key with the history up to its step. A
 * record of a further-trained model stays (outcome 'newerKept') unless `replace` (an imported
 * file: the reader chose it). Then the least recently used models go until all fit the budget.
 */
export async function saveRun(snapshot: ModelSnapshot, history: readonly LossPoint[], options: { replace?: boolean } = {}): Promise<SaveOutcome> {
  const store = models();
  const key = configKey(snapshot.config);
  return locked(async () => {
    const index = await readIndex(store);
    const before = index.entries[key];
    if (before && before.step > snapshot.step && !options.replace) return { saved: false, reason: 'newerKept' } as const;
    const record: SavedRun = {
      version: RECORD_VERSION,
      key,
      savedAt: Date.now(),
      step: snapshot.step,
      snapshot,
      history: history.filter((p) => p.step <= snapshot.step),
    };
    await set(key, record, store);
    index.entries[key] = { bytes: snapshotBytes(snapshot), usedAt: record.savedAt, step: record.step, owner: TAB_ID };
    const evicted = evictions(index, key, budget);
    for (const k of evicted) {
      await del(k, store);
      delete index.entries[k];
    }
    await set(INDEX_KEY, index, store);
    return { saved: true, record, evicted };
  });
}

/**
 * The saved run of `config`, if any. A record that is damaged or holds another configuration's
 * model is removed and reported (RecordSkipped): a model is restored only into its own settings.
 */
export async function loadRun(config: LabConfig): Promise<SavedRun | undefined> {
  const store = models();
  const key = configKey(config);
  const record = await get<unknown>(key, store);
  if (record === undefined) return undefined;
  const run = record as Partial<SavedRun>;
  const why =
    typeof record !== 'object' || record === null || run.version !== RECORD_VERSION || !Array.isArray(run.history)
      ? 'not a saved model of this lab'
      : !checkSnapshot(run.snapshot, config).ok
        ? 'its model does not fit these settings'
        : !sameConfig(run.snapshot!.config, config)
          ? 'it holds the model of other settings'
          : undefined;
  if (why) {
    await locked(async () => {
      await del(key, store);
      const index = await readIndex(store);
      delete index.entries[key];
      await set(INDEX_KEY, index, store);
    }).catch(() => undefined);
    throw new RecordSkipped(key, why);
  }
  await locked(async () => {
    const index = await readIndex(store);
    const entry = index.entries[key];
    if (!entry) return;
    entry.usedAt = Date.now();
    await set(INDEX_KEY, index, store);
  }).catch(() => undefined);
  return record as SavedRun;
}

/** Forgets the saved run of `config` if this tab saved it last (another tab's model stays). */
export async function forgetRun(config: LabConfig): Promise<void> {
  const store = models();
  const key = configKey(config);
  await locked(async () => {
    const index = await readIndex(store);
    const entry = index.entries[key];
    if (entry?.owner !== undefined && entry.owner !== TAB_ID) return;
    await del(key, store);
    delete index.entries[key];
    await set(INDEX_KEY, index, store);
  });
}
