import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Announcer } from '../components/Announcer';
import { BackendBadge } from '../components/BackendBadge';
import { Controls } from '../components/Controls';
import { CopyLink } from '../components/CopyLink';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LessonNavigator } from '../components/LessonNavigator';
import { LessonPanel } from '../components/LessonPanel';
import { Notices } from '../components/Notices';
import { LabPanels } from '../components/panels/LabPanels';
import { PresenterControls } from '../components/PresenterControls';
import { TeacherModeToggle, TeacherPanel } from '../components/TeacherPanel';
import { lab } from '../state/labBridge';
import { FREE_LAB } from '../state/link';
import { useLab } from '../state/store';
import { ShortcutHelp } from './ShortcutHelp';
import { useHeaderHeight } from './useHeaderHeight';
import { usePresenterView } from './usePresenterView';
import { useShortcuts } from './useShortcuts';

/**
 * The page: a header with the title, the training controls of the open lesson's experiment and
 * the backend (always in view), the classroom row, messages, then the lesson beside the lab's
 * panels in the lesson's order (components/panels: the registry and the selection).
 */
export function App() {
  const { t } = useTranslation();
  // boot() is idempotent: StrictMode's second effect run reuses the first worker.
  useEffect(() => {
    void lab.boot();
  }, []);
  useShortcuts();
  usePresenterView();
  const [lessonOpen, setLessonOpen] = useState(true);
  // The free lab has no lesson text: the lab takes the whole width, as before lessons existed.
  const inLesson = useLab((s) => s.lessonId !== FREE_LAB);
  const headerRef = useRef<HTMLElement>(null);
  useHeaderHeight(headerRef);

  return (
    <div className="app">
      <a className="skip-link" href="#lab">
        {t('app.skipToContent')}
      </a>
      <header className="app-header" ref={headerRef}>
        <div className="app-header-row">
          <div className="app-brand">
            <h1>{t('app.title')}</h1>
            <p className="app-tagline">{t('app.tagline')}</p>
          </div>
          <Controls />
          <BackendBadge />
        </div>
        {/* The classroom row: the lessons, then the view, language and link tools. */}
        <div className="app-header-row app-header-row--classroom">
          <LessonNavigator />
          <PresenterControls />
          <LanguageSwitch />
          <CopyLink />
        </div>
      </header>
      <main id="lab" className="app-main" tabIndex={-1}>
        <Notices />
        <TeacherPanel />
        <div className={inLesson && lessonOpen ? 'app-body' : 'app-body app-body--lesson-hidden'}>
          {inLesson && lessonOpen && <LessonPanel onHide={() => setLessonOpen(false)} />}
          {inLesson && !lessonOpen && (
            <button type="button" className="button lesson-show" onClick={() => setLessonOpen(true)} data-testid="lesson-show">
              <span aria-hidden="true">»</span> {t('classroom.panel.show')}
            </button>
          )}
          <div className="app-lab">
            <LabPanels />
          </div>
        </div>
      </main>
      <footer className="app-footer">
        <TeacherModeToggle />
      </footer>
      <ShortcutHelp />
      <Announcer />
    </div>
  );
}
