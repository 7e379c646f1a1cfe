/**
 * Live settings, the page's side (issue 10, item 5), as TensorFlow Playground does: a config
 * that differs from the one shown only in live settings (the settings table's `live` rows: the
 * learning rate, batch size, momentum, the penalty weights, the noise level) is taken in the run
 * going on: the store takes it without beginning a run, and the worker applies it between two
 * steps (worker/liveSettings.ts), answering with a 'settings' event that marks the loss chart.
 * Any other change builds a new model as a new run (labBridge.applyConfig); when that throws a
 * trained model away, the page says so (code 'run.rebuilt').
 *
 * Saved models (modelSaving.ts): the key of a saved model is the hash of its config, live
 * settings included (modelPersistence.configKey, kept as main wrote it so saved models still
 * open). After a live change the worker's snapshot carries the new config, so the model goes on
 * being saved under the new config's key, the one a reload of the page's new link looks up;
 * the record under the old key stays as it was, the model trained under the old settings.
 */
import type { LabConfig } from '../core/config';
import { message } from '../core/messages';
import { settingsDiff } from '../core/settings/diff';
import type { ApplySettingsAnswer } from '../worker/api';
import type { LabClient } from '../worker/client';
import { useLab, type LabState } from './store';

const store = () => useLab.getState();

/**
 * How the page applies `next` over the state `s`: 'live' when some live settings differ, nothing
 * else does (the same kind) and the worker has built the model of the run shown; else 'rebuild'.
 * The same config again rebuilds, as it always has (a lesson's control that re-applies it).
 */
export function configChange(s: Pick<LabState, 'config' | 'run'>, next: LabConfig): 'live' | 'rebuild' {
  const modelShown = s.run.id > 0 && s.run.announced?.runId === s.run.id;
  return modelShown && onlyLiveDiffer(s.config, next) ? 'live' : 'rebuild';
}

/** True when `to` differs from `from` in some live settings and in nothing else (the editor's hint says so). */
export function onlyLiveDiffer(from: LabConfig, to: LabConfig): boolean {
  const diff = settingsDiff(from, to);
  return diff.live.length > 0 && diff.rebuild.length === 0;
}

/**
 * Applies `config`'s live settings in the run going on: the store takes the config at once (no
 * new run: the curve, the step count and the model carry on), then the worker between two steps.
 * @returns false when the worker answered that the change needs a new model (nothing changed
 *   there): the caller builds it as a new run
 */
export async function applyLive(c: LabClient, config: LabConfig): Promise<boolean> {
  store().setConfig(config);
  const answer = await c.call<ApplySettingsAnswer>((api) => api.applySettings(config) as Promise<ApplySettingsAnswer>);
  return answer.applied;
}

/**
 * Says that a rebuild replaced a model trained for `trainedSteps` steps (nothing when it was
 * untrained). Call right after store.beginRun, which empties the notice of the run before.
 */
export function noticeRebuilt(trainedSteps: number): void {
  if (trainedSteps > 0) store().setRebuildNotice(message('run.rebuilt', { step: trainedSteps }));
}
