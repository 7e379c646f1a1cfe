import { useTranslation } from 'react-i18next';
import { useLab } from '../state/store';

/**
 * Header buttons for the classroom: presenter mode on/off (also the `p` key) and the list of
 * keyboard shortcuts (also `?`).
 */
export function PresenterControls() {
  const { t } = useTranslation();
  const presenter = useLab((s) => s.presenter);
  const setPresenter = useLab((s) => s.setPresenter);
  const setShortcutHelp = useLab((s) => s.setShortcutHelp);
  return (
    <div className="presenter-controls" role="group" aria-label={t('presenter.tools')}>
      <button
        type="button"
        className="button button--icon"
        data-testid="presenter-toggle"
        aria-label={t('presenter.presenterMode')}
        aria-pressed={presenter}
        title={t('presenter.presenterHint')}
        onClick={() => setPresenter(!presenter)}
      >
        <ProjectorIcon />
      </button>
      <button
        type="button"
        className="button button--icon"
        data-testid="shortcuts-button"
        aria-label={t('presenter.shortcutsButton')}
        aria-haspopup="dialog"
        title={t('presenter.shortcutsHint')}
        onClick={() => setShortcutHelp(true)}
      >
        <kbd aria-hidden="true">?</kbd>
      </button>
    </div>
  );
}

/** A projection screen on its stand: the presenter-mode icon (its name is the button's label). */
function ProjectorIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="3" y="3.5" width="18" height="12" rx="1.5" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M12 15.5v4M8 20.5h8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      <path d="M7 11.5l3-3 2.5 2 4.5-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
