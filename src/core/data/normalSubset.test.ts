import { describe, expect, it } from 'vitest';
import { isAllDigits, trainingSubset } from './normalSubset';
import { seededSubset } from './rng';

// Twelve labels: 0 1 2 0 1 2 0 1 2 9 9 9
const labels = Uint8Array.from([0, 1, 2, 0, 1, 2, 0, 1, 2, 9, 9, 9]);
const ALL = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

describe('trainingSubset', () => {
  it('with all ten digits is the seeded subset of before', () => {
    expect(Array.from(trainingSubset(labels, 5, 3, ALL))).toEqual(Array.from(seededSubset(12, 5, 3)));
    expect(isAllDigits(ALL)).toBe(true);
    expect(isAllDigits([0, 1])).toBe(false);
  });

  it('takes only the normal digits, all of them when fewer than trainSize exist', () => {
    // The 1s sit at 1, 4, 7 and the 9s at 9, 10, 11.
    expect(Array.from(trainingSubset(labels, 1000, 1, [1, 9]))).toEqual([1, 4, 7, 9, 10, 11]);
    expect(Array.from(trainingSubset(labels, 1000, 1, [2]))).toEqual([2, 5, 8]);
  });

  it('draws min(trainSize, eligible) with the seed, ascending, the same each time', () => {
    const a = trainingSubset(labels, 2, 5, [0, 9]);
    expect(a.length).toBe(2);
    for (const i of a) expect([0, 9]).toContain(labels[i]);
    expect(a[0]).toBeLessThan(a[1]);
    expect(Array.from(trainingSubset(labels, 2, 5, [0, 9]))).toEqual(Array.from(a));
    // The same draw as seededSubset over the six eligible positions 0, 3, 6, 9, 10, 11.
    const eligible = [0, 3, 6, 9, 10, 11];
    expect(Array.from(a)).toEqual(Array.from(seededSubset(6, 2, 5), (j) => eligible[j]));
  });

  it('refuses an empty list or a digit nobody wrote, with a message', () => {
    expect(() => trainingSubset(labels, 5, 1, [])).toThrow(/at least one/);
    expect(() => trainingSubset(labels, 5, 1, [4])).toThrow(/no training digit is a 4/);
  });
});
