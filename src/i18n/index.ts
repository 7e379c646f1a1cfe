/**
 * i18next set-up. UI strings live in locales/*.ts as nested objects; components call
 * `const { t } = useTranslation(); t('controls.train')`. A missing key falls back to English.
 * The first language comes from the browser (detect.ts); a lesson link may switch it
 * (src/state/linkSync.ts). <html lang> follows the language.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLocale } from './detect';
import { isLocale, LOCALES, type Locale } from './locale';
import { en } from './locales/en';
import { zhHans } from './locales/zh-Hans';
import { zhHant } from './locales/zh-Hant';

export { isLocale, LOCALE_NAMES, LOCALES, type Locale } from './locale';

/** The language the page shows now. */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

const browserLanguages = typeof navigator === 'undefined' ? undefined : navigator.languages;

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-Hans': { translation: zhHans }, 'zh-Hant': { translation: zhHant } },
  lng: detectLocale(browserLanguages),
  supportedLngs: [...LOCALES],
  fallbackLng: 'en',
  // 'zh-Hant' must not fall back through a bare 'zh', which has no strings.
  load: 'currentOnly',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

function setHtmlLang(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = isLocale(lng) ? lng : 'en';
}
setHtmlLang(i18n.language);
i18n.on('languageChanged', setHtmlLang);

export default i18n;
