import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLinkUrl } from '../state/linkSync';
import './CopyLink.css';

/** How long "Link copied" stays, ms. */
const CONFIRM_MS = 2500;

type Outcome = { kind: 'idle' } | { kind: 'copied' } | { kind: 'refused'; url: string };

/**
 * "Copy link": the page's address with its whole state in the hash goes to the clipboard, with
 * a visible confirmation. Where the browser refuses the clipboard (no permission, an insecure
 * origin), the link appears selected in a field to copy by hand.
 */
export function CopyLink({ testId = 'copy-link' }: { /** Test ids: `${testId}`, `-status`, `-field`. */ testId?: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const fieldRef = useRef<HTMLInputElement>(null);
  const fieldId = useId();

  useEffect(() => {
    if (outcome.kind === 'copied') {
      const timer = window.setTimeout(() => setOutcome({ kind: 'idle' }), CONFIRM_MS);
      return () => window.clearTimeout(timer);
    }
    if (outcome.kind === 'refused') {
      fieldRef.current?.focus();
      fieldRef.current?.select();
    }
    return undefined;
  }, [outcome]);

  const copy = async () => {
    const url = currentLinkUrl();
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setOutcome({ kind: 'copied' });
    } catch {
      setOutcome({ kind: 'refused', url });
    }
  };

  return (
    <div className="copy-link">
      <button type="button" className="button copy-link-button" data-testid={testId} title={t('classroom.link.copyHint')} onClick={() => void copy()}>
        {t('classroom.link.copy')}
      </button>
      <span className="copy-link-status" role="status" data-testid={`${testId}-status`}>
        {outcome.kind === 'copied' ? `✓ ${t('classroom.link.copied')}` : ''}
      </span>
      {outcome.kind === 'refused' && (
        <div className="copy-link-fallback" role="group" aria-labelledby={`${fieldId}-label`}>
          <p id={`${fieldId}-label`} className="copy-link-fallback-text">
            {t('classroom.link.copyFailed')}
          </p>
          <label htmlFor={fieldId} className="visually-hidden">
            {t('classroom.link.field')}
          </label>
          <input id={fieldId} ref={fieldRef} type="text" readOnly value={outcome.url} data-testid={`${testId}-field`} onFocus={(e) => e.target.select()} />
          <button type="button" className="button button--quiet" onClick={() => setOutcome({ kind: 'idle' })}>
            {t('classroom.link.close')}
          </button>
        </div>
      )}
    </div>
  );
}
