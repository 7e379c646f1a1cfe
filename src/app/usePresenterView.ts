/**
 * Presenter mode and the focused panel as classes on <html> (`is-presenter`,
 * `has-focused-panel`), where presenter.css turns them into larger type, thicker lines and a
 * panel that fills the screen. Moves the keyboard focus with the panel (into it when it fills
 * the screen, back to its button when it returns) and announces both changes politely.
 */
import { useEffect } from 'react';
import i18n from '../i18n';
import { announce } from '../state/announcer';
import { useLab } from '../state/store';
import './presenter.css';

/** The ⤢ button of panel `id` (components/PanelFocusButton.tsx). */
function focusButton(id: string): HTMLButtonElement | null {
  return document.querySelector<HTMLButtonElement>(`[data-panel-focus="${CSS.escape(id)}"]`);
}

export function usePresenterView(): void {
  useEffect(() => {
    const root = document.documentElement;
    const apply = (presenter: boolean, focused: string | undefined) => {
      root.classList.toggle('is-presenter', presenter);
      root.classList.toggle('has-focused-panel', focused !== undefined);
    };
    const first = useLab.getState();
    apply(first.presenter, first.focusedPanel);

    const unsubscribe = useLab.subscribe((s, prev) => {
      if (s.presenter === prev.presenter && s.focusedPanel === prev.focusedPanel) return;
      // A panel id without a button (a stale or mistyped id) shows all panels instead of none.
      if (s.focusedPanel !== undefined && !focusButton(s.focusedPanel)) {
        s.setFocusedPanel(undefined);
        return;
      }
      apply(s.presenter, s.focusedPanel);
      if (s.presenter !== prev.presenter) {
        announce(i18n.t(s.presenter ? 'presenter.announce.presenterOn' : 'presenter.announce.presenterOff'));
      }
      if (s.focusedPanel === prev.focusedPanel) return;
      if (s.focusedPanel !== undefined) {
        const button = focusButton(s.focusedPanel);
        window.scrollTo({ top: 0, behavior: 'instant' });
        button?.focus({ preventScroll: true });
        announce(i18n.t('presenter.announce.panelFocused', { panel: button?.dataset.panelName ?? s.focusedPanel }));
      } else {
        const button = prev.focusedPanel !== undefined ? focusButton(prev.focusedPanel) : null;
        if (button) {
          button.focus({ preventScroll: true });
          button.closest('.panel')?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
        }
        announce(i18n.t('presenter.announce.panelLeft'));
      }
    });
    return () => {
      unsubscribe();
      apply(false, undefined);
    };
  }, []);
}
