/**
 * Predict, then run (issue 14): each lesson opens with one question the student answers before
 * training. Studies of teaching with visualizations found that students learn when the tool
 * asks them to respond or predict before it shows, not when they watch (Hundhausen et al. 2002;
 * Naps et al. 2003).
 *
 * The choices are data; which one is right is never written in the lesson: it is decided from
 * a live measurement of the lab, read at the epoch the question names (state/predictionReading.ts
 * gathers the numbers, `judgePrediction` decides). Pure: no React, no store, no tfjs.
 */
import type { ModelSettingId } from '../core/settings/modelRows';
import type { Locale } from '../i18n/locale';
import type { MeasureId } from './catalog';

type Text = Readonly<Record<Locale, string>>;

/**
 * Measurements with several parts, one number per part, that a question can ask the best or
 * worst of (state/predictionReading.ts says how each is read):
 * - anomalyDigits: the AUROC of each digit outside the normal ones against the normal digits
 *   (keys '0'..'9'), from every test digit's anomaly score;
 * - embeddingMaps: the 5-NN accuracy of each map of the visualization lesson (keys 'codes',
 *   'pca2', 'pixels');
 * - gridHoles: the share of empty cells of the VAE's grid ('vae') and of the plain autoencoder's
 *   grids beside it ('plainBox': over its own codes' range, 'plainPrior': at the prior's quantiles).
 */
export const PREDICTION_ITEMS = ['anomalyDigits', 'embeddingMaps', 'gridHoles'] as const;
export type PredictionItemsId = (typeof PREDICTION_ITEMS)[number];

/**
 * How the right choice is found from what the lab measures:
 * - range: the choices split one number's axis in order, choice i holding where
 *   bounds[i - 1] <= x < bounds[i] (choices.length = bounds.length + 1). x is the measure's
 *   value, its ratio to its baseline (value / baseline) or its difference (value - baseline).
 * - extreme: each choice names one part of a measurement with parts (its `id` is the part's
 *   key); the right one has the lowest ('min') or highest ('max') number.
 * - setting: each choice is one value of a model setting (its `value`); the student trains the
 *   lesson's model with each, and the right one gave the lowest or highest measure. Only runs
 *   that differ in that setting alone (and the seed) are compared.
 * Every judge reads its numbers at the first measurement at or after `epoch` epochs of the run.
 */
export type PredictionJudge =
  | { kind: 'range'; measure: MeasureId; of: 'value' | 'ratio' | 'difference'; bounds: readonly number[]; epoch: number }
  | { kind: 'extreme'; items: PredictionItemsId; pick: 'min' | 'max'; epoch: number }
  | { kind: 'setting'; setting: ModelSettingId; measure: MeasureId; pick: 'min' | 'max'; epoch: number };

export interface PredictionChoice {
  /** Unique within the question; for an 'extreme' judge the key of the part it names ('6', 'codes'). */
  id: string;
  text: Text;
  /** For a 'setting' judge: the setting's value this choice trains with. */
  value?: string | number;
}

export interface LessonPrediction {
  /** The question, asked before Train (Markdown inline, with $...$ math). */
  question: Text;
  choices: readonly PredictionChoice[];
  judge: PredictionJudge;
}

/**
 * The numbers a judge needs, as measured (undefined while missing):
 * - value: the range judge's x at `epoch`;
 * - items: the extreme judge's parts at `epoch`;
 * - trials: the setting judge's measure for each choice that has been trained to the epoch.
 */
export type PredictionReading =
  | { kind: 'value'; epoch: number; value?: number }
  | { kind: 'items'; epoch: number; items: Readonly<Record<string, number | undefined>> }
  | { kind: 'trials'; trials: Readonly<Record<string, { epoch: number; value: number } | undefined>> };

export type PredictionVerdict =
  /** Not trained to the question's epoch yet, or a number it needs has not arrived. */
  | { state: 'pending'; reason: 'training' | 'waiting' | 'trials' }
  /** `right` is the id of the choice the measurement supports. */
  | { state: 'measured'; right: string };

/** The index of the range x falls in (bounds ascending): 0 below bounds[0], bounds.length at or above the last. */
export function rangeIndex(bounds: readonly number[], x: number): number {
  let i = 0;
  while (i < bounds.length && x >= bounds[i]) i++;
  return i;
}

/**
 * The choice with the lowest or highest number; undefined when a choice has no number yet or a
 * number is not finite. A tie goes to the choice listed first.
 */
export function extremeChoice(choices: readonly PredictionChoice[], numbers: (c: PredictionChoice) => number | undefined, pick: 'min' | 'max'): string | undefined {
  let best: { id: string; x: number } | undefined;
  for (const c of choices) {
    const x = numbers(c);
    if (x === undefined || !Number.isFinite(x)) return undefined;
    if (!best || (pick === 'min' ? x < best.x : x > best.x)) best = { id: c.id, x };
  }
  return best?.id;
}

/** The key a setting judge's trials are kept under: the choice's value as text. */
export const trialKey = (value: string | number | undefined): string => String(value);

/** Which choice the measurement supports, or why it is not known yet. */
export function judgePrediction(p: LessonPrediction, r: PredictionReading): PredictionVerdict {
  const { judge } = p;
  if (r.kind === 'trials') {
    if (judge.kind !== 'setting') return { state: 'pending', reason: 'waiting' };
    const right = extremeChoice(p.choices, (c) => r.trials[trialKey(c.value)]?.value, judge.pick);
    return right === undefined ? { state: 'pending', reason: 'trials' } : { state: 'measured', right };
  }
  if (!(r.epoch >= judge.epoch)) return { state: 'pending', reason: 'training' };
  if (r.kind === 'value') {
    if (judge.kind !== 'range' || r.value === undefined || Number.isNaN(r.value)) return { state: 'pending', reason: 'waiting' };
    return { state: 'measured', right: p.choices[rangeIndex(judge.bounds, r.value)].id };
  }
  if (judge.kind !== 'extreme') return { state: 'pending', reason: 'waiting' };
  const right = extremeChoice(p.choices, (c) => r.items[c.id], judge.pick);
  return right === undefined ? { state: 'pending', reason: 'waiting' } : { state: 'measured', right };
}
