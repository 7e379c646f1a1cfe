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

/** Into the panel that now fills the screen, or back to the button of the one that did. */
function moveFocus(focused: string | undefined, previous: string | undefined): void {
  if (focused !== undefined) {
    const button = focusButton(focused);
    window.scrollTo({ top: 0, behavior: 'instant' });
    button?.focus({ preventScroll: true });
    announce(i18n.t('presenter.announce.panelFocused', { panel: button?.dataset.panelName ?? focused }));
    return;
  }
  const button = previous !== undefined ? focusButton(previous) : null;
  if (button) {
    button.focus({ preventScroll: true });
    button.closest('.panel')?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  }
  announce(i18n.t('presenter.announce.panelLeft'));
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
      if (s.presenter !== prev.presenter) {
        apply(s.presenter, prev.focusedPanel);
        announce(i18n.t(s.presenter ? 'presenter.announce.presenterOn' : 'presenter.announce.presenterOff'));
      }
      if (s.focusedPanel !== prev.focusedPanel) {
        // After React has rendered the buttons' new aria-pressed, which presenter.css reads to
        // tell the panel to keep from the ones to hide (a hidden button cannot take the focus).
        requestAnimationFrame(() => {
          const now = useLab.getState();
          if (now.focusedPanel !== s.focusedPanel) return; // changed again meanwhile
          apply(now.presenter, now.focusedPanel);
          moveFocus(s.focusedPanel, prev.focusedPanel);
        });
      }
    });
    return () => {
      unsubscribe();
      apply(false, undefined);
    };
  }, []);
}
