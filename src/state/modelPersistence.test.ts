import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig } from '../core/config';
import { canonicalJson, configKey, isQuotaError } from './modelPersistence';

/** The same object with its keys in reverse order at every level. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)])) as T;
  }
  return value;
}

describe('configKey', () => {
  it('does not depend on the order of keys', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(configKey(reversedKeys(DEFAULT_CONFIG))).toBe(configKey(DEFAULT_CONFIG));
  });

  it('differs for every setting that makes another model', () => {
    const variants: LabConfig[] = [
      { ...DEFAULT_CONFIG, train: { ...DEFAULT_CONFIG.train, seed: DEFAULT_CONFIG.train.seed + 1 } },
      { ...DEFAULT_CONFIG, train: { ...DEFAULT_CONFIG.train, learningRate: DEFAULT_CONFIG.train.learningRate / 2 } },
      { ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, codeSize: DEFAULT_CONFIG.model.codeSize + 1 } },
      { ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, loss: DEFAULT_CONFIG.model.loss === 'bce' ? 'mse' : 'bce' } },
    ];
    const keys = new Set([configKey(DEFAULT_CONFIG), ...variants.map(configKey)]);
    expect(keys.size).toBe(variants.length + 1);
    for (const k of keys) expect(k).toMatch(/^model:[0-9a-z]+$/);
  });

  it('fills defaults first: a config without an optional field shares the key of one that states its default', () => {
    const { codeL2, ...rest } = DEFAULT_CONFIG.model;
    expect(codeL2).toBe(0);
    const without = { ...DEFAULT_CONFIG, model: rest } as unknown as LabConfig;
    expect(configKey(without)).toBe(configKey(DEFAULT_CONFIG));
  });
});

describe('configKey and the variants (issue 4)', () => {
  it('a plain model keeps the key it had before the variant fields existed; a variant gets its own', () => {
    // Pinned from the code before the variants (commit 5c3eabc): saved models are still found.
    expect(configKey(DEFAULT_CONFIG)).toBe('model:pg8a9z47qf');
    const keys = new Set([
      configKey(DEFAULT_CONFIG),
      configKey({ ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, noise: 'mask' } }),
      configKey({ ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, noise: 'mask', noiseLevel: 0.3 } }),
      configKey({ ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, noiseLevel: 0.3 } }),
      configKey({ ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, encoderLayers: [64], contractive: 0.001 } }),
      configKey({ ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, encoderLayers: [64] } }),
      configKey({ ...DEFAULT_CONFIG, train: { ...DEFAULT_CONFIG.train, normalDigits: [0] } }),
    ]);
    expect(keys.size).toBe(7);
  });
});

describe('isQuotaError', () => {
  it('knows the quota error by name and nothing else', () => {
    expect(isQuotaError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new DOMException('Aborted', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Error('network down'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });
});
