import { describe, expect, it } from 'vitest';
import { detectLocale, localeOfTag } from './detect';

describe('default language from navigator.languages', () => {
  it.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['zh_TW', 'zh-Hant'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['ZH-tw', 'zh-Hant'],
    ['en', 'en'],
    ['en-GB', 'en'],
  ])('%s -> %s', (tag, locale) => {
    expect(localeOfTag(tag)).toBe(locale);
    expect(detectLocale([tag])).toBe(locale);
  });

  it('takes the first language the lab speaks, else English', () => {
    expect(detectLocale(['fr-FR', 'zh-TW', 'en'])).toBe('zh-Hant');
    expect(detectLocale(['de', 'en-US', 'zh-CN'])).toBe('en');
    expect(detectLocale(['ja', 'ko'])).toBe('en');
    expect(detectLocale([])).toBe('en');
    expect(detectLocale(undefined)).toBe('en');
    // 'zhx' is not Chinese; junk entries are skipped.
    expect(detectLocale(['zhx', '', 'zh-HK'])).toBe('zh-Hant');
  });
});
