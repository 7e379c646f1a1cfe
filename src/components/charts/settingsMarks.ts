/**
 * The loss chart's marks of live changes (state/liveSlice.ts): at the step where new live
 * settings took effect, a vertical line and a short label, e.g. "Learning rate 0.002 → 0.02".
 * Worded here from the settings table's labels, in the reader's language.
 */
import type { TFunction } from 'i18next';
import type { SettingsMark } from '../../state/liveSlice';
import { rowOf } from '../settingText';

/** A setting's value as the label shows it: numbers as typed in the editor (0.002, 1e-5, 64). */
function shown(value: unknown): string {
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** "Learning rate 0.002 → 0.02, Batch size 64 → 128": what changed at the mark. */
export function markLabel(t: TFunction, mark: SettingsMark): string {
  return mark.changed
    .map((c) => t('lossChart.settingChange', { setting: t(rowOf(c.path.split('.')[1]).label), from: shown(c.from), to: shown(c.to) }))
    .join(', ');
}

/** The marks' steps, for the x axis to reach the latest one before a progress point does. */
export function markSteps(marks: readonly SettingsMark[]): number[] {
  return marks.map((m) => m.step);
}
