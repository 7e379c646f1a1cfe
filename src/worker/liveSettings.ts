/**
 * Live settings in the worker (issue 10, item 5), as TensorFlow Playground does: a new learning
 * rate, batch size, momentum or penalty weight takes effect at the next step of the run going on.
 * lab.worker.ts calls this in its exclusive queue, so it falls between two chunks of steps (the
 * loop dispatches a chunk synchronously, then awaits its loss read: that is where we land) and
 * never stops a running loop. The Trainer decides (Trainer.applySettings, core/settings/diff.ts).
 */
import type { LabConfig } from '../core/config';
import type { Trainer } from '../core/train/trainer';
import type { ApplySettingsAnswer, SettingChange } from './apiRun';
import type { Emit } from './runChannel';

/** The value at a dotted config path, e.g. 'train.learningRate'. */
function valueAt(config: LabConfig, path: string): unknown {
  const [part, id] = path.split('.');
  return (config[part as keyof LabConfig] as unknown as Record<string, unknown>)[id];
}

/**
 * Applies `config`'s live settings to `trainer` (the current run's model) and emits the run's
 * 'settings' event with the step they took effect at. Answers `applied: false` (and changes
 * nothing) when there is no model or a setting that shapes the model differs.
 * @param config a config that passed checkConfig (trusted: validated where it entered)
 */
export function applyLiveSettings(trainer: Trainer | undefined, config: LabConfig, emit: Emit): ApplySettingsAnswer {
  if (!trainer) return { applied: false, rebuild: [] };
  const before = trainer.config;
  const result = trainer.applySettings(config);
  if (!result.applied) return result;
  const changed: SettingChange[] = result.changed.map((path) => ({ path, from: valueAt(before, path), to: valueAt(config, path) }));
  const step = trainer.step;
  // Nothing differed (the same config again): no event, no mark on the chart.
  if (changed.length > 0) emit({ type: 'settings', step, changed });
  return { applied: true, step, changed };
}
