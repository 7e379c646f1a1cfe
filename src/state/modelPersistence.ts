/**
 * Nothing lost: the trained model of each configuration is kept in IndexedDB (savedModels.ts),
 * keyed by a stable hash of its LabConfig (this file), together with the loss chart's history.
 *
 * Saving happens on the page side: the history lives in the page's store, a full quota is a
 * notice in the page, and the worker only hands over a snapshot (its Float32Arrays transferred)
 * when asked, so training never waits for the disk. Pure bookkeeping, no React, no tfjs.
 */
import { checkConfig, fullConfig, type LabConfig } from '../core/config';
import { canonicalJson } from '../core/configIdentity';

export { canonicalJson } from '../core/configIdentity';
import { MODEL_ROWS, type ModelSettingId } from '../core/settings/modelRows';

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
