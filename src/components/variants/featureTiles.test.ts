import { describe, expect, it } from 'vitest';
import { featureCanvasSize, featureTilesRgba } from './featureTiles';

describe('feature tiles', () => {
  it('lays out tiles with gaps and scales each feature to its own largest |weight|', () => {
    const layout = { cols: 2, gap: 1 };
    expect(featureCanvasSize(3, layout)).toEqual({ width: 57, height: 57 });
    const features = new Float32Array(3 * 784);
    features[0] = 2; // feature 0, pixel (0, 0): its largest weight -> darkest
    features[1] = -1; // half as large, negative -> light
    features[784 + 784 - 1] = -0.001; // feature 1, last pixel: its only weight -> lightest
    const rgba = featureTilesRgba(features, 3, layout);
    const at = (x: number, y: number) => rgba[(y * 57 + x) * 4];
    expect(at(0, 0)).toBe(1);
    expect(at(1, 0)).toBe(192); // 128 + 127 / 2, rounded by the clamped array
    expect(at(2, 0)).toBe(128);
    expect(at(29 + 27, 27)).toBe(255);
    expect(rgba[(0 * 57 + 28) * 4 + 3]).toBe(0); // the gap stays transparent
    expect(at(0, 29)).toBe(128); // feature 2: all zero, mid-grey
  });
});
