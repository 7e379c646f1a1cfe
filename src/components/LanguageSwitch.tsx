import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale, isLocale, LOCALE_NAMES, LOCALES } from '../i18n';
import './LanguageSwitch.css';

/**
 * English, 简体中文, 繁體中文, each named in its own script. Changing it re-renders the page in
 * that language, sets <html lang> (i18n/index.ts) and rewrites the link (state/linkSync.ts).
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const value = isLocale(i18n.language) ? i18n.language : currentLocale();
  return (
    <div className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('classroom.language.label')}
      </label>
      <span aria-hidden="true" className="language-switch-icon">
        文A
      </span>
      <select
        id={id}
        data-testid="language-switch"
        value={value}
        title={t('classroom.language.label')}
        onChange={(e) => {
          if (isLocale(e.target.value)) void i18n.changeLanguage(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
