import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plainInteger, plainNumber } from '../i18n/format';
import { useLab } from '../state/store';
import { candidateWords, threadsWords } from './backendWords';
import './BackendBadge.css';

/**
 * The tfjs backend in use, and on request every candidate with its status and the reason it
 * was or was not chosen (failed self-check, software adapter, slower, forced by the URL), and
 * for wasm how many threads it computes with and, when one, why (components/backendWords.ts).
 */
export function BackendBadge() {
  const { t } = useTranslation();
  const report = useLab((s) => s.backend);
  const booting = useLab((s) => s.booting);
  const [open, setOpen] = useState(false);
  const listId = useId();

  // While (re)booting the old report is stale: the worker may come back on another backend.
  const current = booting ? undefined : report;
  const name = current ? current.chosen : booting ? t('backend.checking') : t('backend.none');
  return (
    <div className="backend" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <span className={current ? 'backend-badge' : 'backend-badge backend-badge--pending'}>
        <span className="backend-label">{t('backend.label')}</span>
        <strong data-testid="backend-badge" aria-live="polite">
          {name}
        </strong>
        {current?.forced && (
          <span className="backend-forced" title={t('backend.forcedHint')}>
            {t('backend.forced')}
          </span>
        )}
      </span>
      {current && (
        <button
          type="button"
          className="button button--quiet backend-why"
          aria-expanded={open}
          aria-controls={listId}
          title={t('backend.whyLong')}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('backend.hideWhy') : t('backend.why')}
          {!open && <span className="visually-hidden"> {t('backend.whyLong')}</span>}
        </button>
      )}
      {current && open && (
        <div id={listId} className="backend-list" role="region" aria-label={t('backend.listTitle')}>
          <p className="backend-list-title">{t('backend.listTitle')}</p>
          <ol>
            {current.candidates.map((c) => (
              <li key={c.name} className={`backend-candidate backend-candidate--${c.status}`}>
                <div className="backend-candidate-head">
                  <strong>{c.name}</strong>
                  <span className="backend-status">{t(`backend.status.${c.status}`)}</span>
                </div>
                {candidateWords(t, c).map((line, i) => (
                  <p key={i} className="backend-reason">
                    {line}
                  </p>
                ))}
                {c.threads && (
                  <p className="backend-reason" data-testid={`backend-threads-${c.name}`} data-threads={c.threads.count}>
                    {threadsWords(t, c.threads)}
                  </p>
                )}
                <p className="backend-facts">
                  {[
                    c.samplesPerSec !== undefined ? t('backend.speed', { value: plainInteger(c.samplesPerSec) }) : undefined,
                    c.selfCheckError !== undefined ? t('backend.selfCheck', { value: plainNumber(c.selfCheckError, 2) }) : undefined,
                    c.adapter ? t('backend.adapter', { value: c.adapter }) : undefined,
                  ]
                    .filter((f) => f !== undefined)
                    .join(' · ')}
                </p>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
