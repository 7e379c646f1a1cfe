import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Message } from '../core/messages';

/**
 * A message from the worker or the bridge (core/messages.ts: a code and its parameters) in the
 * reader's language: the wording of `messages.<code>` (src/i18n/locales/*.messages.ts).
 */
export function wordMessage(t: TFunction, m: Message): string {
  return t(`messages.${m.code}`, m.params);
}

/** Text with `backticked` commands shown as code, e.g. "Run `npm run prepare-data` and reload." */
export function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

/**
 * One message as a paragraph, and under it the raw exception text it carries (`detail`), which
 * no wording can know (shown as it came, in the browser's or the library's language).
 */
export function MessageText({ message, className = 'notice-text' }: { message: Message; className?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p className={className}>{withCode(wordMessage(t, message))}</p>
      {message.detail && (
        <p className="notice-detail" data-testid="message-detail">
          {message.detail}
        </p>
      )}
    </>
  );
}
