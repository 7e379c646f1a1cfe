/**
 * Which settings differ between two configs, and whether they can change while a model trains
 * (the rows' `live` flag): what Trainer.applySettings and the page need to tell a live change
 * (the learning rate, the penalty weights) from one that builds a new model.
 */
import type { ModelConfig } from '../kinds/registry';
import { rowPath } from './row';
import { SETTINGS } from './table';
import type { TrainConfig } from './trainRows';

export interface SettingsDiff {
  /** Paths of the live settings that differ, e.g. 'train.learningRate'. */
  live: string[];
  /** Paths of the other settings that differ: a new model is needed. */
  rebuild: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The settings whose values differ from `from` to `to`, in the table's order (checked configs). */
export function settingsDiff(from: { model: ModelConfig; train: TrainConfig }, to: { model: ModelConfig; train: TrainConfig }): SettingsDiff {
  const diff: SettingsDiff = { live: [], rebuild: [] };
  for (const row of SETTINGS) {
    const a = (from[row.part] as unknown as Record<string, unknown>)[row.id];
    const b = (to[row.part] as unknown as Record<string, unknown>)[row.id];
    if (same(a, b)) continue;
    // Another kind (or a setting only one of the two kinds has) is always a new model.
    (row.live && from.model.kind === to.model.kind ? diff.live : diff.rebuild).push(rowPath(row));
  }
  return diff;
}
