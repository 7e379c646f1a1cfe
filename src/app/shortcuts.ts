/**
 * The lab's keyboard shortcuts as pure functions: which key means what, when a key press is
 * NOT a shortcut (typing in a field, a modifier held, a control that owns the key).
 * useShortcuts.ts wires them to the DOM and to the open lesson's experiment; tested in Node.
 */
export type ShortcutAction = 'toggleTraining' | 'step' | 'reset' | 'focusPanel' | 'presenter' | 'help' | 'escape';

/** The parts of a KeyboardEvent the guard reads. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** Auto-repeat of a held key. */
  repeat: boolean;
  /** A control (e.g. the map canvas, which moves its point with arrows) handled the key already. */
  defaultPrevented: boolean;
  /** Part of an IME composition (typing Chinese, for instance): never a shortcut. */
  isComposing?: boolean;
}

/** What the key press's target is, read from the DOM by `describeTarget` in useShortcuts.ts. */
export interface KeyTarget {
  /** Lower-case tag name, e.g. 'input', 'button', 'body'. */
  tag: string;
  /** The `type` of an input, lower case. */
  inputType?: string;
  /** The target is inside contenteditable content. */
  editable: boolean;
  /** The ARIA role of the target, if it has one. */
  role?: string;
}

/** Input types that take no typing; letter shortcuts still work while one has focus. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'image', 'color', 'file']);
/** Roles of widgets that move or choose with the arrow keys. */
const ARROW_ROLES = new Set(['slider', 'spinbutton', 'radio', 'radiogroup', 'tab', 'tablist', 'listbox', 'option', 'menu', 'menubar', 'menuitem', 'grid', 'tree', 'treeitem', 'combobox', 'application']);
/** Roles of widgets that space activates. */
const SPACE_ROLES = new Set(['button', 'checkbox', 'switch', 'radio', 'tab', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'option', 'link', 'treeitem']);

/** True while the user types: keys belong to the field. */
export function isTextEntry(t: KeyTarget): boolean {
  if (t.editable) return true;
  if (t.tag === 'textarea' || t.tag === 'select') return true;
  if (t.tag === 'input') return !NON_TEXT_INPUTS.has(t.inputType ?? 'text');
  return t.role === 'textbox' || t.role === 'searchbox' || t.role === 'combobox';
}

/**
 * Space would activate the focused control (a button, a checkbox, a link ...). A custom
 * control that uses space itself calls preventDefault, which the guard honours.
 */
function ownsSpace(t: KeyTarget): boolean {
  return t.tag === 'input' || t.tag === 'button' || t.tag === 'a' || t.tag === 'summary' || (t.role !== undefined && SPACE_ROLES.has(t.role));
}

/** Arrow keys move the focused control (a slider, radio buttons, a select ...). */
function ownsArrows(t: KeyTarget): boolean {
  return t.tag === 'input' || (t.role !== undefined && ARROW_ROLES.has(t.role));
}

/**
 * The shortcut a key press stands for, or undefined when it is not one: while typing in a
 * field, with Ctrl/Alt/Meta (browser and system shortcuts stay theirs), during IME
 * composition, for keys a control already handled, for space on a control that space
 * activates (so a focused Train button does not toggle twice), for arrows on a control that
 * arrows move, and for held-down repeats (except → , which keeps stepping).
 * While the shortcut list is open only `?` and Escape count.
 */
export function shortcutFor(e: KeyPress, target: KeyTarget, helpOpen = false): ShortcutAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.defaultPrevented) return undefined;
  if (isTextEntry(target)) return undefined;
  // `?` needs Shift on most layouts; no other shortcut takes Shift.
  if (e.key === '?') return e.repeat ? undefined : 'help';
  if (e.shiftKey) return undefined;
  if (e.key === 'Escape' || e.key === 'Esc') return 'escape';
  if (helpOpen) return undefined;
  if (e.key === 'ArrowRight') return ownsArrows(target) ? undefined : 'step';
  if (e.repeat) return undefined;
  if (e.key === ' ' || e.key === 'Spacebar') return ownsSpace(target) ? undefined : 'toggleTraining';
  switch (e.key.toLowerCase()) {
    case 'r':
      return 'reset';
    case 'f':
      return 'focusPanel';
    case 'p':
      return 'presenter';
    default:
      return undefined;
  }
}

/** The list the `?` dialog shows: the keys as printed on a keyboard and the string key of each action. */
export const SHORTCUT_LIST: readonly { keys: readonly string[]; action: ShortcutAction }[] = [
  { keys: ['Space'], action: 'toggleTraining' },
  { keys: ['→'], action: 'step' },
  { keys: ['R'], action: 'reset' },
  { keys: ['F'], action: 'focusPanel' },
  { keys: ['P'], action: 'presenter' },
  { keys: ['?'], action: 'help' },
  { keys: ['Esc'], action: 'escape' },
];
