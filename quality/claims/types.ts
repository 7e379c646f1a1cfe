/**
 * What `npm run claims` measures for one lesson: the lesson's claim on its own preset and the
 * control the lecture says should not have the property, each on seeds 1, 2 and 3, judged by
 * the page's own judge (src/lessons/claims.ts evaluateClaim) at the epoch the claim names.
 */
import type { ClaimCheck } from '../../src/lessons/types';

/** The two runs of a claim: the lesson's preset, and the run that must fail the same check. */
export type Arm = 'claim' | 'control';

/** Measures a claim metric can be; the lab's ClaimMetric plus the ones this research adds. */
export type Metric = ClaimCheck['metric'] | 'emptyCells' | 'testKl';

type WithMetric<C> = C extends unknown
  ? Omit<C, 'metric' | 'guard'> & { metric: Metric; guard?: { metric: Metric; relation: 'lt' | 'gt'; value: number } }
  : never;
/** src/lessons/types.ts ClaimCheck over the research's metrics. */
export type Check = WithMetric<ClaimCheck>;

type Values = Partial<Record<Metric, number>>;
/** src/lessons/claims.ts ClaimInputs over the research's metrics. */
export interface Inputs {
  epoch: number;
  current: Values;
  baseline: Values;
  initial: Values;
}

export interface LessonClaimRun {
  /** The lesson's id (src/lessons/<id>). */
  lesson: string;
  /** The claim as the student reads it (English). */
  claim: string;
  /**
   * The machine check, as src/lessons/types.ts ClaimCheck (its metric may be one of the new
   * measures above). minEpochs is the epoch the claim is judged at.
   */
  check: Check;
  control: {
    /** What the control run is, in the lecture's words ("the same net without the penalty"). */
    name: string;
  };
  /**
   * Trains (or builds) one arm on one seed and returns the numbers the page would have at the
   * judged epoch: ClaimInputs' current / pca / initial values, epoch = the epoch measured.
   */
  measure(seed: number, arm: Arm): Promise<Inputs>;
  /** Extra figures worth a line in docs/claims.md (the latest readings, the reference values). */
  notes?: string[];
}

/** One judged run, as docs/claims.json stores it. */
export interface SeedResult {
  seed: number;
  value: number;
  /** The number the value is compared with (a PCA baseline differs by seed). */
  target: number;
  holds: boolean;
  /** Epoch at which the value was measured. */
  epoch: number;
  /** Set when a guard decided the verdict: the guard's metric and value. */
  guard?: { metric: string; value: number; target: number };
}

export interface ClaimRecord {
  lesson: string;
  order: number;
  claim: string;
  metric: string;
  relation: 'lt' | 'gt';
  /** The epoch the claim is judged at. */
  epoch: number;
  /** The check the seeds were judged by (a baseline's value per seed is (target - margin) / factor). */
  check: Check;
  seeds: SeedResult[];
  control: { name: string; seeds: SeedResult[] };
  /** Wall-clock seconds for the six runs (shared machine: see the machine line in claims.md). */
  seconds: number;
  notes?: string[];
}
