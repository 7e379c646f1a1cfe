import { useTranslation } from 'react-i18next';
import { experimentOf, findLesson } from '../lessons';
import { CONTROL_GROUPS, type ControlGroup } from '../lessons/types';
import { useLab } from '../state/store';
import { CopyLink } from './CopyLink';
import { teacherGroups } from './panels/pagePanels';
import { PANELS } from './panels/registry';
import './TeacherPanel.css';

/**
 * Control groups the page renders, so the ones a teacher can usefully tick. 'pcaCompare'
 * (side-by-side PCA views) has no view yet; links still carry its `_hide` key.
 */
export const TEACHER_GROUPS: readonly ControlGroup[] = CONTROL_GROUPS.filter((g) => g !== 'pcaCompare');

/**
 * Teacher mode: a checklist of the control groups students see. Unticking one removes it from
 * the page at once (what the teacher sees is what students get) and from the link's
 * `<group>_hide` keys; then Copy link.
 */
export function TeacherPanel() {
  const { t } = useTranslation();
  const open = useLab((s) => s.teacherMode);
  const hidden = useLab((s) => s.hidden);
  const lessonId = useLab((s) => s.lessonId);
  const setHidden = useLab((s) => s.setHidden);
  const setTeacherMode = useLab((s) => s.setTeacherMode);
  if (!open) return null;

  const lesson = findLesson(lessonId);
  // The groups that change something on this page (no MNIST panel's group in the text lesson).
  const groups = teacherGroups(PANELS, experimentOf(lessonId), TEACHER_GROUPS);
  const lessonHidden = lesson ? CONTROL_GROUPS.filter((g) => !lesson.controls.includes(g)) : [];
  const toggle = (group: ControlGroup, shown: boolean) => {
    const next = new Set(hidden);
    if (shown) next.delete(group);
    else next.add(group);
    setHidden(CONTROL_GROUPS.filter((g) => next.has(g)));
  };
  const hiddenCount = groups.filter((g) => hidden.includes(g)).length;

  return (
    <section className="teacher-panel" aria-labelledby="teacher-panel-title" data-testid="teacher-panel">
      <div className="teacher-panel-head">
        <h2 id="teacher-panel-title">{t('classroom.teacher.title')}</h2>
        <p className="teacher-panel-intro">{t('classroom.teacher.intro')}</p>
      </div>
      <fieldset className="teacher-groups">
        <legend>
          {t('classroom.teacher.groupsLabel')}{' '}
          <span className="teacher-count">({t('classroom.teacher.hiddenCount', { hidden: hiddenCount, total: groups.length })})</span>
        </legend>
        <ul>
          {groups.map((g) => (
            <li key={g}>
              <label className="checkbox">
                <input type="checkbox" checked={!hidden.includes(g)} onChange={(e) => toggle(g, e.target.checked)} data-testid={`teacher-group-${g}`} />
                {t(`classroom.teacher.groups.${g}`)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="teacher-actions">
        <button type="button" className="button" onClick={() => setHidden([])} disabled={hiddenCount === 0}>
          {t('classroom.teacher.showAll')}
        </button>
        {lesson && (
          <button type="button" className="button" onClick={() => setHidden(lessonHidden)}>
            {t('classroom.teacher.lessonDefaults')}
          </button>
        )}
        <CopyLink testId="teacher-copy-link" />
        <button type="button" className="button button--primary teacher-done" onClick={() => setTeacherMode(false)} data-testid="teacher-done">
          {t('classroom.teacher.close')}
        </button>
      </div>
    </section>
  );
}

/** The footer's way into teacher mode: always rendered, whatever the teacher hid. */
export function TeacherModeToggle() {
  const { t } = useTranslation();
  const open = useLab((s) => s.teacherMode);
  const setTeacherMode = useLab((s) => s.setTeacherMode);
  return (
    <button
      type="button"
      className="teacher-toggle"
      aria-pressed={open}
      title={t('classroom.teacher.openHint')}
      onClick={() => {
        setTeacherMode(!open);
        if (!open) window.scrollTo({ top: 0 });
      }}
      data-testid="teacher-mode"
    >
      {t('classroom.footer.teacher')}
    </button>
  );
}
