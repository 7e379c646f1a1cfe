import { useTranslation } from 'react-i18next';
import { lab } from '../state/labBridge';
import { useLab } from '../state/store';
import { LinkNotice } from './LinkNotice';
import { MessageText, withCode, wordMessage } from './MessageText';
import './Notices.css';

/**
 * What the page must say out loud: loading, a broken data file (which file, how to fix it),
 * a backend or worker failure and the restart, a refused config, and a divergence with a
 * one-click reset. Never a blank page. Every message arrives as a code (core/messages.ts) and
 * is worded here in the reader's language.
 */
export function Notices() {
  const { t } = useTranslation();
  const booting = useLab((s) => s.booting);
  const errors = useLab((s) => s.errors);
  const runState = useLab((s) => s.runState);
  const runReason = useLab((s) => s.runReason);
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
            {runReason ? <MessageText message={runReason} /> : <p className="notice-text">{t('notices.divergedFallback')}</p>}
          </div>
          <button type="button" className="button button--primary" onClick={() => void lab.reset()}>
            {t('notices.resetNow')}
          </button>
        </div>
      )}
      {errors.map((e, i) => (
        <div
          key={`${i}-${e.kind}-${e.message.code}`}
          className="notice notice--error"
          data-testid={`notice-error-${e.kind}`}
          data-code={e.message.code}
          role="alert"
        >
          <div className="notice-body">
            <p className="notice-title">{t(`notices.kind.${e.kind}`)}</p>
            <MessageText message={e.message} />
            {e.hint && <p className="notice-hint">{withCode(wordMessage(t, e.hint))}</p>}
          </div>
          <button type="button" className="button button--quiet" onClick={() => dismissError(i)}>
            {t('notices.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
