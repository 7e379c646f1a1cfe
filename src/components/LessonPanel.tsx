import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { findLesson, neighbours } from '../lessons';
import { useLab } from '../state/store';
import { ClaimStatus } from './ClaimStatus';
import { lessonHref } from './LessonNavigator';
import { LessonText } from './LessonText';
import { MeasureList } from './MeasureList';
import { PredictionCard } from './PredictionCard';
import './LessonPanel.css';

/**
 * The open lesson's text beside the lab: title, body, "try this" steps, the claim with its
 * live check, and links to the previous and next lessons. The free lab gets a short note.
 */
export function LessonPanel({ onHide }: { onHide: () => void }) {
  const { t } = useTranslation();
  const lessonId = useLab((s) => s.lessonId);
  const lesson = findLesson(lessonId);
  const locale = currentLocale();
  const { previous, next } = neighbours(lessonId);

  return (
    <aside className="lesson-panel panel" aria-label={t('classroom.panel.label')} data-testid="lesson-panel">
      <button type="button" className="button button--quiet lesson-panel-hide" onClick={onHide} title={t('classroom.panel.hide')}>
        <span aria-hidden="true">«</span>
        <span className="visually-hidden">{t('classroom.panel.hide')}</span>
      </button>
      {lesson ? (
        <LessonText
          lesson={lesson}
          locale={locale}
          question={<PredictionCard lesson={lesson} />}
          claimStatus={
            <>
              <ClaimStatus lesson={lesson} />
              <MeasureList lesson={lesson} />
            </>
          }
        />
      ) : (
        <div className="lesson-free" data-testid="lesson-text">
          <h2 className="lesson-title">{t('classroom.panel.freeLabTitle')}</h2>
          <p>{t('classroom.panel.freeLabText')}</p>
        </div>
      )}
      {(previous || next) && (
        <nav className="lesson-pager" aria-label={t('classroom.nav.pager')}>
          {previous && (
            <a className="lesson-pager-link lesson-pager-link--previous" href={lessonHref(previous.id)} data-testid="lesson-previous">
              <span className="lesson-pager-dir">← {t('classroom.nav.previous')}</span>
              <span className="lesson-pager-title">{previous.title[locale]}</span>
            </a>
          )}
          {next && (
            <a className="lesson-pager-link lesson-pager-link--next" href={lessonHref(next.id)} data-testid="lesson-next">
              <span className="lesson-pager-dir">{t('classroom.nav.next')} →</span>
              <span className="lesson-pager-title">{next.title[locale]}</span>
            </a>
          )}
        </nav>
      )}
    </aside>
  );
}
