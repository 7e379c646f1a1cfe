import { useTranslation } from 'react-i18next';
import { useLab } from '../state/store';

/**
 * The small ⤢ button in a panel's corner: the panel fills the screen (store.focusedPanel), and
 * pressed again (or Escape) it returns. Must be a direct child of the `.panel` element:
 * presenter.css and the `f` shortcut find the panel through it.
 * @param panel the panel's id, e.g. 'latent'
 * @param name the panel's visible title, for the button's label and the announcement
 */
export function PanelFocusButton({ panel, name }: { panel: string; name: string }) {
  const { t } = useTranslation();
  const focused = useLab((s) => s.focusedPanel === panel);
  const setFocusedPanel = useLab((s) => s.setFocusedPanel);
  const label = t('presenter.focusPanel', { panel: name });
  return (
    <button
      type="button"
      className="panel-focus"
      data-panel-focus={panel}
      data-panel-name={name}
      data-testid={`focus-panel-${panel}`}
      aria-pressed={focused}
      aria-label={label}
      title={focused ? t('presenter.leavePanel') : label}
      onClick={() => setFocusedPanel(focused ? undefined : panel)}
    >
      <span aria-hidden="true">{focused ? '⤡' : '⤢'}</span>
    </button>
  );
}
