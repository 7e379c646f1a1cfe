import { describe, expect, it } from 'vitest';
import { firstIndices, inkSum, layoutSize, tileDigitsRgba } from './digitCanvas';

/** n images whose pixel p of image k has value f(k, p). */
function images(n: number, f: (k: number, p: number) => number, type: 'float' | 'uint8'): Float32Array | Uint8Array {
  const a = type === 'float' ? new Float32Array(n * 784) : new Uint8Array(n * 784);
  for (let k = 0; k < n; k++) for (let p = 0; p < 784; p++) a[k * 784 + p] = f(k, p);
  return a;
}

/** Red channel at canvas pixel (x, y) of an RGBA buffer of the given width. */
const red = (rgba: Uint8ClampedArray, width: number, x: number, y: number) => rgba[(y * width + x) * 4];
const alpha = (rgba: Uint8ClampedArray, width: number, x: number, y: number) => rgba[(y * width + x) * 4 + 3];

describe('tileDigitsRgba', () => {
  it('places each image in its tile, row-major, with transparent gaps', () => {
    const layout = { cols: 3, rows: 2, gap: 2 };
    const { width, height } = layoutSize(layout);
    expect([width, height]).toEqual([3 * 28 + 4, 2 * 28 + 2]);
    // Image k has ink only at its own pixel (row k, column k): a diagonal dot per image.
    const px = images(6, (k, p) => (p === k * 28 + k ? 1 : 0), 'float');
    const rgba = new Uint8ClampedArray(width * height * 4);
    tileDigitsRgba(rgba, px, firstIndices(6), layout);
    for (let t = 0; t < 6; t++) {
      const left = (t % 3) * 30;
      const top = Math.floor(t / 3) * 30;
      expect(red(rgba, width, left + t, top + t)).toBe(17); // ink
      expect(red(rgba, width, left + ((t + 1) % 28), top + t)).toBe(255); // paper
      expect(alpha(rgba, width, left, top)).toBe(255);
    }
    expect(alpha(rgba, width, 28, 0)).toBe(0); // gap column
    expect(alpha(rgba, width, 0, 29)).toBe(0); // gap row
  });

  it('scales uint8 by 1/255, clamps floats and skips missing indices', () => {
    const layout = { cols: 2, rows: 1, gap: 0 };
    const { width, height } = layoutSize(layout);
    const rgba = new Uint8ClampedArray(width * height * 4);
    tileDigitsRgba(rgba, images(1, () => 255, 'uint8'), [0, 5], layout);
    expect(red(rgba, width, 3, 3)).toBe(17);
    expect(alpha(rgba, width, 28 + 3, 3)).toBe(0); // index 5 does not exist

    const half = new Uint8ClampedArray(width * height * 4);
    tileDigitsRgba(half, images(2, (k) => (k === 0 ? 0.5 : 7), 'float'), [0, 1], layout);
    expect(red(half, width, 0, 0)).toBe(136); // 255 + (17 - 255) * 0.5
    expect(red(half, width, 28, 0)).toBe(17); // 7 clamped to 1
  });
});

describe('inkSum', () => {
  it('sums ink in [0, 1] per pixel for the chosen image', () => {
    const px = images(2, (k, p) => (k === 1 && p < 100 ? 0.5 : 0), 'float');
    expect(inkSum(px, 0)).toBe(0);
    expect(inkSum(px, 1)).toBeCloseTo(50, 5);
    expect(inkSum(images(1, () => 255, 'uint8'))).toBe(784);
  });
});
