import { useTranslation } from 'react-i18next';
import { useLab } from '../state/store';
import { MessageText } from './MessageText';

/**
 * Said when a change of architecture replaced a trained model with a new one at step 0
 * (state/liveSettings.ts noticeRebuilt); a new run empties it, the reader may dismiss it.
 */
export function RebuildNotice() {
  const { t } = useTranslation();
  const notice = useLab((s) => s.rebuildNotice);
  const setRebuildNotice = useLab((s) => s.setRebuildNotice);
  if (!notice) return null;
  return (
    <div className="notice notice--info" data-testid="notice-rebuilt" data-code={notice.code}>
      <div className="notice-body">
        <p className="notice-title">{t('notices.rebuilt')}</p>
        <MessageText message={notice} />
      </div>
      <button type="button" className="button button--quiet" onClick={() => setRebuildNotice(undefined)}>
        {t('notices.dismiss')}
      </button>
    </div>
  );
}
