/**
 * Predict, then run: the judge decides from numbers alone, and every lesson asks one question
 * whose choices a live measurement of that lesson can decide (no answer is written anywhere).
 */
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../core/config';
import { kindOf } from '../core/kinds/registry';
import { LESSONS } from './index';
import { extremeChoice, judgePrediction, rangeIndex, trialKey, type LessonPrediction } from './prediction';
import { lessonConfig } from './preset';
import { LESSON_LOCALES, type Lesson } from './types';

const text = (en: string) => ({ en, 'zh-Hans': en, 'zh-Hant': en });
const RANGE: LessonPrediction = {
  question: text('How much?'),
  choices: [{ id: 'low', text: text('low') }, { id: 'mid', text: text('mid') }, { id: 'high', text: text('high') }],
  judge: { kind: 'range', measure: 'testSquaredError', of: 'ratio', bounds: [0.8, 1], epoch: 2 },
};

describe('judging a prediction from the numbers', () => {
  it('splits an axis into half-open ranges', () => {
    expect([0.5, 0.8, 0.9, 1, 3].map((x) => rangeIndex([0.8, 1], x))).toEqual([0, 1, 1, 2, 2]);
    expect(rangeIndex([], 7)).toBe(0);
  });

  it('waits for the epoch and the value, then names the range the value falls in', () => {
    expect(judgePrediction(RANGE, { kind: 'value', epoch: 1.9, value: 0.5 })).toEqual({ state: 'pending', reason: 'training' });
    expect(judgePrediction(RANGE, { kind: 'value', epoch: 2.1 })).toEqual({ state: 'pending', reason: 'waiting' });
    expect(judgePrediction(RANGE, { kind: 'value', epoch: 2.1, value: Number.NaN })).toEqual({ state: 'pending', reason: 'waiting' });
    expect(judgePrediction(RANGE, { kind: 'value', epoch: 2.1, value: 0.93 })).toEqual({ state: 'measured', right: 'mid' });
    expect(judgePrediction(RANGE, { kind: 'value', epoch: 2, value: 1.2 })).toEqual({ state: 'measured', right: 'high' });
  });

  it('picks the lowest or highest part, only once every choice has a finite number', () => {
    const choices = [{ id: '1', text: text('1') }, { id: '8', text: text('8') }, { id: '9', text: text('9') }];
    const items: Record<string, number | undefined> = { '1': 0.99, '8': 0.89, '9': 0.95 };
    expect(extremeChoice(choices, (c) => items[c.id], 'min')).toBe('8');
    expect(extremeChoice(choices, (c) => items[c.id], 'max')).toBe('1');
    expect(extremeChoice(choices, (c) => ({ ...items, '9': undefined })[c.id], 'min')).toBeUndefined();
    expect(extremeChoice(choices, (c) => ({ ...items, '9': Number.NaN })[c.id], 'min')).toBeUndefined();
    const p: LessonPrediction = { question: text('?'), choices, judge: { kind: 'extreme', items: 'anomalyDigits', pick: 'min', epoch: 1 } };
    expect(judgePrediction(p, { kind: 'items', epoch: 1.2, items })).toEqual({ state: 'measured', right: '8' });
    expect(judgePrediction(p, { kind: 'items', epoch: 0.4, items })).toEqual({ state: 'pending', reason: 'training' });
  });

  it('compares a setting question only when every value has a run', () => {
    const p: LessonPrediction = {
      question: text('?'),
      choices: [{ id: 'a', text: text('a'), value: 0.001 }, { id: 'b', text: text('b'), value: 0 }],
      judge: { kind: 'setting', setting: 'contractive', measure: 'relativeSensitivity', pick: 'min', epoch: 3 },
    };
    const run = (value: number) => ({ epoch: 3.1, value });
    expect(judgePrediction(p, { kind: 'trials', trials: { [trialKey(0.001)]: run(0.018) } })).toEqual({ state: 'pending', reason: 'trials' });
    expect(judgePrediction(p, { kind: 'trials', trials: { '0.001': run(0.018), '0': run(0.026) } })).toEqual({ state: 'measured', right: 'a' });
    expect(judgePrediction(p, { kind: 'trials', trials: { '0.001': run(0.03), '0': run(0.026) } })).toEqual({ state: 'measured', right: 'b' });
  });
});

/** The parts a measurement with parts has for a lesson (state/predictionReading.ts reads them). */
function partsOf(lesson: Lesson, items: string): string[] {
  if (items === 'anomalyDigits') {
    const normal = lessonConfig(lesson).train.normalDigits;
    return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => !normal.includes(d)).map(String);
  }
  return items === 'embeddingMaps' ? ['codes', 'pca2', 'pixels'] : ['vae', 'plainBox', 'plainPrior'];
}

const SIMPLIFIED_ONLY = '这们个数据网络码习对学图维压缩训练输层误时将会过还样点种发现实验问题说话读写画让请结单应该变类为动组离开几进标签处识显较边';
const TRADITIONAL_ONLY = '這們個數據網絡碼習對學圖維壓縮訓練輸層誤時將會過還樣點種發現實驗問題說話讀寫畫讓請結單應該變類為動組離開幾進標籤處識顯較邊';
const charsFrom = (s: string, set: string) => [...new Set([...s].filter((c) => set.includes(c)))];

describe.each(LESSONS.map((l) => [l.id, l] as const))('the question of lesson %s', (_id, lesson) => {
  const p = lesson.prediction;

  it('is asked in every language, in its own script, and shown by default', () => {
    for (const locale of LESSON_LOCALES) {
      expect(p.question[locale].trim()).not.toBe('');
      for (const c of p.choices) expect(c.text[locale].trim()).not.toBe('');
    }
    for (const locale of ['zh-Hans', 'zh-Hant'] as const) expect(p.question[locale]).not.toBe(p.question.en);
    const all = (locale: 'zh-Hans' | 'zh-Hant') => [p.question[locale], ...p.choices.map((c) => c.text[locale])].join('');
    expect(charsFrom(all('zh-Hans'), TRADITIONAL_ONLY)).toEqual([]);
    expect(charsFrom(all('zh-Hant'), SIMPLIFIED_ONLY)).toEqual([]);
    expect(lesson.controls).toContain('predict');
  });

  it('has choices the judge can decide between, from a measure the lesson reads', () => {
    const ids = p.choices.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const { judge } = p;
    expect(judge.epoch).toBeGreaterThan(0);
    if (judge.kind === 'range') {
      expect(p.choices.length).toBe(judge.bounds.length + 1);
      expect([...judge.bounds].sort((a, b) => a - b)).toEqual(judge.bounds);
      expect(new Set(judge.bounds).size).toBe(judge.bounds.length);
      expect(lesson.measures).toContain(judge.measure);
    } else if (judge.kind === 'extreme') {
      expect(partsOf(lesson, judge.items)).toEqual(expect.arrayContaining(ids));
    } else {
      expect(lesson.measures).toContain(judge.measure);
      const config = lessonConfig(lesson);
      expect(kindOf(config.model).settings).toContain(judge.setting);
      const values = p.choices.map((c) => c.value);
      // The lesson's own model is one of the runs compared; every other value is a valid model.
      expect(values.map(trialKey)).toContain(trialKey((config.model as unknown as Record<string, unknown>)[judge.setting] as number));
      for (const value of values) {
        expect(value).toBeDefined();
        expect(checkConfig({ ...config, model: { ...config.model, [judge.setting]: value } }).ok).toBe(true);
      }
    }
  });
});

it('every lesson asks one', () => {
  expect(LESSONS).toHaveLength(18);
  for (const l of LESSONS) expect(l.prediction.choices.length).toBeGreaterThan(1);
});
