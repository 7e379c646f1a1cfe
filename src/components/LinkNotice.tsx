import { useTranslation } from 'react-i18next';
import type { IgnoredField } from '../state/link';
import { useLab } from '../state/store';

/** Items listed at most; the rest are counted. */
const MAX_SHOWN = 12;

/**
 * The small notice naming what an opened link could not use (from parseLink's report). Keys and
 * values from the link are shown as text only (React escapes them), never as markup.
 */
export function LinkNotice() {
  const { t } = useTranslation();
  const ignored = useLab((s) => s.linkIgnored);
  const setLinkIgnored = useLab((s) => s.setLinkIgnored);
  if (ignored.length === 0) return null;

  const shown = ignored.slice(0, MAX_SHOWN);
  const more = ignored.length - shown.length;
  return (
    <div className="notice notice--warning" data-testid="notice-link-ignored">
      <div className="notice-body">
        <p className="notice-title">{t('classroom.link.ignoredTitle')}</p>
        <p className="notice-text">{t('classroom.link.ignoredIntro')}</p>
        <ul className="notice-list">
          {shown.map((f, i) => (
            <li key={i} data-key={f.key} data-reason={f.reason}>
              <IgnoredItem field={f} />
            </li>
          ))}
          {more > 0 && <li>{t('classroom.link.ignoredMore', { count: more })}</li>}
        </ul>
      </div>
      <button type="button" className="button button--quiet" onClick={() => setLinkIgnored([])}>
        {t('classroom.link.dismiss')}
      </button>
    </div>
  );
}

function IgnoredItem({ field }: { field: IgnoredField }) {
  const { t } = useTranslation();
  // A setting of another kind names the link's kind ("not used by the VAE").
  const reason = t(`classroom.link.reason.${field.reason}`, { kind: field.kind ?? '' });
  if (field.reason === 'too-many') return <>{t('classroom.link.ignoredMore', { count: Number(field.value) || 0 })}</>;
  return (
    <>
      {field.key && <code>{field.key}</code>}
      {field.value && (
        <>
          {' = '}
          <code>{field.value}</code>
        </>
      )}
      {` — ${reason}`}
    </>
  );
}
