/**
 * The page's default language from the browser's preference list (navigator.languages).
 * Pure, so it is tested in Node.
 */
import type { Locale } from './locale';

/** Regions whose written Chinese is Traditional (Taiwan, Hong Kong, Macau). */
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/** The lab's locale for one BCP 47 tag, or undefined when the lab does not speak it. */
export function localeOfTag(tag: string): Locale | undefined {
  const parts = tag.trim().toLowerCase().replace(/_/g, '-').split('-');
  if (parts[0] === 'en') return 'en';
  if (parts[0] !== 'zh') return undefined;
  const rest = parts.slice(1);
  if (rest.includes('hant')) return 'zh-Hant';
  if (rest.includes('hans')) return 'zh-Hans';
  return rest.some((p) => TRADITIONAL_REGIONS.has(p)) ? 'zh-Hant' : 'zh-Hans';
}

/**
 * The first language in the reader's list that the lab speaks: zh-TW / zh-HK / zh-MO / zh-Hant
 * give Traditional, any other Chinese gives Simplified, English gives English; 'en' when none.
 */
export function detectLocale(languages: readonly string[] | undefined): Locale {
  for (const tag of languages ?? []) {
    const locale = typeof tag === 'string' ? localeOfTag(tag) : undefined;
    if (locale) return locale;
  }
  return 'en';
}
