import { describe, expect, it } from 'vitest';
import { SHORTCUT_LIST, shortcutFor, type KeyPress, type KeyTarget } from './shortcuts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: key === '?',
  repeat: false,
  defaultPrevented: false,
  ...extra,
});

const body: KeyTarget = { tag: 'body', editable: false };
/** A panel or <main> focused by script (tabIndex -1): not a control. */
const panel: KeyTarget = { tag: 'section', editable: false };
const button: KeyTarget = { tag: 'button', editable: false };

/** Every kind of place a student types in. */
const typingTargets: Record<string, KeyTarget> = {
  'text input': { tag: 'input', inputType: 'text', editable: false },
  'input without a type': { tag: 'input', editable: false },
  'number input': { tag: 'input', inputType: 'number', editable: false },
  'search input': { tag: 'input', inputType: 'search', editable: false },
  textarea: { tag: 'textarea', editable: false },
  select: { tag: 'select', editable: false },
  'contenteditable div': { tag: 'div', editable: true },
  'span inside contenteditable': { tag: 'span', editable: true },
  'role=textbox': { tag: 'div', role: 'textbox', editable: false },
};

const ALL_KEYS = [' ', 'ArrowRight', 'r', 'R', 'f', 'F', 'p', 'P', '?', 'Escape'];

describe('shortcutFor', () => {
  it('maps each key to its action on the page body', () => {
    expect(shortcutFor(press(' '), body)).toBe('toggleTraining');
    expect(shortcutFor(press('ArrowRight'), body)).toBe('step');
    expect(shortcutFor(press('r'), body)).toBe('reset');
    expect(shortcutFor(press('f'), body)).toBe('focusPanel');
    expect(shortcutFor(press('p'), body)).toBe('presenter');
    expect(shortcutFor(press('?'), body)).toBe('help');
    expect(shortcutFor(press('Escape'), body)).toBe('escape');
    // Caps Lock gives upper-case keys without Shift.
    expect(shortcutFor(press('P'), body)).toBe('presenter');
    expect(shortcutFor(press(' '), panel)).toBe('toggleTraining');
    // The map canvas (arrows move its point) does not use space: a click on it then space trains.
    expect(shortcutFor(press(' '), { tag: 'canvas', role: 'application', editable: false })).toBe('toggleTraining');
  });

  it('never fires while typing in a field', () => {
    for (const [name, target] of Object.entries(typingTargets)) {
      for (const key of ALL_KEYS) {
        expect(shortcutFor(press(key), target), `${JSON.stringify(key)} in a ${name}`).toBeUndefined();
      }
    }
  });

  it('never fires with Ctrl, Alt or Meta, nor during IME composition', () => {
    for (const key of ALL_KEYS) {
      for (const mod of ['ctrlKey', 'altKey', 'metaKey', 'isComposing'] as const) {
        expect(shortcutFor(press(key, { [mod]: true }), body), `${mod}+${key}`).toBeUndefined();
      }
    }
  });

  it('ignores Shift except for ? (Shift+R is not reset)', () => {
    expect(shortcutFor(press('R', { shiftKey: true }), body)).toBeUndefined();
    expect(shortcutFor(press(' ', { shiftKey: true }), body)).toBeUndefined();
    expect(shortcutFor(press('?', { shiftKey: true }), body)).toBe('help');
  });

  it('leaves space to a focused button or checkbox, so it does not trigger twice', () => {
    expect(shortcutFor(press(' '), button)).toBeUndefined();
    expect(shortcutFor(press(' '), { tag: 'input', inputType: 'checkbox', editable: false })).toBeUndefined();
    expect(shortcutFor(press(' '), { tag: 'a', editable: false })).toBeUndefined();
    expect(shortcutFor(press(' '), { tag: 'div', role: 'button', editable: false })).toBeUndefined();
    // Letters still work on a focused button: pressing Train with the mouse then `p` is fine.
    expect(shortcutFor(press('p'), button)).toBe('presenter');
  });

  it('leaves arrows to sliders and radio buttons, and to controls that handled them', () => {
    const range: KeyTarget = { tag: 'input', inputType: 'range', editable: false };
    expect(shortcutFor(press('ArrowRight'), range)).toBeUndefined();
    expect(shortcutFor(press('ArrowRight'), { tag: 'input', inputType: 'radio', editable: false })).toBeUndefined();
    expect(shortcutFor(press('ArrowRight'), { tag: 'canvas', role: 'application', editable: false })).toBeUndefined();
    expect(shortcutFor(press('ArrowRight', { defaultPrevented: true }), body)).toBeUndefined();
    // Letters on a range input are not typing.
    expect(shortcutFor(press('f'), range)).toBe('focusPanel');
    // A button does not use arrows: → steps.
    expect(shortcutFor(press('ArrowRight'), button)).toBe('step');
  });

  it('ignores held-down repeats except →', () => {
    expect(shortcutFor(press(' ', { repeat: true }), body)).toBeUndefined();
    expect(shortcutFor(press('r', { repeat: true }), body)).toBeUndefined();
    expect(shortcutFor(press('?', { repeat: true }), body)).toBeUndefined();
    expect(shortcutFor(press('ArrowRight', { repeat: true }), body)).toBe('step');
  });

  it('while the list is open, only ? and Escape count', () => {
    expect(shortcutFor(press(' '), body, true)).toBeUndefined();
    expect(shortcutFor(press('r'), body, true)).toBeUndefined();
    expect(shortcutFor(press('ArrowRight'), body, true)).toBeUndefined();
    expect(shortcutFor(press('?'), body, true)).toBe('help');
    expect(shortcutFor(press('Escape'), body, true)).toBe('escape');
  });

  it('lists every action once', () => {
    const actions = SHORTCUT_LIST.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions.sort()).toEqual(['escape', 'focusPanel', 'help', 'presenter', 'reset', 'step', 'toggleTraining']);
  });
});

