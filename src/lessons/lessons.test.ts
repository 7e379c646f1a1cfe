import { describe, expect, it } from 'vitest';
import { checkConfig, modelSetting } from '../core/config';
import { GRID_SIZES } from '../state/link';
import { FIRST_LESSON, findLesson, LESSONS, neighbours } from './index';
import { lessonConfig, lessonView } from './preset';
import { renderMarkdown, renderMarkdownInline } from './renderMarkdown';
import { EXPERIMENTS, MEASURE_IDS, PANEL_IDS } from './catalog';
import { CONTROL_GROUPS, LESSON_LOCALES, type Lesson } from './types';

/** Prose words of English Markdown, math left out. */
function englishWords(md: string): number {
  const prose = md.replace(/\$\$[\s\S]*?\$\$/g, ' ').replace(/\$[^$\n]+\$/g, ' ');
  return prose.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}
const hanCount = (s: string) => s.match(/\p{Script=Han}/gu)?.length ?? 0;

// Characters that exist only in one script; each side must not use the other's.
const SIMPLIFIED_ONLY = '这们个数据网络码习对学图维压缩训练输层误时将会过还样点种发现实验问题说话读写画让请结单应该变类为动组离开几进标签处识显较边';
const TRADITIONAL_ONLY = '這們個數據網絡碼習對學圖維壓縮訓練輸層誤時將會過還樣點種發現實驗問題說話讀寫畫讓請結單應該變類為動組離開幾進標籤處識顯較邊';
const charsFrom = (s: string, set: string) => [...new Set([...s].filter((c) => set.includes(c)))];

function allText(l: Lesson, locale: (typeof LESSON_LOCALES)[number]): string {
  return [l.title[locale], l.body[locale], ...l.tryThis[locale], l.claim.text[locale]].join('\n');
}

describe('lesson registry', () => {
  it('finds the four lessons of issue 3 by folder, in order', () => {
    // Issue 3's four lessons come first; the variants of issue 4, then the applications of issue 5.
    expect(LESSONS.map((l) => l.id).slice(0, 4)).toEqual(['what-is-an-autoencoder', 'pca-vs-deep', 'two-d-map', 'generating-from-the-code']);
    expect(LESSONS.map((l) => l.order).slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(LESSONS.map((l) => l.id)).toContain('denoising');
    expect(LESSONS.map((l) => l.id)).toContain('contractive');
    expect(LESSONS.map((l) => l.id)).toContain('similar-image-search');
    expect(LESSONS.findIndex((l) => l.id === 'denoising')).toBeLessThan(LESSONS.findIndex((l) => l.id === 'similar-image-search'));
    // The page shows the order as the lesson's number: 1, 2, 3 ... without gaps.
    expect(LESSONS.map((l) => l.order)).toEqual(LESSONS.map((_, i) => i + 1));
    expect(LESSONS.map((l) => l.id)).toContain('anomaly-detection');
    expect(FIRST_LESSON.id).toBe('what-is-an-autoencoder');
    const folders = import.meta.glob('./*/lesson.ts');
    for (const l of LESSONS) expect(Object.keys(folders)).toContain(`./${l.id}/lesson.ts`);
  });

  it('looks lessons up by id and gives neighbours', () => {
    expect(findLesson('two-d-map')?.order).toBe(3);
    expect(findLesson('nope')).toBeUndefined();
    expect(findLesson('__proto__')).toBeUndefined();
    expect(neighbours('what-is-an-autoencoder')).toEqual({ previous: undefined, next: LESSONS[1] });
    expect(neighbours('generating-from-the-code')).toEqual({ previous: LESSONS[2], next: LESSONS[4] });
    expect(neighbours(LESSONS[LESSONS.length - 1].id).next).toBeUndefined();
    expect(neighbours('nope')).toEqual({});
  });
});

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  it('has a preset that passes checkConfig and a valid view', () => {
    const r = checkConfig(lessonConfig(lesson));
    expect(r.ok ? [] : r.problems).toEqual([]);
    const view = lessonView(lesson);
    expect(GRID_SIZES).toContain(view.gridSize);
    if (lesson.preset.model?.codeL2 !== undefined) expect(lesson.preset.model.codeL2).toBeGreaterThan(0);
  });

  it('shows known control groups, each once', () => {
    for (const c of lesson.controls) expect(CONTROL_GROUPS).toContain(c);
    expect(new Set(lesson.controls).size).toBe(lesson.controls.length);
    expect(lesson.controls).toContain('run');
  });

  it('names its experiment, known panels and measures, each once; the claim reads its own measures', () => {
    expect(EXPERIMENTS).toContain(lesson.experiment);
    expect(lesson.panels.length).toBeGreaterThan(0);
    for (const p of lesson.panels) expect(PANEL_IDS).toContain(p);
    expect(new Set(lesson.panels).size).toBe(lesson.panels.length);
    for (const m of lesson.measures) expect(MEASURE_IDS).toContain(m);
    expect(new Set(lesson.measures).size).toBe(lesson.measures.length);
    expect(lesson.measures).toContain(lesson.claim.check.metric);
    if (lesson.claim.check.guard) expect(lesson.measures).toContain(lesson.claim.check.guard.metric);
  });

  it.each(LESSON_LOCALES)('is complete in %s, and its math renders', (locale) => {
    expect(lesson.title[locale].trim()).not.toBe('');
    expect(lesson.claim.text[locale].trim()).not.toBe('');
    expect(lesson.tryThis[locale].length).toBe(lesson.tryThis.en.length);
    expect(lesson.tryThis.en.length).toBeGreaterThanOrEqual(3);
    const body = renderMarkdown(lesson.body[locale]);
    expect(body).toContain('class="katex"');
    expect(body).not.toContain('katex-error');
    expect(body).not.toMatch(/\$/); // every dollar was math
    for (const step of lesson.tryThis[locale]) {
      expect(step.trim()).not.toBe('');
      expect(renderMarkdownInline(step)).not.toContain('katex-error');
    }
  });

  it('is 250-500 words long in every locale', () => {
    const en = englishWords(lesson.body.en);
    expect(en).toBeGreaterThanOrEqual(250);
    expect(en).toBeLessThanOrEqual(500);
    // About 1.3-1.8 Han characters per English word: 400-1000 characters of Chinese.
    for (const locale of ['zh-Hans', 'zh-Hant'] as const) {
      expect(hanCount(lesson.body[locale])).toBeGreaterThanOrEqual(400);
      expect(hanCount(lesson.body[locale])).toBeLessThanOrEqual(1000);
    }
  });

  it('keeps Simplified and Traditional Chinese apart', () => {
    expect(charsFrom(allText(lesson, 'zh-Hant'), SIMPLIFIED_ONLY)).toEqual([]);
    expect(charsFrom(allText(lesson, 'zh-Hans'), TRADITIONAL_ONLY)).toEqual([]);
  });
});

describe('the lessons hold the paper\'s numbers', () => {
  it.each(LESSON_LOCALES)('pca-vs-deep in %s', (locale) => {
    const body = findLesson('pca-vs-deep')?.body[locale] ?? '';
    expect(body).toContain('13.87');
    expect(body).toContain('3.00');
    expect(body).toContain('784 \\to 1000 \\to 500 \\to 250 \\to 30');
    expect(body).toContain('2006');
  });

  it('lesson presets have the code sizes issue 3 asks for', () => {
    const code = (id: string) => {
      const l = findLesson(id);
      return l && lessonConfig(l).model.codeSize;
    };
    expect([code('what-is-an-autoencoder'), code('pca-vs-deep'), code('two-d-map'), code('generating-from-the-code')]).toEqual([2, 30, 2, 2]);
    expect(modelSetting(lessonConfig(findLesson('generating-from-the-code')!).model, 'codeL2')).toBeGreaterThan(0);
  });
});
