/**
 * Keeps the measurement each lesson's question is judged on (lessons/prediction.ts): the first
 * reading at or after the question's epoch, so the verdict beside the student's answer is the one
 * of the epoch the question names, not whatever training reached since. A 'setting' question
 * keeps one such reading per value of its setting (one run each).
 *
 * A record belongs to its run: a new MNIST run (reset, new settings) drops it, and so does a
 * reading that went back in epochs (the text or pretraining experiment was reset), so the
 * student can answer again and train again. Trials of a setting question stay across runs: that
 * is how the runs are compared.
 */
import { findLesson } from '../lessons';
import { judgePrediction } from '../lessons/prediction';
import type { Lesson } from '../lessons/types';
import { predictionFields, readJudge, settingValue, trialBase, type PredictionState } from './predictionReading';
import type { PredictionRecord, PredictionSlice, PredictionTrial } from './predictionSlice';
import { useLab, type LabState } from './store';

export type RecorderState = PredictionState & Pick<LabState, 'run'> & Pick<PredictionSlice, 'predictionRecords' | 'predictionTrials'>;

export type RecorderStep =
  | { kind: 'none' }
  | { kind: 'record'; record: PredictionRecord }
  | { kind: 'clear' }
  | { kind: 'trial'; key: string; trial: PredictionTrial };

const NONE: RecorderStep = { kind: 'none' };

/** The run a record belongs to: the MNIST run's id; the text and pretraining experiments have no run ids (0). */
export function runKey(lesson: Lesson, s: Pick<LabState, 'run'>): number {
  return lesson.experiment === 'mnistAutoencoder' ? s.run.id : 0;
}

/** What the recorder does for `lesson` in state `s`. Pure. */
export function recorderStep(lesson: Lesson, s: RecorderState): RecorderStep {
  const { prediction } = lesson;
  const { judge } = prediction;
  const live = readJudge(judge, s);
  const runId = runKey(lesson, s);
  if (judge.kind === 'setting') {
    const key = settingValue(s.config, judge.setting);
    if (key === undefined || live.kind !== 'value' || live.measured === undefined || !Number.isFinite(live.measured) || !(live.epoch >= judge.epoch)) return NONE;
    if (s.predictionTrials[lesson.id]?.[key]?.runId === runId) return NONE;
    return { kind: 'trial', key, trial: { runId, epoch: live.epoch, value: live.measured, base: trialBase(s.config, judge.setting), config: s.config } };
  }
  const record = s.predictionRecords[lesson.id];
  if (record) {
    const wentBack = live.epoch < record.reading.epoch - 1e-9;
    return record.runId !== runId || wentBack ? { kind: 'clear' } : NONE;
  }
  return judgePrediction(prediction, live).state === 'measured' ? { kind: 'record', record: { runId, reading: live, config: s.config } } : NONE;
}

/** Applies a step to the store. */
function apply(lessonId: string, step: RecorderStep): void {
  const s = useLab.getState();
  if (step.kind === 'record') s.setPredictionRecord(lessonId, step.record);
  else if (step.kind === 'clear') s.setPredictionRecord(lessonId);
  else if (step.kind === 'trial') s.addPredictionTrial(lessonId, step.key, step.trial);
}

let started = false;

/** Starts recording for whichever lesson is open (main.tsx, once; later calls do nothing). */
export function startPredictionRecorder(): void {
  if (started) return;
  started = true;
  let previous: unknown[] = [];
  useLab.subscribe((s) => {
    const lesson = findLesson(s.lessonId);
    if (!lesson) return;
    // Only when something the question reads changed: progress events arrive ~30 times a second.
    const parts = [lesson, s.run, s.predictionRecords, s.predictionTrials, ...predictionFields(lesson.prediction.judge).map((f) => s[f])];
    if (parts.length === previous.length && parts.every((p, i) => p === previous[i])) return;
    previous = parts;
    const step = recorderStep(lesson, s);
    if (step.kind !== 'none') apply(lesson.id, step);
  });
}
