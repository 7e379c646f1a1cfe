/**
 * How well a score separates two classes, for the anomaly-detection lesson: the score of an
 * image is its reconstruction error, the "positive" class is the anomalies (digits the model
 * never saw), and a threshold on the score is the detector.
 *
 * Convention throughout: a HIGHER score means MORE anomalous, and an item is flagged
 * (predicted positive) when score >= threshold.
 */

/** Positive class membership per item: true or any non-zero number = positive (anomalous). */
export type PositiveFlags = ArrayLike<boolean | number>;

export interface RocCurve {
  /** [m + 1] false-positive rate at each point, from 0 to 1. */
  fpr: Float64Array;
  /** [m + 1] true-positive rate at each point, from 0 to 1. */
  tpr: Float64Array;
  /**
   * [m + 1] the threshold of each point: +Infinity (nothing flagged), then each of the m distinct
   * scores in decreasing order (flag score >= it). Items with equal scores enter together, so a
   * tie between classes is one diagonal step, not a staircase that depends on item order.
   */
  thresholds: Float64Array;
}

export interface ConfusionMatrix {
  truePositive: number;
  falsePositive: number;
  trueNegative: number;
  falseNegative: number;
  /** TP / (TP + FN): share of anomalies flagged (NaN without anomalies). */
  truePositiveRate: number;
  /** FP / (FP + TN): share of normal items flagged (NaN without normal items). */
  falsePositiveRate: number;
  /** TP / (TP + FP): share of flagged items that are anomalies (NaN when nothing is flagged). */
  precision: number;
  /** (TP + TN) / all. */
  accuracy: number;
}

function check(scores: ArrayLike<number>, positive: PositiveFlags): void {
  if (scores.length !== positive.length) {
    throw new RangeError(`${scores.length} scores but ${positive.length} class flags`);
  }
  for (let i = 0; i < scores.length; i++) {
    // A NaN score (a diverged model) has no place in a ranking: refuse rather than guess.
    if (Number.isNaN(scores[i])) throw new RangeError(`score ${i} is NaN`);
  }
}

/** Ascending order that also holds for infinite scores (Infinity - Infinity is NaN). */
function compare(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Counts of positives and negatives. */
function classCounts(positive: PositiveFlags): { positives: number; negatives: number } {
  let positives = 0;
  for (let i = 0; i < positive.length; i++) if (positive[i]) positives++;
  return { positives, negatives: positive.length - positives };
}

/**
 * The ROC curve: (false-positive rate, true-positive rate) as the threshold falls through every
 * distinct score. With no positives (or no negatives) the TPR (or FPR) is NaN at every point.
 * @param scores [n] higher = more anomalous
 * @param positive [n] true for the anomalies
 */
export function rocCurve(scores: ArrayLike<number>, positive: PositiveFlags): RocCurve {
  check(scores, positive);
  const n = scores.length;
  const { positives, negatives } = classCounts(positive);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => compare(scores[b], scores[a]));
  const fpr = [0];
  const tpr = [0];
  const thresholds = [Infinity];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < n; ) {
    const threshold = scores[order[i]];
    // The whole group of equal scores is flagged at once.
    while (i < n && scores[order[i]] === threshold) {
      if (positive[order[i]]) tp++;
      else fp++;
      i++;
    }
    fpr.push(fp / negatives);
    tpr.push(tp / positives);
    thresholds.push(threshold);
  }
  return { fpr: Float64Array.from(fpr), tpr: Float64Array.from(tpr), thresholds: Float64Array.from(thresholds) };
}

/**
 * Area under the ROC curve, by ranks (Mann-Whitney): the probability that a random anomaly
 * scores higher than a random normal item, a tie counting one half. This equals the trapezoid
 * area under rocCurve (each tie group is one straight segment). 1 = perfect, 0.5 = no better
 * than chance (e.g. all scores equal), 0 = perfectly inverted. NaN when either class is empty.
 * O(n log n).
 */
export function auroc(scores: ArrayLike<number>, positive: PositiveFlags): number {
  check(scores, positive);
  const n = scores.length;
  const { positives, negatives } = classCounts(positive);
  if (positives === 0 || negatives === 0) return Number.NaN;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => compare(scores[a], scores[b]));
  // Sum of the positives' ranks (1-based, ascending score), equal scores sharing their mean rank.
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    let groupPositives = 0;
    while (j < n && scores[order[j]] === scores[order[i]]) {
      if (positive[order[j]]) groupPositives++;
      j++;
    }
    const meanRank = (i + 1 + j) / 2; // ranks i+1 .. j
    rankSum += groupPositives * meanRank;
    i = j;
  }
  // U = rank sum minus the smallest it can be; divided by its largest possible value.
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Trapezoid area under a curve given by its points (x ascending), e.g. a RocCurve. */
export function trapezoidArea(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new RangeError(`${x.length} x values but ${y.length} y values`);
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return area;
}

/**
 * The detector at one threshold: items with score >= threshold are flagged as anomalies.
 * @param scores [n] higher = more anomalous
 * @param positive [n] true for the anomalies
 */
export function confusionMatrix(scores: ArrayLike<number>, positive: PositiveFlags, threshold: number): ConfusionMatrix {
  check(scores, positive);
  let truePositive = 0;
  let falsePositive = 0;
  let trueNegative = 0;
  let falseNegative = 0;
  for (let i = 0; i < scores.length; i++) {
    const flagged = scores[i] >= threshold;
    if (positive[i]) {
      if (flagged) truePositive++;
      else falseNegative++;
    } else if (flagged) falsePositive++;
    else trueNegative++;
  }
  const n = scores.length;
  return {
    truePositive,
    falsePositive,
    trueNegative,
    falseNegative,
    truePositiveRate: truePositive / (truePositive + falseNegative),
    falsePositiveRate: falsePositive / (falsePositive + trueNegative),
    precision: truePositive / (truePositive + falsePositive),
    accuracy: (truePositive + trueNegative) / n,
  };
}
