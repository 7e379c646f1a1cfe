import type { ControlGroup } from '../lessons/types';
import { useLab } from '../state/store';

/**
 * Whether a control group is shown to students (not in the teacher's hidden list). Views that
 * get false render nothing for that group: hidden controls are not merely invisible.
 */
export function useShown(group: ControlGroup): boolean {
  return useLab((s) => !s.hidden.includes(group));
}
