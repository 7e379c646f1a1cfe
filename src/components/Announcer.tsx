import { useAnnouncer } from '../state/announcer';

/**
 * The page's polite live region for announcements (state/announcer.ts). The text is keyed by
 * its serial number: a new node each time, which screen readers read even when the sentence
 * repeats.
 */
export function Announcer() {
  const text = useAnnouncer((s) => s.text);
  const serial = useAnnouncer((s) => s.serial);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {text && <span key={serial}>{text}</span>}
    </div>
  );
}
