/**
 * Judging a lesson's claim from live measurements. Pure: the page gathers the numbers
 * (state/measures.ts says what each measure is and how it is read) and shows the verdict.
 */
import type { MeasureId } from './catalog';
import type { ClaimCheck } from './types';

type MetricValues = Partial<Record<MeasureId, number>>;

export interface ClaimInputs {
  /** Epochs trained so far in the current configuration. */
  epoch: number;
  /** Latest values for the autoencoder. */
  current: MetricValues;
  /** Each measure's baseline (PCA at the same code size, the PCA-2 map, LSA-10 ...). */
  baseline: MetricValues;
  /** The first live value of each metric for this configuration (before much training). */
  initial: MetricValues;
}

export type ClaimVerdict =
  /** Not enough training yet, or a number the check needs has not arrived. */
  | { state: 'pending'; reason: 'training' | 'waiting-for-metric' | 'waiting-for-reference' }
  | { state: 'holds' | 'fails'; value: number; target: number; /** set when the guard failed: value and target are the guard's */ guard?: MeasureId };

/** The number the metric is compared with, or undefined while it is not known. */
export function claimTarget(check: ClaimCheck, inputs: ClaimInputs): number | undefined {
  switch (check.compare) {
    case 'fixed':
      return check.value;
    case 'baseline': {
      const ref = inputs.baseline[check.metric];
      return ref === undefined || !Number.isFinite(ref) ? undefined : check.factor * ref + check.margin;
    }
    case 'initial': {
      const ref = inputs.initial[check.metric];
      return ref === undefined || !Number.isFinite(ref) ? undefined : check.factor * ref;
    }
  }
}

/**
 * holds / fails once minEpochs are trained and the numbers exist. A NaN or infinite metric
 * (a diverged model) fails rather than waits.
 */
export function evaluateClaim(check: ClaimCheck, inputs: ClaimInputs): ClaimVerdict {
  if (!(inputs.epoch >= check.minEpochs)) return { state: 'pending', reason: 'training' };
  const value = inputs.current[check.metric];
  if (value === undefined) return { state: 'pending', reason: 'waiting-for-metric' };
  const target = claimTarget(check, inputs);
  if (target === undefined) return { state: 'pending', reason: 'waiting-for-reference' };
  const meets = (v: number, relation: 'lt' | 'gt', t: number) => Number.isFinite(v) && (relation === 'lt' ? v < t : v > t);
  const holds = meets(value, check.relation, target) && (check.atLeast === undefined || value >= check.atLeast);
  const guard = check.guard;
  if (holds && guard) {
    const g = inputs.current[guard.metric];
    if (g === undefined) return { state: 'pending', reason: 'waiting-for-metric' };
    if (!meets(g, guard.relation, guard.value)) return { state: 'fails', value: g, target: guard.value, guard: guard.metric };
  }
  return { state: holds ? 'holds' : 'fails', value, target };
}
