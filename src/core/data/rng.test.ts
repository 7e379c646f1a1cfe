import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, seededSubset, shuffledIndices } from './rng';

describe('seeded RNG', () => {
  it('is deterministic per seed, different across seeds, uniform in [0, 1)', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 10000 }, () => a());
    expect(Array.from({ length: 10000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 10 }, () => c())).not.toEqual(xs.slice(0, 10));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    // Deciles are filled evenly (a broken generator clumps).
    const bins = new Array(10).fill(0);
    for (const x of xs) bins[Math.floor(x * 10)]++;
    for (const n of bins) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });

  it('shuffledIndices is a permutation, deterministic for the seed', () => {
    const p = shuffledIndices(1000, createRng(1));
    expect(Array.from(p).sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(p).toEqual(shuffledIndices(1000, createRng(1)));
    expect(p).not.toEqual(shuffledIndices(1000, createRng(2)));
    // Actually shuffled: few fixed points.
    expect(Array.from(p).filter((v, i) => v === i).length).toBeLessThan(10);
  });

  it('seededSubset draws distinct sorted indices, the same for the same seed', () => {
    const s = seededSubset(60000, 1000, 7);
    expect(s.length).toBe(1000);
    expect(new Set(s).size).toBe(1000);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThan(s[i - 1]);
    expect(s[s.length - 1]).toBeLessThan(60000);
    expect(seededSubset(60000, 1000, 7)).toEqual(s);
    expect(seededSubset(60000, 1000, 8)).not.toEqual(s);
    // Spread over the whole set, not the first 1,000.
    expect(s[s.length - 1]).toBeGreaterThan(50000);
    expect(Array.from(seededSubset(5, 5, 3))).toEqual([0, 1, 2, 3, 4]);
    expect(() => seededSubset(10, 11, 1)).toThrow(RangeError);
  });

  it('deriveSeed gives independent, deterministic streams', () => {
    expect(deriveSeed(1, 1)).toBe(deriveSeed(1, 1));
    expect(deriveSeed(1, 1)).not.toBe(deriveSeed(1, 2));
    expect(deriveSeed(1, 1)).not.toBe(deriveSeed(2, 1));
  });
});
