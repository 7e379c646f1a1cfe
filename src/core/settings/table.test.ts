import { describe, expect, it } from 'vitest';
import { checkConfig, DEFAULT_CONFIG, LIMITS } from '../config';
import { MODEL_ROWS } from './modelRows';
import type { Range } from './row';
import { LIVE_SETTINGS, rowAtPath, SETTINGS } from './table';
import { TRAIN_DEFAULTS, TRAIN_ROWS } from './trainRows';

describe('the settings table', () => {
  it('has one row per setting, each id and link key once', () => {
    const ids = SETTINGS.map((r) => `${r.part}.${r.id}`);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = SETTINGS.map((r) => r.link.key);
    expect(new Set(keys).size).toBe(keys.length);
    // Every field of a LabConfig of every part has its row.
    for (const id of Object.keys(DEFAULT_CONFIG.model)) expect(rowAtPath(`model.${id}`)?.id).toBe(id);
    for (const id of Object.keys(DEFAULT_CONFIG.train)) expect(rowAtPath(`train.${id}`)?.id).toBe(id);
  });

  it.each(SETTINGS.map((r) => [`${r.part}.${r.id}`, r] as const))('%s: its default passes its schema and the link reads back what it writes', (_, row) => {
    expect(row.schema.safeParse(row.default).success).toBe(true);
    const text = row.link.format(row.default);
    const back = row.link.codec.safeParse(text);
    expect(back.success && back.data).toEqual(row.default);
  });

  it('numbers: the schema takes the limits and nothing beyond them; the input kind says int or decimal', () => {
    for (const row of SETTINGS.filter((r) => r.input.kind === 'int' || r.input.kind === 'decimal')) {
      const { min, max } = row.limits as Range;
      expect(row.schema.safeParse(min).success).toBe(true);
      expect(row.schema.safeParse(max).success).toBe(true);
      expect(row.schema.safeParse(max + (row.input.kind === 'int' ? 1 : max * 1e-3 + 1e-6)).success).toBe(false);
      expect(row.schema.safeParse(min - (row.input.kind === 'int' ? 1 : 1e-6)).success).toBe(false);
      if (row.input.kind === 'int' && max - min >= 1) expect(row.schema.safeParse(min + 0.5).success).toBe(false);
    }
  });

  it('enums: the editor offers exactly the options the schema takes', () => {
    for (const row of SETTINGS) {
      if (row.input.kind !== 'enum') continue;
      for (const o of row.input.options) expect(row.schema.safeParse(o).success).toBe(true);
      expect(row.schema.safeParse('no-such-option').success).toBe(false);
    }
  });

  it('LIMITS are the rows\' limits', () => {
    expect(LIMITS.learningRate).toEqual(TRAIN_ROWS.learningRate.limits);
    expect(LIMITS.codeSize).toEqual(MODEL_ROWS.codeSize.limits);
    expect(LIMITS.layerWidth).toEqual({ min: 1, max: 2000 });
    expect(LIMITS.encoderLayers.max).toBe(4);
    expect(LIMITS.convStages).toEqual({ min: 1, max: 2 });
  });

  it('the live rows are the training speed, the penalty weights and the noise level (engines read them per step)', () => {
    expect(LIVE_SETTINGS.map((r) => r.id).sort()).toEqual(
      ['batchSize', 'beta', 'codeL2', 'commitment', 'contractive', 'learningRate', 'momentum', 'noiseLevel', 'sparsityWeight'].sort(),
    );
  });

  it('the training defaults are the free lab\'s', () => {
    expect(TRAIN_DEFAULTS).toEqual(DEFAULT_CONFIG.train);
    expect(checkConfig(DEFAULT_CONFIG)).toEqual({ ok: true, config: DEFAULT_CONFIG });
  });
});
