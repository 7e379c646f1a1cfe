import { describe, expect, it } from 'vitest';
import { plainEpoch, plainInteger, plainNumber, ratio } from './format';

describe('plain number formats', () => {
  it('round-trip through parseFloat within the shown precision', () => {
    for (const x of [0.123456, 43.2109, 1e-5, 3.5e-8, 0.5, 999.95, 12345.6, 7]) {
      const back = parseFloat(plainNumber(x));
      expect(Math.abs(back - x) / x).toBeLessThan(5e-4);
    }
  });

  it('never use grouping separators or exponent notation for large values', () => {
    expect(plainNumber(12345.6)).toBe('12346');
    expect(plainNumber(1234.56)).toBe('1235');
    expect(plainNumber(0.12345)).toBe('0.1235');
    expect(plainNumber(0.5)).toBe('0.5');
    expect(plainInteger(60000)).toBe('60000');
    expect(plainInteger(12.6)).toBe('13');
  });

  it('name non-finite values instead of printing garbage', () => {
    expect(plainNumber(NaN)).toBe('NaN');
    expect(plainNumber(Infinity)).toBe('∞');
    expect(plainInteger(-Infinity)).toBe('-∞');
    expect(plainEpoch(NaN)).toBe('NaN');
  });

  it('show epochs with two decimals and ratios with two significant digits', () => {
    expect(plainEpoch(0.3456)).toBe('0.35');
    expect(plainEpoch(12)).toBe('12.00');
    expect(ratio(52.4, 40)).toBe('1.3');
    expect(ratio(120, 10)).toBe('12');
  });
});
