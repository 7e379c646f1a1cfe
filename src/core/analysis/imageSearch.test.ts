import { describe, expect, it } from 'vitest';
import { PrecisionTally, searchBytes, searchScore } from './imageSearch';

// Reference points on a line: 0, 1, 2 | 10, 11 with labels 0, 0, 1 | 1, 1.
const reference = Float32Array.from([0, 1, 2, 10, 11]);
const referenceLabels = [0, 0, 1, 1, 1];
// Query 0.4 (label 0): nearest three are 0, 1, 2 -> labels 0, 0, 1 -> precision@3 = 2/3.
// Query 10.4 (label 1): nearest three are 10, 11, 2 -> labels 1, 1, 1 -> precision@3 = 1.
const queries = Float32Array.from([0.4, 10.4]);
const queryLabels = [0, 1];

describe('image search precision@k', () => {
  it('matches a case counted by hand', () => {
    const s = searchScore(reference, referenceLabels, queries, queryLabels, 1, 3);
    expect(s.precision).toBeCloseTo(5 / 6, 12);
    expect(s).toMatchObject({ queries: 2, k: 3, dims: 1, reference: 5, bytes: 20 });
    expect(s.msPerQuery).toBeGreaterThanOrEqual(0);
  });

  it('measures in chunks: the partial score is that of the queries done so far', () => {
    const tally = new PrecisionTally(reference, referenceLabels, queries, queryLabels, 1, 3);
    expect(tally.score().precision).toBeNaN();
    expect(tally.advance(1)).toBe(false);
    expect(tally.measured).toBe(1);
    expect(tally.score().precision).toBeCloseTo(2 / 3, 12);
    expect(tally.advance(10)).toBe(true);
    expect(tally.score().precision).toBeCloseTo(5 / 6, 12);
  });

  it('searches in two dimensions with k = 1 (the nearest by Euclidean distance, not by one coordinate)', () => {
    // (0, 5) is nearer to (3, 5) (distance 3) than to (0, 0) (distance 5).
    const ref = Float32Array.from([0, 0, 3, 5]);
    const s = searchScore(ref, [7, 8], Float32Array.from([0, 5]), [8], 2, 1);
    expect(s.precision).toBe(1);
    expect(s.bytes).toBe(16);
  });

  it('counts the bytes of a float32 reference set', () => {
    expect(searchBytes(10000, 784)).toBe(31_360_000);
    expect(searchBytes(10000, 32)).toBe(1_280_000);
  });

  it('refuses sizes that do not fit, with a message', () => {
    expect(() => new PrecisionTally(reference, [0, 0], queries, queryLabels, 1, 1)).toThrow(/reference numbers/);
    expect(() => new PrecisionTally(reference, referenceLabels, queries, [0], 1, 1)).toThrow(/query numbers/);
    expect(() => new PrecisionTally(reference, referenceLabels, queries, queryLabels, 1, 6)).toThrow(/k=6/);
    expect(() => new PrecisionTally(reference, referenceLabels, new Float32Array(0), [], 1, 1)).toThrow(/at least one query/);
  });
});
