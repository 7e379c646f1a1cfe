/**
 * The numbers a lesson's question is judged on, read from the store: a measure through the
 * measures registry (measures.ts) for a 'range' or 'setting' judge, a measurement with parts for
 * an 'extreme' one (each test digit's AUROC, each map's 5-NN accuracy, each grid's holes).
 * Pure: no React, no DOM (the recorder, predictionRecorder.ts, and the card read through here).
 */
import { auroc } from '../core/analysis/roc';
import type { LabConfig } from '../core/config';
import type { PredictionItemsId, PredictionJudge, PredictionReading } from '../lessons/prediction';
import { MEASURES, type MeasureState } from './measures';
import type { LabState } from './store';

/** The store fields any question reads. */
export type PredictionState = MeasureState & Partial<Pick<LabState, 'plainComparison'>>;

/** How a measurement with parts is read: its store fields and its parts at the epoch measured. */
interface ItemsReading {
  reads: readonly (keyof PredictionState)[];
  read: (s: PredictionState) => { epoch: number; items: Record<string, number | undefined> };
}

/** Each digit outside the normal ones against the normal digits, memoised per anomaly event (10,000 scores). */
const digitAurocs = new WeakMap<object, Record<string, number>>();

/**
 * AUROC of the anomaly score for each digit d outside `normal`, on the test digits labelled d or
 * normal only, d positive (0.5 = chance, 1 = every d scores above every normal digit).
 */
export function aurocPerDigit(scores: ArrayLike<number>, labels: ArrayLike<number>, normal: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  const isNormal = (label: number) => normal.includes(label);
  for (let d = 0; d <= 9; d++) {
    if (isNormal(d)) continue;
    const picked: number[] = [];
    const positive: boolean[] = [];
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] !== d && !isNormal(labels[i])) continue;
      picked.push(scores[i]);
      positive.push(labels[i] === d);
    }
    if (positive.some((p) => p) && positive.some((p) => !p)) out[String(d)] = auroc(picked, positive);
  }
  return out;
}

export const ITEM_READINGS: { readonly [K in PredictionItemsId]: ItemsReading } = {
  anomalyDigits: {
    reads: ['anomaly'],
    read: (s) => {
      const a = s.anomaly;
      if (!a) return { epoch: 0, items: {} };
      let items = digitAurocs.get(a);
      if (!items) digitAurocs.set(a, (items = aurocPerDigit(a.scores, a.labels, a.normalDigits)));
      return { epoch: a.epoch, items };
    },
  },
  embeddingMaps: {
    reads: ['embedding'],
    read: (s) => {
      const e = s.embedding;
      const maps = e?.maps ?? {};
      return { epoch: e?.epoch ?? 0, items: { codes: maps.codes?.knnAccuracy, pca2: maps.pca2?.knnAccuracy, pixels: maps.pixels?.knnAccuracy } };
    },
  },
  gridHoles: {
    reads: ['engineMeasures', 'plainComparison'],
    read: (s) => {
      const m = s.engineMeasures?.kind === 'vae' ? s.engineMeasures : undefined;
      const plain = typeof s.plainComparison === 'object' ? s.plainComparison : undefined;
      return { epoch: m?.epoch ?? 0, items: { vae: m?.values.emptyCells, plainBox: plain?.emptyBox, plainPrior: plain?.emptyQuantile } };
    },
  },
};

/** The store fields a judge reads (a new reading only when one of them changes). */
export function predictionFields(judge: PredictionJudge): (keyof PredictionState)[] {
  const fields = judge.kind === 'extreme' ? ITEM_READINGS[judge.items].reads : MEASURES[judge.measure].reads;
  return [...new Set<keyof PredictionState>(['config', ...fields])];
}

/** A range judge's x: the value, its ratio to the baseline or its difference from it (undefined while one is missing). */
function rangeX(of: 'value' | 'ratio' | 'difference', value?: number, baseline?: number): number | undefined {
  if (value === undefined) return undefined;
  if (of === 'value') return value;
  if (baseline === undefined || !Number.isFinite(baseline)) return undefined;
  if (of === 'difference') return value - baseline;
  return baseline > 0 ? value / baseline : undefined;
}

/** One measure's reading as a 'value' reading of x (with the value and baseline it came from). */
export type ValueReading = Extract<PredictionReading, { kind: 'value' }> & { measured?: number; baseline?: number };

/**
 * The live reading of a 'range' or 'extreme' judge (as measured now; predictionRecorder.ts keeps
 * the first one at the judge's epoch), or of a 'setting' judge's measure for the current model.
 */
export function readJudge(judge: PredictionJudge, s: PredictionState): ValueReading | Extract<PredictionReading, { kind: 'items' }> {
  if (judge.kind === 'extreme') return { kind: 'items', ...ITEM_READINGS[judge.items].read(s) };
  const r = MEASURES[judge.measure].read(s);
  const of = judge.kind === 'range' ? judge.of : 'value';
  return { kind: 'value', epoch: r.epoch, value: rangeX(of, r.value, r.baseline), measured: r.value, baseline: r.baseline };
}

/** The value of a setting judge's setting in a config, as its trials are keyed (undefined: the kind lacks it). */
export function settingValue(config: LabConfig, setting: string): string | undefined {
  const v = (config.model as unknown as Record<string, unknown>)[setting];
  return v === undefined ? undefined : String(v);
}

/**
 * What a setting judge compares runs by: every setting but the seed and the judged one, so only
 * runs that differ in that setting alone count as one comparison.
 */
export function trialBase(config: LabConfig, setting: string): string {
  const model: Record<string, unknown> = { ...config.model };
  delete model[setting];
  return JSON.stringify({ model, train: { ...config.train, seed: 0 } });
}
