/**
 * The page's keyboard shortcuts: space train/pause, → step, r reset, f focus a panel,
 * p presenter mode, ? the list, Escape closes the list or leaves the focused panel.
 * Which key press counts is decided by the pure `shortcutFor` (shortcuts.ts); this hook reads
 * the event and its target from the DOM and runs the action on the open lesson's experiment
 * (state/experiments.ts) or the store.
 */
import { useEffect } from 'react';
import i18n from '../i18n';
import { announce } from '../state/announcer';
import { experiment, experimentActions, experimentStatus } from '../state/experiments';
import { useLab } from '../state/store';
import { shortcutFor, type KeyTarget, type ShortcutAction } from './shortcuts';

/** What the guard needs to know about a key press's target. */
export function describeTarget(target: EventTarget | null): KeyTarget {
  if (!(target instanceof Element)) return { tag: 'body', editable: false };
  return {
    tag: target.tagName.toLowerCase(),
    inputType: target instanceof HTMLInputElement ? target.type.toLowerCase() : undefined,
    editable: target instanceof HTMLElement && target.isContentEditable,
    role: target.getAttribute('role') ?? undefined,
  };
}

/** The panel id (its PanelFocusButton's data-panel-focus) of the panel holding `el`, if any. */
export function panelIdOf(el: Element | null): string | undefined {
  const panel = el?.closest('.panel');
  return panel?.querySelector<HTMLElement>(':scope > [data-panel-focus]')?.dataset.panelFocus;
}

export function useShortcuts(): void {
  useEffect(() => {
    /** Last pointer position in client pixels, for "the panel under the pointer". */
    let pointer: [number, number] | undefined;
    const onPointerMove = (e: PointerEvent) => {
      pointer = [e.clientX, e.clientY];
    };

    const panelToFocus = (): string | undefined => {
      const active = document.activeElement;
      const fromFocus = active && active !== document.body ? panelIdOf(active) : undefined;
      if (fromFocus) return fromFocus;
      return pointer ? panelIdOf(document.elementFromPoint(pointer[0], pointer[1])) : undefined;
    };

    /** Runs an action; false when it did nothing (the key then keeps its default). */
    const run = (action: ShortcutAction, repeat: boolean): boolean => {
      const s = useLab.getState();
      switch (action) {
        case 'toggleTraining':
        case 'step':
        case 'reset': {
          // The open lesson's experiment, by the header buttons' own rule.
          const allowed = experimentActions(experimentStatus(s));
          if (!allowed[action]) {
            if (!repeat) announce(i18n.t('presenter.announce.unavailable'));
            return true;
          }
          void (action === 'toggleTraining' ? experiment.toggle() : action === 'step' ? experiment.step() : experiment.reset());
          return true;
        }
        case 'presenter':
          s.setPresenter(!s.presenter);
          return true;
        case 'help':
          s.setShortcutHelp(!s.shortcutHelp);
          return true;
        case 'focusPanel': {
          if (s.focusedPanel) {
            s.setFocusedPanel(undefined);
            return true;
          }
          const id = panelToFocus();
          if (id) s.setFocusedPanel(id);
          else announce(i18n.t('presenter.announce.noPanel'));
          return true;
        }
        case 'escape':
          // The open list closes itself on Escape (a native modal dialog); the store follows.
          if (s.shortcutHelp) {
            s.setShortcutHelp(false);
            return false;
          }
          if (s.focusedPanel) {
            s.setFocusedPanel(undefined);
            return true;
          }
          return false;
      }
    };

    const onKeyDown = (e: KeyboardEvent) => {
      const action = shortcutFor(e, describeTarget(e.target), useLab.getState().shortcutHelp);
      // Space would scroll the page and → scroll it sideways: a handled shortcut takes the key.
      if (action && run(action, e.repeat)) e.preventDefault();
    };

    // Bubbling phase on document: React's handlers (on the root) run first, so a control that
    // handles a key itself (the map's arrows) has called preventDefault by the time we look.
    document.addEventListener('keydown', onKeyDown);
    window.addEventListener('pointermove', onPointerMove, { passive: true });
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('pointermove', onPointerMove);
    };
  }, []);
}
