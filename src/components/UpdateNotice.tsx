import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { applyUpdate, isUpdateReady, onUpdateReady } from '../offline/registerServiceWorker';
import { lab } from '../state/labBridge';
import { useLab } from '../state/store';

/**
 * "A new version is ready: reload". The new version waits for the reader (offline/sw.ts); the
 * button pauses training and saves the model first, then lets the new version take over and
 * reloads, so the model comes back where it was.
 */
export function UpdateNotice() {
  const { t } = useTranslation();
  const ready = useSyncExternalStore(onUpdateReady, isUpdateReady);
  const running = useLab((s) => s.runState === 'running');
  if (!ready) return null;
  const reload = async () => {
    if (running) await lab.pause();
    await lab.saveNow();
    applyUpdate();
  };
  return (
    <div className="notice notice--info" data-testid="update-notice" role="status">
      <div className="notice-body">
        <p className="notice-title">{t('notices.update')}</p>
        <p className="notice-text">{t('notices.updateHint')}</p>
      </div>
      <button type="button" className="button button--primary" data-testid="update-reload" onClick={() => void reload()}>
        {t('notices.updateReload')}
      </button>
    </div>
  );
}
