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
        className="button"
        data-testid="presenter-toggle"
        aria-pressed={presenter}
        title={t('presenter.presenterHint')}
        onClick={() => setPresenter(!presenter)}
      >
        {t('presenter.presenterMode')}
      </button>
      <button
        type="button"
        className="button"
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
