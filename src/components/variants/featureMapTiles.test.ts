import { describe, expect, it } from 'vitest';
import type { FeatureMap } from '../../core/kinds/conv/layout';
import { featureMapRgba, layerRange, tileGrid, TILE_GAP } from './featureMapTiles';

const map = (shape: [number, number, number], values: number[]): FeatureMap => ({ name: 'x', part: 'encoder', shape, data: Float32Array.from(values) });

describe('feature map tiles', () => {
  it('wraps channels after eight tiles and counts the gaps', () => {
    expect(tileGrid({ shape: [14, 14, 16] })).toEqual({ cols: 8, rows: 2, width: 8 * 14 + 7 * TILE_GAP, height: 2 * 14 + TILE_GAP });
    expect(tileGrid({ shape: [28, 28, 1] })).toEqual({ cols: 1, rows: 1, width: 28, height: 28 });
    expect(tileGrid({ shape: [1, 1, 32] })).toMatchObject({ cols: 32, rows: 1, width: 192 });
  });

  it('scales each layer to its own range and reads HWC values into their channel tile', () => {
    // 1 x 2 map with 2 channels: (y0,x0) = [0, 10], (y0,x1) = [5, 20].
    const { rgba, grid } = featureMapRgba(map([1, 2, 2], [0, 10, 5, 20]));
    expect(grid).toMatchObject({ cols: 2, width: 2 + TILE_GAP + 2, height: 1 });
    const px = (x: number) => rgba[x * 4];
    expect([px(0), px(1)]).toEqual([0, 64]); // channel 0: 0 and 5 of 0..20
    expect(rgba[2 * 4 + 3]).toBe(0); // the gap is transparent
    expect([px(4), px(5)]).toEqual([128, 255]); // channel 1: 10 and 20
  });

  it('draws a flat layer without dividing by zero', () => {
    expect(layerRange(Float32Array.from([3, 3, 3]))).toEqual({ min: 0, max: 1 });
    const { rgba } = featureMapRgba(map([1, 1, 3], [0.5, 0.5, 0.5]));
    expect(rgba[0]).toBe(128);
  });
});
