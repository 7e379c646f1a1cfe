import { describe, expect, it } from 'vitest';
import { chanceRetrievalFraction, meanPrecisionAtK, precisionAtK, retrievalCurve } from './retrieval';

describe('precision@k, worked by hand', () => {
  it('counts the query label among the first k', () => {
    const ranked = [1, 1, 0, 1, 0];
    expect(precisionAtK(ranked, 1, 1)).toBe(1); // [1]
    expect(precisionAtK(ranked, 1, 3)).toBeCloseTo(2 / 3, 12); // [1, 1, 0]
    expect(precisionAtK(ranked, 1, 5)).toBeCloseTo(3 / 5, 12); // [1, 1, 0, 1, 0]
    expect(precisionAtK(ranked, 0, 3)).toBeCloseTo(1 / 3, 12);
    expect(() => precisionAtK(ranked, 1, 6)).toThrow(RangeError);
    expect(() => precisionAtK(ranked, 1, 0)).toThrow(RangeError);
  });

  it('mean precision@k of queries against a reference set', () => {
    // Reference on a line: 0, 1 (label 0); 2, 10, 11 (label 1). k = 2.
    const reference = new Float32Array([0, 1, 2, 10, 11]);
    const referenceLabels = [0, 0, 1, 1, 1];
    // 0.4 (label 0) -> 0 (0.4), 1 (0.6): 2/2; 9 (label 1) -> 10, 11: 2/2;
    // 1.6 (label 0) -> 2 (0.4, label 1), 1 (0.6, label 0): 1/2. Mean (1 + 1 + 1/2) / 3 = 5/6.
    const queries = new Float32Array([0.4, 9, 1.6]);
    expect(meanPrecisionAtK(reference, referenceLabels, queries, [0, 1, 0], 1, 2)).toBeCloseTo(5 / 6, 12);
    // Cosine in 2-D: every reference point lies along (1, 0) or (0, 1).
    const ref2 = new Float32Array([1, 0, 5, 0.1, 0, 2, 0.2, 3]);
    // (1, 0.05) -> angle-nearest (1, 0), (5, 0.1): both label 7 -> 1; (0.1, 1) -> (0.2, 3), (0, 2): label 8 -> 1.
    expect(meanPrecisionAtK(ref2, [7, 7, 8, 8], new Float32Array([1, 0.05, 0.1, 1]), [7, 7], 2, 2, 'cosine')).toBeCloseTo(
      1 / 2,
      12,
    );
    expect(() => meanPrecisionAtK(reference, referenceLabels, queries, [0, 1, 0], 1, 6)).toThrow(RangeError);
    expect(() => meanPrecisionAtK(reference, [0, 1], queries, [0, 1, 0], 1, 1)).toThrow(RangeError);
  });
});

describe('retrieval curve, worked by hand', () => {
  // Five items on a line: 0, 1 (label 0); 2, 10, 11 (label 1). Euclidean, counts 1, 2, 4.
  const points = new Float32Array([0, 1, 2, 10, 11]);
  const labels = [0, 0, 1, 1, 1];

  it('leave-one-out: each item queries the other four', () => {
    // query 0  -> 1 (l0), 2, 10, 11:           r=1: 1,  r=2: 1/2, r=4: 1/4
    // query 1  -> 0 (l0), 2 (tie, by index), ...: 1,         1/2,      1/4
    // query 2  -> 1 (l0), 0 (l0), 10, 11:             0,         0,        2/4
    // query 10 -> 11 (l1), 2 (l1), 1, 0:              1,         1,        2/4
    // query 11 -> 10 (l1), 2 (l1), 1, 0:              1,         1,        2/4
    // means: r=1: 4/5; r=2: (1/2 + 1/2 + 0 + 1 + 1)/5 = 3/5; r=4: (1/4 + 1/4 + 1/2·3)/5 = 2/5
    const curve = retrievalCurve(points, labels, 1, [1, 2, 4], { metric: 'euclidean' });
    expect(curve.queries).toBe(5);
    expect(curve.counts).toEqual([1, 2, 4]);
    [4 / 5, 3 / 5, 2 / 5].forEach((v, i) => expect(curve.fraction[i]).toBeCloseTo(v, 12));
    // Retrieving everything gives the chance level: (2 · 1/4 + 3 · 2/4) / 5 = 2/5.
    expect(chanceRetrievalFraction(labels)).toBeCloseTo(2 / 5, 12);
  });

  it('a subset of queries', () => {
    // Queries 2 and 4 only (items at 2 and 11): r=1: (0 + 1)/2, r=2: (0 + 1)/2.
    const curve = retrievalCurve(points, labels, 1, [1, 2], { metric: 'euclidean', queries: [2, 4] });
    expect(curve.queries).toBe(2);
    [1 / 2, 1 / 2].forEach((v, i) => expect(curve.fraction[i]).toBeCloseTo(v, 12));
  });

  it('groups: items of the query own group are never retrieved', () => {
    // Groups (documents) 0, 0, 1, 1, 2.
    // query 0 (g0)  -> 2, 10, 11 (all l1):          r=1: 0, r=2: 0,   r=4 (3 left): 0/3
    // query 1 (g0)  -> 2, 10, 11:                      0,      0,                 0/3
    // query 2 (g1)  -> 1 (l0), 0 (l0), 11 (l1):        0,      0,                 1/3
    // query 10 (g1) -> 11 (l1), 1 (l0), 0 (l0):        1,      1/2,               1/3
    // query 11 (g2) -> 10 (l1), 2 (l1), 1, 0:          1,      1,                 2/4
    // means: r=1: 2/5; r=2: 3/10; r=4: (1/3 + 1/3 + 1/2)/5 = 7/30
    const curve = retrievalCurve(points, labels, 1, [1, 2, 4], { metric: 'euclidean', groups: [0, 0, 1, 1, 2] });
    [2 / 5, 3 / 10, 7 / 30].forEach((v, i) => expect(curve.fraction[i]).toBeCloseTo(v, 12));
    // All in one group: no query has anything to retrieve.
    const none = retrievalCurve(points, labels, 1, [1], { groups: [3, 3, 3, 3, 3] });
    expect(none.queries).toBe(0);
    expect(none.fraction[0]).toBeNaN();
  });

  it('cosine by default: the angle, not the length, decides', () => {
    // (1, 0) and (9, 0.5) are label 0; (0, 1) and (0.5, 9) label 1; lengths differ ninefold.
    const codes = new Float32Array([1, 0, 0, 1, 9, 0.5, 0.5, 9]);
    const curve = retrievalCurve(codes, [0, 1, 0, 1], 2, [1]);
    expect(curve.fraction[0]).toBe(1);
    // Euclidean pairs the two short vectors (distance √2) before the long ones: item 0 -> item 1.
    expect(retrievalCurve(codes, [0, 1, 0, 1], 2, [1], { metric: 'euclidean' }).fraction[0]).toBeCloseTo(1 / 2, 12);
  });

  it('refuses counts outside 1..n-1 and mismatched sizes', () => {
    expect(() => retrievalCurve(points, labels, 1, [5])).toThrow(RangeError);
    expect(() => retrievalCurve(points, labels, 1, [0])).toThrow(RangeError);
    expect(() => retrievalCurve(points, labels, 1, [])).toThrow(RangeError);
    expect(() => retrievalCurve(points, [0, 1], 1, [1])).toThrow(RangeError);
    expect(() => retrievalCurve(points, labels, 1, [1], { groups: [1, 2] })).toThrow(RangeError);
    expect(() => retrievalCurve(points, labels, 1, [1], { queries: [7] })).toThrow(RangeError);
  });
});
