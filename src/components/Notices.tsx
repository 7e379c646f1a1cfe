import { useTranslation } from 'react-i18next';
import { lab } from '../state/labBridge';
import { useLab } from '../state/store';
import { LinkNotice } from './LinkNotice';
import './Notices.css';

/**
 * What the page must say out loud: loading, a broken data file (which file, how to fix it),
 * a backend or worker failure and the restart, a refused config, and a divergence with a
 * one-click reset. Never a blank page.
 */
export function Notices() {
  const { t } = useTranslation();
  const booting = useLab((s) => s.booting);
  const errors = useLab((s) => s.errors);
  const runState = useLab((s) => s.runState);
  const runMessage = useLab((s) => s.runMessage);
  const dismissError = useLab((s) => s.dismissError);

  return (
    <div className="notices" aria-live="polite" aria-label={t('notices.label')} role="region">
      {booting && (
        <div className="notice notice--info" data-testid="notice-booting">
          <span className="notice-spinner" aria-hidden="true" />
          <p className="notice-text">{t('notices.booting')}</p>
        </div>
      )}
      <LinkNotice />
      {runState === 'diverged' && (
        <div className="notice notice--warning" data-testid="notice-diverged">
          <div className="notice-body">
            <p className="notice-title">{t('notices.diverged')}</p>
            <p className="notice-text">{runMessage ?? t('notices.divergedFallback')}</p>
          </div>
          <button type="button" className="button button--primary" onClick={() => void lab.reset()}>
            {t('notices.resetNow')}
          </button>
        </div>
      )}
      {errors.map((e, i) => (
        <div key={`${i}-${e.kind}-${e.message}`} className={e.kind === 'config' ? 'notice notice--warning' : 'notice notice--error'} data-testid={`notice-error-${e.kind}`} role="alert">
          <div className="notice-body">
            <p className="notice-title">{t(`notices.kind.${e.kind}`)}</p>
            <p className="notice-text">{withCode(e.message)}</p>
            {e.file && <p className="notice-text notice-file">{t('notices.file', { file: e.file })}</p>}
            {e.hint && <p className="notice-hint">{withCode(e.hint)}</p>}
          </div>
          <button type="button" className="button button--quiet" onClick={() => dismissError(i)}>
            {t('notices.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}

/** Text with `backticked` commands shown as code, e.g. "Run `npm run prepare-data` and reload." */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}
