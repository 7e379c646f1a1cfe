import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLab } from '../state/store';
import { SHORTCUT_LIST } from './shortcuts';
import './ShortcutHelp.css';

/**
 * The list of keyboard shortcuts (`?` or the header's ? button), in a native modal dialog:
 * the browser traps the focus inside, closes it on Escape and gives the focus back to where
 * it was. store.shortcutHelp says whether it is open.
 */
export function ShortcutHelp() {
  const { t } = useTranslation();
  const open = useLab((s) => s.shortcutHelp);
  const setOpen = useLab((s) => s.setShortcutHelp);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="shortcut-help" aria-labelledby={titleId} data-testid="shortcut-help" onClose={() => setOpen(false)}>
      <div className="shortcut-help-head">
        <h2 id={titleId}>{t('presenter.shortcuts.title')}</h2>
        <form method="dialog">
          <button type="submit" className="button button--quiet" autoFocus>
            {t('presenter.shortcuts.close')}
          </button>
        </form>
      </div>
      <p className="shortcut-help-intro">{t('presenter.shortcuts.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('presenter.shortcuts.key')}</th>
            <th scope="col">{t('presenter.shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUT_LIST.map(({ keys, action }) => (
            <tr key={action}>
              <td>
                {keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </td>
              <td>{t(`presenter.shortcuts.${action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="shortcut-help-note">{t('presenter.shortcuts.mapKeys')}</p>
    </dialog>
  );
}
