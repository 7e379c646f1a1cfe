import { describe, expect, it } from 'vitest';
import { gridFractionToMap, mapToGridFraction, sliderRange } from './latentGeometry';

describe('grid geometry', () => {
  const e = { xMin: -3, xMax: 1, yMin: 2, yMax: 6 };

  it('puts the top-left corner at (xMin, yMax) and the centre of cell (r, c) at its decoded point', () => {
    expect(gridFractionToMap(0, 0, e)).toEqual([-3, 6]);
    expect(gridFractionToMap(1, 1, e)).toEqual([1, 2]);
    // 4 x 4 grid, cell row 1, column 2: centre at fractions (2.5/4, 1.5/4).
    const [x, y] = gridFractionToMap(2.5 / 4, 1.5 / 4, e);
    expect(x).toBeCloseTo(-3 + (2.5 / 4) * 4, 9);
    expect(y).toBeCloseTo(6 - (1.5 / 4) * 4, 9);
  });

  it('round-trips map points', () => {
    const [fx, fy] = mapToGridFraction(-0.5, 3.1, e);
    const [x, y] = gridFractionToMap(fx, fy, e);
    expect(x).toBeCloseTo(-0.5, 9);
    expect(y).toBeCloseTo(3.1, 9);
  });
});

describe('sliderRange', () => {
  it('widens the codes range by 15% on each side', () => {
    const r = sliderRange(-1, 3);
    expect(r.lo).toBeCloseTo(-1.6, 9);
    expect(r.hi).toBeCloseTo(3.6, 9);
    expect(r.step).toBeCloseTo(5.2 / 400, 9);
  });

  it('gives a usable range for a collapsed or broken dimension', () => {
    expect(sliderRange(0.5, 0.5)).toEqual({ lo: -0.5, hi: 1.5, step: 0.005 });
    const broken = sliderRange(Number.NaN, Number.NaN);
    expect([broken.lo, broken.hi]).toEqual([-1, 1]);
  });
});
