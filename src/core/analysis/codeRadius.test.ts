import { describe, expect, it } from 'vitest';
import { createRng } from '../data/rng';
import { codeNorms, codeRadius } from './codeRadius';

describe('codeRadius', () => {
  it('is the radius within which the given share of the codes lie (nearest rank)', () => {
    // 100 two-number codes with norms 1..100 in a scrambled order: 95 lie within 95.
    const n = 100;
    const codes = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      const r = ((i * 37) % n) + 1;
      const angle = i * 0.7;
      codes[2 * i] = r * Math.cos(angle);
      codes[2 * i + 1] = r * Math.sin(angle);
    }
    expect(codeRadius(codes, n, 2, 0.95)).toBeCloseTo(95, 4);
    expect(codeRadius(codes, n, 2, 0.5)).toBeCloseTo(50, 4);
    expect(codeRadius(codes, n, 2, 1)).toBeCloseTo(100, 4);
    expect(codeRadius(codes, n, 2, 0.001)).toBeCloseTo(1, 4);
    // Not a multiple of 1/n: 0.955 * 100 = 95.5 needs 96 codes inside.
    expect(codeRadius(codes, n, 2, 0.955)).toBeCloseTo(96, 4);
  });

  it('uses every code dimension, and only the first n rows', () => {
    // Three 3-number codes with norms 5 (3,4,0), 13 (3,4,12) and 7 (2,3,6); the fourth row is not counted.
    const codes = Float32Array.from([3, 4, 0, 3, 4, 12, 2, 3, 6, 1000, 1000, 1000]);
    expect(codeRadius(codes, 3, 3, 1)).toBeCloseTo(13, 5);
    expect(codeRadius(codes, 3, 3, 0.5)).toBeCloseTo(7, 5);
    expect(codeRadius(codes, 3, 3, 0.1)).toBeCloseTo(5, 5);
    expect([...codeNorms(codes, 3, 3)].map((v) => Math.round(v * 1e5) / 1e5)).toEqual([5, 13, 7]);
  });

  it('agrees with the chi distribution on Gaussian codes', () => {
    // For standard normal codes in 2-D, |z|² is chi-squared with 2 degrees of freedom:
    // P(|z| <= r) = 1 - exp(-r²/2), so the 95% radius is sqrt(-2 ln 0.05) = 2.4477.
    const rng = createRng(7);
    const n = 20000;
    const codes = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      const r = Math.sqrt(-2 * Math.log(1 - rng()));
      const a = 2 * Math.PI * rng();
      codes[2 * i] = r * Math.cos(a);
      codes[2 * i + 1] = r * Math.sin(a);
    }
    expect(codeRadius(codes, n, 2, 0.95)).toBeCloseTo(2.4477, 1);
    expect(Math.abs(codeRadius(codes, n, 2, 0.95) - 2.4477)).toBeLessThan(0.05);
  });

  it('counts NaN and infinite codes as infinitely far, and an empty set as NaN', () => {
    const codes = Float32Array.from([1, 0, Number.NaN, 0, 0, 2, Infinity, 0]);
    expect(codeRadius(codes, 4, 2, 0.5)).toBe(2);
    expect(codeRadius(codes, 4, 2, 0.75)).toBe(Infinity);
    expect(codeRadius(new Float32Array(), 0, 2, 0.95)).toBeNaN();
  });

  it('refuses sizes that do not fit and quantiles outside (0, 1]', () => {
    expect(() => codeRadius(new Float32Array(5), 3, 2, 0.95)).toThrow(RangeError);
    expect(() => codeRadius(new Float32Array(6), 3, 0, 0.95)).toThrow(RangeError);
    expect(() => codeRadius(new Float32Array(6), 1.5, 2, 0.95)).toThrow(RangeError);
    for (const q of [0, -0.1, 1.01, Number.NaN]) expect(() => codeRadius(new Float32Array(6), 3, 2, q)).toThrow(/quantile/);
  });
});
