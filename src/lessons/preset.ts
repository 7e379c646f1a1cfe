/**
 * Turning a lesson's preset (overrides) into the full objects the page uses.
 */
import { defaultFullModel, DEFAULT_CONFIG, narrowModel, type LabConfig } from '../core/config';
import type { Lesson, ViewOptions } from './types';

/** View options when neither the lesson nor the link says otherwise (the store's initial values). */
export const DEFAULT_VIEW: ViewOptions = { logScale: true, gridSize: 12 };

/**
 * The lesson's LabConfig: every setting's default (the free lab's DEFAULT_CONFIG) with the
 * preset's overrides, narrowed to the preset's kind. Returns fresh objects.
 */
export function lessonConfig(lesson: Lesson): LabConfig {
  return {
    model: narrowModel({ ...defaultFullModel(), ...structuredClone(lesson.preset.model) }),
    train: { ...DEFAULT_CONFIG.train, ...lesson.preset.train, normalDigits: [...(lesson.preset.train?.normalDigits ?? DEFAULT_CONFIG.train.normalDigits)] },
  };
}

export function lessonView(lesson: Lesson): ViewOptions {
  return { ...DEFAULT_VIEW, ...lesson.preset.view };
}
