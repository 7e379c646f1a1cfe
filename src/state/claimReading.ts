/**
 * The live check of a lesson's claim: reads the claim's measure (and its guard's) through the
 * measures registry (measures.ts) into claims.ts's inputs and judges them. Pure: no React, no DOM.
 */
import type { LabConfig } from '../core/config';
import { evaluateClaim, type ClaimInputs, type ClaimVerdict } from '../lessons/claims';
import type { MeasureId } from '../lessons/catalog';
import { lessonConfig } from '../lessons/preset';
import type { Lesson } from '../lessons/types';
import { fieldsRead, MEASURES, type MeasureState } from './measures';
import type { LabState } from './store';

export interface ClaimReading {
  verdict: ClaimVerdict;
  metric: MeasureId;
  /** Epochs trained when the judged value was measured. */
  epoch: number;
  diverged: boolean;
  /** The page runs another experiment than the lesson's preset (any setting but the seed). */
  changed: boolean;
}

export type ClaimState = MeasureState & Pick<LabState, 'runState'>;

/** The store fields a lesson's claim is read from: a new reading only when one of them changes. */
export function claimFields(lesson: Lesson): (keyof ClaimState)[] {
  const { metric, guard } = lesson.claim.check;
  return [...new Set<keyof ClaimState>(['config', 'runState', ...fieldsRead(guard ? [metric, guard.metric] : [metric])])];
}

/** Every setting but the seed: a new seed repeats the same experiment. */
function sameExperiment(a: LabConfig, b: LabConfig): boolean {
  const strip = (c: LabConfig) => JSON.stringify({ model: c.model, train: { ...c.train, seed: 0 } });
  return strip(a) === strip(b);
}

/** The inputs of evaluateClaim for one measure, its value with the epoch it was measured at. */
export function claimInputs(metric: MeasureId, s: MeasureState): ClaimInputs {
  const r = MEASURES[metric].read(s);
  const only = (v: number | undefined) => (v === undefined ? {} : { [metric]: v });
  return { epoch: r.epoch, current: only(r.value), baseline: only(r.baseline), initial: only(r.initial) };
}

export function readClaim(lesson: Lesson, s: ClaimState): ClaimReading {
  const { check } = lesson.claim;
  const inputs = claimInputs(check.metric, s);
  // The guard's measure is read as measured now (the latest value), beside the main one; a guard
  // measured before the named epoch (the untrained model's error) says nothing about the model
  // judged, so the claim waits for a fresh one.
  if (check.guard) {
    const guard = claimInputs(check.guard.metric, s);
    if (guard.epoch >= check.minEpochs) Object.assign(inputs.current, guard.current);
  }
  return {
    verdict: evaluateClaim(check, inputs),
    metric: check.metric,
    epoch: inputs.epoch,
    diverged: s.runState === 'diverged',
    changed: !sameExperiment(s.config, lessonConfig(lesson)),
  };
}

/**
 * The claim's verdict at the epoch it names: the first reading of a run that judged the claim
 * (holds or fails), kept while that run goes on, so the page does not flip when a student keeps
 * training past it. The latest reading is shown beside it.
 */
export interface ClaimJudgement {
  lessonId: string;
  runId: number;
  reading: ClaimReading;
}

/**
 * The judgement after a new reading: `previous` while it belongs to the same lesson and run
 * (and the run has not gone back in epochs: a reset), else the latest reading once it is judged.
 */
export function judgeOnce(previous: ClaimJudgement | undefined, lessonId: string, runId: number, latest: ClaimReading): ClaimJudgement | undefined {
  if (previous && previous.lessonId === lessonId && previous.runId === runId && !(latest.epoch < previous.reading.epoch)) return previous;
  return latest.verdict.state === 'pending' ? undefined : { lessonId, runId, reading: latest };
}
