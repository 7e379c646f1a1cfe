import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { LESSONS } from '../lessons';
import { defaultLinkState, FREE_LAB, serializeLink } from '../state/link';
import { useLab } from '../state/store';
import './LessonNavigator.css';

/**
 * The href that opens a lesson with its preset and default controls, in the current language.
 * Real links: following one fires hashchange (state/linkSync.ts applies it), and a teacher can
 * open a lesson in a new tab or copy its address from the context menu.
 */
export function lessonHref(lessonId: string): string {
  return `#${serializeLink(defaultLinkState(lessonId, currentLocale()))}`;
}

/** The lesson list under the header: every lesson by number and title, then the free lab. */
export function LessonNavigator() {
  // useTranslation re-renders on a language change, which rewrites every href.
  const { t } = useTranslation();
  const lessonId = useLab((s) => s.lessonId);
  const locale = currentLocale();

  return (
    <nav className="lesson-nav" aria-label={t('classroom.nav.label')} data-testid="lesson-nav">
      <span className="lesson-nav-label" aria-hidden="true">
        {t('classroom.nav.label')}
      </span>
      <ol className="lesson-nav-list">
        {LESSONS.map((l) => (
          <li key={l.id}>
            <a
              className="lesson-nav-link"
              href={lessonHref(l.id)}
              aria-current={l.id === lessonId ? 'page' : undefined}
              data-testid={`lesson-link-${l.id}`}
              title={l.title[locale]}
            >
              <span className="lesson-nav-number" aria-hidden="true">
                {l.order}
              </span>
              <span className="visually-hidden">{t('classroom.nav.lessonNumber', { n: l.order })}: </span>
              <span className="lesson-nav-title">{l.title[locale]}</span>
            </a>
          </li>
        ))}
        <li className="lesson-nav-free">
          <a
            className="lesson-nav-link"
            href={lessonHref(FREE_LAB)}
            aria-current={lessonId === FREE_LAB ? 'page' : undefined}
            title={t('classroom.nav.freeLabHint')}
            data-testid={`lesson-link-${FREE_LAB}`}
          >
            <span className="lesson-nav-title">{t('classroom.nav.freeLab')}</span>
          </a>
        </li>
      </ol>
    </nav>
  );
}
