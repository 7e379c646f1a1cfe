/**
 * What the page shows of live settings (issue 10, item 5; worker/liveSettings.ts): the marks on
 * the loss chart where a change took effect in the run, and the notice that a change of
 * architecture threw a trained model away for a new one. Both belong to one run: a new run
 * empties them (store.ts EMPTY_RUN takes EMPTY_LIVE).
 */
import type { Message } from '../core/messages';
import type { SettingChange, SettingsEvent } from '../worker/api';

/** A vertical mark on the loss chart: the live settings that changed after step `step`. */
export interface SettingsMark {
  step: number;
  changed: SettingChange[];
}

export interface LiveSlice {
  /** This run's live changes, oldest first. */
  settingsMarks: SettingsMark[];
  /** Said when a rebuild replaced a trained model (code 'run.rebuilt'); this run's, until dismissed. */
  rebuildNotice?: Message;
  addSettingsMark: (e: SettingsEvent) => void;
  setRebuildNotice: (m?: Message) => void;
}

/** What a new run empties. */
export const EMPTY_LIVE = { settingsMarks: [], rebuildNotice: undefined } satisfies Partial<LiveSlice>;

type Set = (fn: (s: LiveSlice) => Partial<LiveSlice>) => void;

export function liveSlice(set: Set): LiveSlice {
  return {
    ...EMPTY_LIVE,
    addSettingsMark: (e) => set((s) => ({ settingsMarks: [...s.settingsMarks, { step: e.step, changed: e.changed }] })),
    setRebuildNotice: (rebuildNotice) => set(() => ({ rebuildNotice })),
  };
}
