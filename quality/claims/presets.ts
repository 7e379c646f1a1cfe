/**
 * A lesson's run for one seed: the lesson's own preset (src/lessons/<id>/lesson.ts through
 * lessonConfig, as the page builds it) with the seed set, and for a control the few settings
 * the control changes.
 */
import { fullConfig, narrowModel, type FullModelConfig, type LabConfig, type TrainConfig } from '../../src/core/config';
import { findLesson } from '../../src/lessons';
import { lessonConfig } from '../../src/lessons/preset';
import type { Trainer } from '../../src/core/train/trainer';
import { newTrainer, trainTo } from './lab';

export interface Changes {
  model?: Partial<FullModelConfig>;
  train?: Partial<TrainConfig>;
}

export function presetConfig(lessonId: string, seed: number, changes: Changes = {}): LabConfig {
  const lesson = findLesson(lessonId);
  if (!lesson) throw new Error(`no lesson ${lessonId}`);
  const base = fullConfig(lessonConfig(lesson));
  return {
    model: narrowModel({ ...base.model, ...changes.model }),
    train: { ...base.train, ...changes.train, seed },
  };
}

/** A Trainer of the lesson's preset (with `changes`) on `seed`, trained to `epoch`. Dispose it. */
export async function trainedPreset(lessonId: string, seed: number, epoch: number, changes: Changes = {}): Promise<Trainer> {
  const trainer = await newTrainer(presetConfig(lessonId, seed, changes));
  await trainTo(trainer, epoch);
  return trainer;
}
