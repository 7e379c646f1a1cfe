import { describe, expect, it } from 'vitest';
import { gridFractionToMap, gridNeighbour, mapToGridFraction, sliderRange, widestDimensions } from './latentGeometry';

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

describe('gridNeighbour (keyboard moves on the grid)', () => {
  // 4 x 4 cells of 1 x 1 map units: cell (row r, col c) has its centre at (c + 0.5, 3.5 - r).
  const e = { xMin: 0, xMax: 4, yMin: 0, yMax: 4 };

  it('starts at the centre cell without a point, or with one off the grid', () => {
    expect(gridNeighbour(undefined, e, 4, 0, 0)).toEqual([2.5, 1.5]);
    expect(gridNeighbour([9, 9], e, 4, 1, 0)).toEqual([2.5, 1.5]);
  });

  it('moves one cell per step from the cell holding the point: right is +x, down is -y', () => {
    expect(gridNeighbour([0.2, 3.9], e, 4, 1, 0)).toEqual([1.5, 3.5]);
    expect(gridNeighbour([0.2, 3.9], e, 4, 0, 1)).toEqual([0.5, 2.5]);
    expect(gridNeighbour([1.5, 2.5], e, 4, -1, -1)).toEqual([0.5, 3.5]);
  });

  it('stays on the grid at its edges, also from the far border itself', () => {
    expect(gridNeighbour([0.5, 3.5], e, 4, -1, -1)).toEqual([0.5, 3.5]);
    expect(gridNeighbour([4, 0], e, 4, 3, 3)).toEqual([3.5, 0.5]);
  });
});

describe('widestDimensions', () => {
  it('keeps every number of a small code, else the widest ranges in index order', () => {
    expect(widestDimensions([0, 0], [1, 2], 16)).toEqual([0, 1]);
    // widths 0, 3, 0.5, 3, 2: the three widest are 1 and 3 (tie, lower index first) and 4
    expect(widestDimensions([0, -1, 0, 0, 1], [0, 2, 0.5, 3, 3], 3)).toEqual([1, 3, 4]);
  });
});

describe('the prior-quantile grid of a VAE', () => {
  const prior = { xMin: -9, xMax: 9, yMin: -9, yMax: 9, prior: true };
  it('maps a cell centre to the prior quantile and back', () => {
    // Centre of column 3 of 4: fraction 0.875 -> Φ⁻¹(0.875) = 1.1503; row 0 (top) is positive.
    const [x, y] = gridFractionToMap(0.875, 0.125, prior);
    expect(x).toBeCloseTo(1.1503, 3);
    expect(y).toBeCloseTo(1.1503, 3);
    const [fx, fy] = mapToGridFraction(x, y, prior);
    expect(fx).toBeCloseTo(0.875, 6);
    expect(fy).toBeCloseTo(0.125, 6);
    expect(gridFractionToMap(0.5, 0.5, prior)).toEqual([0, 0]);
    expect(Number.isFinite(gridFractionToMap(0, 1, prior)[0])).toBe(true);
  });
});
