import { describe, expect, it } from 'vitest';
import { weightGridShape, weightImageRgba } from './weightImage';

describe("a unit's weights as an image", () => {
  it('draws the first layer as 28 x 28 and deeper units as a near-square grid', () => {
    expect(weightGridShape(784)).toEqual({ cols: 28, rows: 28 });
    expect(weightGridShape(64)).toEqual({ cols: 8, rows: 8 });
    expect(weightGridShape(12)).toEqual({ cols: 4, rows: 3 });
    expect(weightGridShape(2)).toEqual({ cols: 2, rows: 1 });
  });

  it('inks positive weights, lightens negative ones, scaled to the largest; cells past the weights stay transparent', () => {
    const rgba = weightImageRgba([2, -2, 0, 1, -1]);
    expect(rgba.length).toBe(3 * 2 * 4);
    const grey = (i: number) => rgba[4 * i];
    expect(grey(0)).toBe(1);
    expect(grey(1)).toBe(255);
    expect(grey(2)).toBe(128);
    expect(grey(3)).toBe(64); // 128 - 63.5: a Uint8ClampedArray rounds half to even
    expect(rgba[4 * 5 + 3]).toBe(0);
    // All zero: mid-grey, not NaN.
    expect(Array.from(weightImageRgba([0, 0, 0, 0])).filter((_, i) => i % 4 === 0)).toEqual([128, 128, 128, 128]);
  });
});
