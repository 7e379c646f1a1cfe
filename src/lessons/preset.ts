/**
 * Turning a lesson's preset (overrides) into the full objects the page uses.
 */
import { DEFAULT_CONFIG, type LabConfig } from '../core/config';
import type { Lesson, ViewOptions } from './types';

/** View options when neither the lesson nor the link says otherwise (the store's initial values). */
export const DEFAULT_VIEW: ViewOptions = { logScale: true, gridSize: 12 };

/** The lesson's LabConfig: DEFAULT_CONFIG with the preset's overrides. Returns fresh objects. */
export function lessonConfig(lesson: Lesson): LabConfig {
  const model = { ...DEFAULT_CONFIG.model, ...lesson.preset.model };
  return {
    model: { ...model, encoderLayers: [...model.encoderLayers], convChannels: [...model.convChannels] },
    train: { ...DEFAULT_CONFIG.train, ...lesson.preset.train, normalDigits: [...(lesson.preset.train?.normalDigits ?? DEFAULT_CONFIG.train.normalDigits)] },
  };
}

export function lessonView(lesson: Lesson): ViewOptions {
  return { ...DEFAULT_VIEW, ...lesson.preset.view };
}
