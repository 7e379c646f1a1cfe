/**
 * The few headings LessonText puts around a lesson's own text, per locale. They belong with the
 * UI strings in src/i18n once lessons are wired into the page; kept here until then.
 */
import type { PerLocale } from './types';

export interface LessonLabels {
  tryThis: string;
  claim: string;
}

export const LESSON_LABELS: PerLocale<LessonLabels> = {
  en: { tryThis: 'Try this', claim: 'What the lab measures' },
  'zh-Hans': { tryThis: '动手试试', claim: '实验室实时检验的结论' },
  'zh-Hant': { tryThis: '動手試試看', claim: '實驗室即時檢驗的結論' },
};
