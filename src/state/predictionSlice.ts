/**
 * Predict, then run (lessons/prediction.ts): the student's answers and the measurements they are
 * judged on, per lesson. A slice of the lab's store (store.ts builds it); a new run does not
 * empty it: the recorder (predictionRecorder.ts) drops a record when its run is gone.
 */
import type { LabConfig } from '../core/config';
import type { PredictionReading } from '../lessons/prediction';

export interface PredictionAnswer {
  /** The chosen choice's id. */
  choice: string;
  /** Epochs the lesson's experiment had trained when the student answered (0: before training). */
  epoch: number;
}

/** The measurement a 'range' or 'extreme' question was judged on: the first one at its epoch. */
export interface PredictionRecord {
  /** The run it was measured in (store.run.id). */
  runId: number;
  reading: Exclude<PredictionReading, { kind: 'trials' }> & { measured?: number; baseline?: number };
  /** The config of that run (the card says when it is not the lesson's). */
  config: LabConfig;
}

/** One run of a 'setting' question: its measure at the question's epoch with one value of the setting. */
export interface PredictionTrial {
  runId: number;
  epoch: number;
  value: number;
  /** trialBase(config): the runs compared differ in the judged setting (and the seed) alone. */
  base: string;
  config: LabConfig;
}

export interface PredictionSlice {
  /** Per lesson id. */
  answers: Readonly<Record<string, PredictionAnswer>>;
  predictionRecords: Readonly<Record<string, PredictionRecord>>;
  /** Per lesson id, per setting value (trialKey). */
  predictionTrials: Readonly<Record<string, Readonly<Record<string, PredictionTrial>>>>;
  answerPrediction: (lessonId: string, answer: PredictionAnswer) => void;
  setPredictionRecord: (lessonId: string, record?: PredictionRecord) => void;
  addPredictionTrial: (lessonId: string, key: string, trial: PredictionTrial) => void;
}

type Set = (partial: (s: PredictionSlice) => Partial<PredictionSlice>) => void;

/** A copy of `map` without `key`. */
function without<T>(map: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const copy = { ...map };
  delete copy[key];
  return copy;
}

export function predictionSlice(set: Set): PredictionSlice {
  return {
    answers: {},
    predictionRecords: {},
    predictionTrials: {},
    answerPrediction: (lessonId, answer) => set((s) => ({ answers: { ...s.answers, [lessonId]: answer } })),
    setPredictionRecord: (lessonId, record) =>
      set((s) => ({ predictionRecords: record ? { ...s.predictionRecords, [lessonId]: record } : without(s.predictionRecords, lessonId) })),
    addPredictionTrial: (lessonId, key, trial) =>
      set((s) => ({ predictionTrials: { ...s.predictionTrials, [lessonId]: { ...s.predictionTrials[lessonId], [key]: trial } } })),
  };
}
