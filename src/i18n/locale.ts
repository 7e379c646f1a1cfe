/**
 * The languages the lab speaks, as plain data: no i18next here, so detect.ts, the lessons and
 * Node tests read them without starting the translator (index.ts does that).
 */
export const LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in its own script, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
