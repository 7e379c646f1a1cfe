import { describe, expect, it } from 'vitest';
import { auroc, confusionMatrix, rocCurve, trapezoidArea } from './roc';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The definition: share of (anomaly, normal) pairs the score orders correctly, ties half. O(n²). */
function pairwiseAuroc(scores: number[], positive: boolean[]): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!positive[i]) continue;
    for (let j = 0; j < scores.length; j++) {
      if (positive[j]) continue;
      pairs++;
      wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

describe('ROC and AUROC, worked by hand', () => {
  // Scores (higher = more anomalous) and classes (1 = anomaly): P = 3 anomalies, N = 3 normal.
  const scores = [0.9, 0.8, 0.7, 0.6, 0.55, 0.4];
  const positive = [1, 0, 1, 1, 0, 0];

  it('the curve steps up for each anomaly and right for each normal item', () => {
    const roc = rocCurve(scores, positive);
    // threshold:  ∞     0.9    0.8    0.7    0.6    0.55   0.4
    // flagged:    -     A      A+N    2A+N   3A+N   3A+2N  all
    expect(Array.from(roc.thresholds)).toEqual([Infinity, 0.9, 0.8, 0.7, 0.6, 0.55, 0.4]);
    const third = 1 / 3;
    const expectFpr = [0, 0, third, third, third, 2 * third, 1];
    const expectTpr = [0, third, third, 2 * third, 1, 1, 1];
    expectFpr.forEach((v, i) => expect(roc.fpr[i]).toBeCloseTo(v, 12));
    expectTpr.forEach((v, i) => expect(roc.tpr[i]).toBeCloseTo(v, 12));
  });

  it('AUROC = pairs ordered correctly / all pairs = 7/9', () => {
    // Anomaly 0.9 beats all 3 normal (0.8, 0.55, 0.4); 0.7 beats 0.55 and 0.4; 0.6 beats 0.55 and 0.4:
    // 3 + 2 + 2 = 7 of 3 x 3 = 9 pairs. By ranks: anomalies hold ranks 6, 4, 3 -> 13 - 3·4/2 = 7.
    expect(auroc(scores, positive)).toBeCloseTo(7 / 9, 12);
    // Trapezoids: 1/3 wide at height 1/3 (= 1/9), then 2/3 wide at height 1 (= 2/3): 7/9.
    const roc = rocCurve(scores, positive);
    expect(trapezoidArea(roc.fpr, roc.tpr)).toBeCloseTo(7 / 9, 12);
  });

  it('ties between classes count one half and make one diagonal segment', () => {
    // Anomalies score 2 and 1; normal items 1, 1, 0 (P = 2, N = 3).
    // Pairs: 2 beats all three (3); 1 vs 1, 1 is two ties (2 x 0.5) and 1 beats 0 (1): 5 of 6.
    const tied = [2, 1, 1, 1, 0];
    const flags = [true, true, false, false, false];
    expect(auroc(tied, flags)).toBeCloseTo(5 / 6, 12);
    const roc = rocCurve(tied, flags);
    // Threshold 1 flags the anomaly and both normal 1s together: (0, 1/2) -> (2/3, 1), one segment.
    expect(Array.from(roc.thresholds)).toEqual([Infinity, 2, 1, 0]);
    [0, 0, 2 / 3, 1].forEach((v, i) => expect(roc.fpr[i]).toBeCloseTo(v, 12));
    [0, 0.5, 1, 1].forEach((v, i) => expect(roc.tpr[i]).toBeCloseTo(v, 12));
    // (2/3)·(1/2 + 1)/2 + (1/3)·1 = 1/2 + 1/3 = 5/6, whatever order the tied items come in.
    expect(trapezoidArea(roc.fpr, roc.tpr)).toBeCloseTo(5 / 6, 12);
    expect(auroc([1, 1, 2, 0, 1], [false, true, true, false, false])).toBeCloseTo(5 / 6, 12);
  });

  it('all scores equal = 0.5, perfect = 1, inverted = 0, one class only = NaN', () => {
    expect(auroc([5, 5, 5, 5, 5], [1, 0, 1, 0, 0])).toBe(0.5);
    const flat = rocCurve([5, 5, 5, 5, 5], [1, 0, 1, 0, 0]);
    expect(Array.from(flat.fpr)).toEqual([0, 1]);
    expect(Array.from(flat.tpr)).toEqual([0, 1]);
    expect(auroc([3, 4, 1, 2], [1, 1, 0, 0])).toBe(1);
    expect(auroc([1, 2, 3, 4], [1, 1, 0, 0])).toBe(0);
    expect(auroc([1, 2, 3], [0, 0, 0])).toBeNaN();
    expect(auroc([1, 2, 3], [1, 1, 1])).toBeNaN();
    // Infinite errors still rank (a reconstruction that overflowed is the most anomalous).
    expect(auroc([Infinity, Infinity, 1, 2], [1, 1, 0, 0])).toBe(1);
  });

  it('refuses NaN scores and mismatched lengths', () => {
    expect(() => auroc([1, Number.NaN], [1, 0])).toThrow(RangeError);
    expect(() => rocCurve([1, 2], [1])).toThrow(RangeError);
    expect(() => confusionMatrix([1, 2], [1], 1)).toThrow(RangeError);
  });

  it('agrees with the pairwise definition and the trapezoid rule on random scores with ties', () => {
    const rnd = lcg(3);
    for (let trial = 0; trial < 30; trial++) {
      const n = 5 + Math.floor(rnd() * 60);
      // Few distinct values: plenty of ties within and across classes.
      const s = Array.from({ length: n }, () => Math.floor(rnd() * 7));
      const p = Array.from({ length: n }, (_, i) => i < 2 || (i >= 4 && rnd() < 0.4));
      p[2] = false;
      p[3] = false;
      const expected = pairwiseAuroc(s, p);
      expect(auroc(s, p)).toBeCloseTo(expected, 12);
      const roc = rocCurve(s, p);
      expect(trapezoidArea(roc.fpr, roc.tpr)).toBeCloseTo(expected, 12);
    }
  });
});

describe('confusionMatrix, worked by hand', () => {
  const scores = [0.9, 0.8, 0.7, 0.6, 0.55, 0.4];
  const positive = [1, 0, 1, 1, 0, 0];

  it('flags score >= threshold', () => {
    // Threshold 0.7 flags 0.9 (A), 0.8 (N), 0.7 (A): TP 2, FP 1; left: 0.6 (A) FN 1, 0.55, 0.4 TN 2.
    const m = confusionMatrix(scores, positive, 0.7);
    expect([m.truePositive, m.falsePositive, m.trueNegative, m.falseNegative]).toEqual([2, 1, 2, 1]);
    expect(m.truePositiveRate).toBeCloseTo(2 / 3, 12);
    expect(m.falsePositiveRate).toBeCloseTo(1 / 3, 12);
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.accuracy).toBeCloseTo(4 / 6, 12);
  });

  it('nothing flagged above the top score, everything at the bottom one', () => {
    const none = confusionMatrix(scores, positive, 1);
    expect([none.truePositive, none.falsePositive, none.trueNegative, none.falseNegative]).toEqual([0, 0, 3, 3]);
    expect(none.precision).toBeNaN(); // 0 / 0: no flagged items to be right about
    expect(none.accuracy).toBe(0.5);
    const all = confusionMatrix(scores, positive, 0.4);
    expect([all.truePositive, all.falsePositive, all.trueNegative, all.falseNegative]).toEqual([3, 3, 0, 0]);
  });

  it('at each ROC threshold, the matrix gives that point of the curve', () => {
    const rnd = lcg(11);
    const s = Array.from({ length: 200 }, () => Math.round(rnd() * 40) / 4);
    const p = s.map((v) => rnd() < 0.2 + v / 20);
    const roc = rocCurve(s, p);
    for (let i = 1; i < roc.thresholds.length; i++) {
      const m = confusionMatrix(s, p, roc.thresholds[i]);
      expect(m.falsePositiveRate).toBe(roc.fpr[i]);
      expect(m.truePositiveRate).toBe(roc.tpr[i]);
    }
  });
});
