/**
 * Every UI string and every lesson text exists in English, 简体中文 and 繁體中文. The test names
 * each missing key (a key i18next would show in English), each key a locale has that English
 * lacks, each string whose {{placeholders}} differ from English, each Chinese string left in
 * English, and characters of the other script (Simplified in Traditional and the reverse).
 */
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../lessons';
import { LESSON_LOCALES } from '../lessons/types';
import { en } from './locales/en';
import { zhHans } from './locales/zh-Hans';
import { zhHant } from './locales/zh-Hant';

type Tree = { readonly [key: string]: string | Tree };

/** Dotted key -> string, e.g. 'controls.state.idle' -> 'Ready'. */
function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/**
 * Strings that stay as they are in Chinese: names of functions and optimizers, symbols, and
 * templates made only of placeholders and symbols.
 */
const SAME_IN_CHINESE = new Set([
  'metrics.epoch',
  'metrics.none',
  'architecture.option.relu',
  'architecture.option.elu',
  'architecture.option.tanh',
  'architecture.option.sigmoid',
  'architecture.option.adam',
  'architecture.option.rmsprop',
  'latent.sliders.dimension',
  'exportCode.pytorch',
  'text.series.lsa',
  'text.series.lsaMap',
  'classroom.measures.baseline.lsa10',
  'variants.editor.sparseOption.relu',
  'variants.editor.sparseOption.sigmoid',
  'vae.kl',
  'messages.kinds.vq',
]);

const SIMPLIFIED_ONLY = '这们个数据网络码习对学图维压缩训练输层误时将会过还样点种发现实验问题说话读写画让请结单应该变类为动组离开几进标签处识显较边设择复链钮览贴';
const TRADITIONAL_ONLY = '這們個數據網絡碼習對學圖維壓縮訓練輸層誤時將會過還樣點種發現實驗問題說話讀寫畫讓請結單應該變類為動組離開幾進標籤處識顯較邊設擇複鏈鈕覽貼';
const charsFrom = (s: string, set: string) => [...new Set([...s].filter((c) => set.includes(c)))].join('');

const english = flatten(en);
const locales = { 'zh-Hans': flatten(zhHans), 'zh-Hant': flatten(zhHant) } as const;

describe.each(Object.entries(locales))('UI strings in %s', (locale, strings) => {
  it('has every English key and no other', () => {
    const missing = [...english.keys()].filter((k) => !strings.has(k));
    const extra = [...strings.keys()].filter((k) => !english.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('keeps the placeholders of each English string', () => {
    const differ = [...english].filter(([k, v]) => strings.has(k) && placeholders(v).join() !== placeholders(strings.get(k) ?? '').join()).map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it('translates every string (names and symbols excepted)', () => {
    const untranslated = [...english].filter(([k, v]) => strings.get(k) === v && !SAME_IN_CHINESE.has(k)).map(([k]) => k);
    expect(untranslated).toEqual([]);
    const empty = [...strings].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('writes in its own script', () => {
    const other = locale === 'zh-Hans' ? TRADITIONAL_ONLY : SIMPLIFIED_ONLY;
    const wrong = [...strings].map(([k, v]) => [k, charsFrom(v, other)] as const).filter(([, c]) => c !== '');
    expect(wrong).toEqual([]);
  });
});

describe('lesson texts', () => {
  it.each(LESSONS.map((l) => [l.id, l] as const))('%s is written in every locale', (_id, lesson) => {
    const missing: string[] = [];
    for (const locale of LESSON_LOCALES) {
      if (!lesson.title[locale]?.trim()) missing.push(`${locale}: title`);
      if (!lesson.body[locale]?.trim()) missing.push(`${locale}: body`);
      if (!lesson.claim.text[locale]?.trim()) missing.push(`${locale}: claim`);
      const steps = lesson.tryThis[locale] ?? [];
      if (steps.length !== lesson.tryThis.en.length || steps.some((s) => !s.trim())) missing.push(`${locale}: try-this steps`);
    }
    expect(missing).toEqual([]);
    for (const locale of ['zh-Hans', 'zh-Hant'] as const) {
      expect(lesson.title[locale]).not.toBe(lesson.title.en);
      expect(lesson.body[locale]).not.toBe(lesson.body.en);
    }
  });
});
