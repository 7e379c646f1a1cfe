/**
 * The question's numbers from the store: the readings (ratio, difference, each digit's AUROC),
 * the recorder that keeps the first reading at the question's epoch, and the card's status.
 */
import { describe, expect, it } from 'vitest';
import { auroc } from '../core/analysis/roc';
import type { LabConfig } from '../core/config';
import { findLesson } from '../lessons';
import { lessonConfig } from '../lessons/preset';
import type { Lesson } from '../lessons/types';
import { aurocPerDigit, readJudge, trialBase } from './predictionReading';
import { recorderStep, type RecorderState } from './predictionRecorder';
import { predictionStatus } from './predictionStatus';

const lesson = (id: string): Lesson => findLesson(id)!;

/** A state of lesson `l` with its own config, nothing measured, run 1. */
function state(l: Lesson, more: Partial<RecorderState> = {}): RecorderState & { answers: Record<string, { choice: string; epoch: number }> } {
  return { config: lessonConfig(l), history: [], pcaBaseline: undefined, measurements: undefined, pcaMap: undefined, run: { id: 1, cause: 'configure' }, predictionRecords: {}, predictionTrials: {}, answers: {}, ...more };
}

/** Lesson 1's test squared error at `epoch`, PCA-2's 42.9 beside it. */
function measured(l: Lesson, epoch: number, value: number, config: LabConfig = lessonConfig(l)): Partial<RecorderState> {
  return {
    config,
    history: [{ step: Math.round(epoch * 157), epoch, trainLoss: 0.2, testLoss: 0.2, testSquaredError: value }],
    pcaBaseline: { type: 'pcaBaseline', runId: 1, codeSize: config.model.codeSize, testSquaredError: 42.9, testLoss: 0.2 } as RecorderState['pcaBaseline'],
  };
}

describe('reading a question', () => {
  it('reads a range question as the value, its ratio to the baseline or its difference from it', () => {
    const first = lesson('what-is-an-autoencoder');
    const r = readJudge(first.prediction.judge, state(first, measured(first, 2.1, 39.9)));
    expect(r).toMatchObject({ kind: 'value', epoch: 2.1, measured: 39.9, baseline: 42.9 });
    expect(r.kind === 'value' && r.value).toBeCloseTo(39.9 / 42.9, 6);
    const map = lesson('two-d-map');
    const s = state(map, {
      measurements: { epoch: 3.1, knnAccuracy: 0.57 } as RecorderState['measurements'],
      pcaMap: { knnAccuracy: 0.42 } as RecorderState['pcaMap'],
    });
    const d = readJudge(map.prediction.judge, s);
    expect(d.kind === 'value' && d.value).toBeCloseTo(0.15, 6);
  });

  it("scores each digit outside the normal ones against the normal digits only", () => {
    // Normal 0s score 0..4; 1s score above every 0 (AUROC 1); 2s below every 0 (AUROC 0); 3s tie half.
    const scores = [0, 1, 2, 3, 4, 10, 11, -1, -2, 2, 2];
    const labels = [0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 3];
    const per = aurocPerDigit(scores, labels, [0]);
    expect(per['1']).toBe(1);
    expect(per['2']).toBe(0);
    const threes = [0, 1, 2, 3, 4, 9, 10].map((i) => scores[i]);
    expect(per['3']).toBeCloseTo(auroc(threes, [0, 0, 0, 0, 0, 1, 1]), 12);
    expect(per['0']).toBeUndefined();
    expect(per['4']).toBeUndefined();
  });
});

describe('the recorder', () => {
  const first = lesson('what-is-an-autoencoder');

  it('records the first reading at the epoch the question names, and keeps it while the run goes on', () => {
    expect(recorderStep(first, state(first, measured(first, 1.4, 41)))).toEqual({ kind: 'none' });
    const step = recorderStep(first, state(first, measured(first, 2.05, 39.9)));
    expect(step.kind).toBe('record');
    if (step.kind !== 'record') return;
    expect(step.record).toMatchObject({ runId: 1, reading: { epoch: 2.05, measured: 39.9 } });
    // Later in the same run: the record stands (the verdict is the one of epoch 2).
    const later = state(first, { ...measured(first, 5, 50), predictionRecords: { [first.id]: step.record } });
    expect(recorderStep(first, later)).toEqual({ kind: 'none' });
    expect(predictionStatus(first, { ...later, answers: { [first.id]: { choice: 'better', epoch: 0 } } })).toMatchObject({
      verdict: { state: 'measured', right: 'better' },
      outcome: 'right',
      locked: true,
      changed: false,
    });
    // A new run (reset, other settings) drops it: the student may answer and train again.
    expect(recorderStep(first, { ...later, run: { id: 2, cause: 'reset' } })).toEqual({ kind: 'clear' });
  });

  it('judges the answer from the measurement, not from the lesson', () => {
    const s = state(first, measured(first, 2.2, 44.1));
    const step = recorderStep(first, s);
    if (step.kind !== 'record') throw new Error('not recorded');
    const status = predictionStatus(first, { ...s, predictionRecords: { [first.id]: step.record }, answers: { [first.id]: { choice: 'better', epoch: 0.6 } } });
    expect(status.verdict).toEqual({ state: 'measured', right: 'notBetter' });
    expect(status.outcome).toBe('wrong');
    expect(status.answer?.epoch).toBe(0.6);
  });

  it('says when the judged run is not the lesson’s experiment', () => {
    const other = { ...lessonConfig(first), train: { ...lessonConfig(first).train, trainSize: 500 } };
    const s = state(first, measured(first, 2.2, 39, other));
    const step = recorderStep(first, s);
    if (step.kind !== 'record') throw new Error('not recorded');
    expect(predictionStatus(first, { ...s, predictionRecords: { [first.id]: step.record } }).changed).toBe(true);
    const seed = { ...lessonConfig(first), train: { ...lessonConfig(first).train, seed: 7 } };
    expect(predictionStatus(first, state(first, measured(first, 0.5, 60, seed))).changed).toBe(false);
  });

  it('keeps one run per value of a setting question and compares runs that differ in it alone', () => {
    const conv = lesson('convolutional');
    const base = lessonConfig(conv);
    const withDecoder = (convDecoder: string): LabConfig => ({ ...base, model: { ...base.model, convDecoder } as LabConfig['model'] });
    const trials: Record<string, RecorderState['predictionTrials'][string]> = {};
    const runs: [string, number][] = [['maxUnpool', 5.8], ['repeatUnpool', 15.6], ['deconvolution', 17.9]];
    runs.forEach(([decoder, error], i) => {
      const s = state(conv, { ...measured(conv, 2.02, error, withDecoder(decoder)), run: { id: i + 1, cause: 'configure' }, predictionTrials: trials });
      const pending = predictionStatus(conv, { ...s, answers: { [conv.id]: { choice: 'deconvolution', epoch: 0 } } });
      expect(pending.verdict).toEqual({ state: 'pending', reason: 'trials' });
      const step = recorderStep(conv, s);
      if (step.kind !== 'trial') throw new Error(`no trial for ${decoder}`);
      expect(step.key).toBe(decoder);
      expect(step.trial.base).toBe(trialBase(base, 'convDecoder'));
      trials[conv.id] = { ...trials[conv.id], [step.key]: step.trial };
      // The same run later is not a second trial.
      expect(recorderStep(conv, { ...s, predictionTrials: { ...trials } })).toEqual({ kind: 'none' });
    });
    const done = predictionStatus(conv, { ...state(conv, { predictionTrials: trials }), answers: { [conv.id]: { choice: 'deconvolution', epoch: 0 } } });
    expect(done.verdict).toEqual({ state: 'measured', right: 'maxUnpool' });
    expect(done.outcome).toBe('wrong');
    // Another code size is another comparison: the three runs above do not count for it.
    const wider = { ...base, model: { ...base.model, codeSize: 64 } };
    expect(predictionStatus(conv, { ...state(conv, { config: wider, predictionTrials: trials }) }).verdict).toEqual({ state: 'pending', reason: 'trials' });
  });

  it('drops a text or pretraining record when the experiment goes back to the start', () => {
    const pre = lesson('pretraining');
    const summary = (stepsDone: number, final?: { pretrained: number; random: number }) =>
      ({ fineTune: { steps: 300, stepsDone }, ...(final ? { final } : {}) }) as RecorderState['pretraining'];
    const done = state(pre, { pretraining: summary(300, { pretrained: 0.786, random: 0.74 }) });
    const step = recorderStep(pre, done);
    if (step.kind !== 'record') throw new Error('not recorded');
    expect(predictionStatus(pre, { ...done, predictionRecords: { [pre.id]: step.record } }).verdict).toEqual({ state: 'measured', right: 'better' });
    // The MNIST run's id changing does not touch it; a reset pretraining run (epoch 0) does.
    expect(recorderStep(pre, { ...done, run: { id: 5, cause: 'configure' }, predictionRecords: { [pre.id]: step.record } })).toEqual({ kind: 'none' });
    expect(recorderStep(pre, { ...done, pretraining: summary(0), predictionRecords: { [pre.id]: step.record } })).toEqual({ kind: 'clear' });
  });
});
