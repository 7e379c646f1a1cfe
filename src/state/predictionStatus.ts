/**
 * What the lesson's question card shows, from the store: the student's answer, the measurement
 * it is judged on (the recorded one, or a setting question's trials of the current comparison)
 * and the verdict. Pure: no React, no DOM.
 */
import type { LabConfig } from '../core/config';
import { judgePrediction, type PredictionReading, type PredictionVerdict } from '../lessons/prediction';
import { lessonConfig } from '../lessons/preset';
import type { Lesson } from '../lessons/types';
import { readJudge, settingValue, trialBase, type PredictionState } from './predictionReading';
import type { PredictionAnswer, PredictionRecord, PredictionSlice, PredictionTrial } from './predictionSlice';

export type StatusState = PredictionState & Pick<PredictionSlice, 'answers' | 'predictionRecords' | 'predictionTrials'>;

export interface PredictionStatus {
  answer?: PredictionAnswer;
  verdict: PredictionVerdict;
  /** 'right' / 'wrong' once measured and answered. */
  outcome?: 'right' | 'wrong';
  /** The live reading (epochs trained so far for the question's measure). */
  live: ReturnType<typeof readJudge>;
  /** The reading a range or extreme question was judged on. */
  record?: PredictionRecord;
  /** A setting question: the trials of the comparison the current model belongs to, by setting value. */
  trials: Readonly<Record<string, PredictionTrial>>;
  /** A setting question: the setting's value of the current model. */
  current?: string;
  /** The judged run's settings are not the lesson's (but for the seed, and a setting question's own setting). */
  changed: boolean;
  /** The choices are closed: the measurement is in (reset the run to answer again). */
  locked: boolean;
}

/** Every setting but the seed (and `except`, a setting question's own setting). */
function sameExperiment(a: LabConfig, b: LabConfig, except?: string): boolean {
  const strip = (c: LabConfig) => {
    const model: Record<string, unknown> = { ...c.model };
    if (except) delete model[except];
    return JSON.stringify({ model, train: { ...c.train, seed: 0 } });
  };
  return strip(a) === strip(b);
}

export function predictionStatus(lesson: Lesson, s: StatusState): PredictionStatus {
  const p = lesson.prediction;
  const { judge } = p;
  const answer = s.answers[lesson.id];
  const live = readJudge(judge, s);
  const mnist = lesson.experiment === 'mnistAutoencoder';
  let verdict: PredictionVerdict;
  let record: PredictionRecord | undefined;
  let trials: Record<string, PredictionTrial> = {};
  let current: string | undefined;
  let changed = false;
  if (judge.kind === 'setting') {
    const base = trialBase(s.config, judge.setting);
    trials = Object.fromEntries(Object.entries(s.predictionTrials[lesson.id] ?? {}).filter(([, t]) => t.base === base));
    current = settingValue(s.config, judge.setting);
    verdict = judgePrediction(p, { kind: 'trials', trials } satisfies PredictionReading);
    changed = mnist && !sameExperiment(s.config, lessonConfig(lesson), judge.setting);
  } else {
    record = s.predictionRecords[lesson.id];
    if (record) verdict = judgePrediction(p, record.reading);
    else {
      // Not recorded yet: 'training' until the live reading reaches the epoch, then 'waiting'.
      const v = judgePrediction(p, live);
      verdict = v.state === 'pending' ? v : { state: 'pending', reason: 'waiting' };
    }
    changed = mnist && !sameExperiment(record?.config ?? s.config, lessonConfig(lesson));
  }
  const outcome = verdict.state === 'measured' && answer ? (answer.choice === verdict.right ? 'right' : 'wrong') : undefined;
  return { answer, verdict, outcome, live, record, trials, current, changed, locked: verdict.state === 'measured' };
}
