/**
 * Feature maps as pixels (issue 4, the convolutional autoencoder): one layer's
 * [height, width, channels] activations laid out as one grey tile per channel, side by side,
 * each layer scaled to its own range (min -> black, max -> white) so faint layers still show.
 * Pure: fills an RGBA buffer; FeatureMaps.tsx puts it on a canvas.
 */
import type { FeatureMap } from '../../core/kinds/conv/layout';

/** Transparent pixels between neighbouring channel tiles. */
export const TILE_GAP = 2;
/** Most tiles per row before wrapping (a 16-channel layer: two rows of 8). */
export const MAX_TILES_PER_ROW = 8;

export interface TileGrid {
  cols: number;
  rows: number;
  /** Canvas size in image pixels. */
  width: number;
  height: number;
}

/** Where a layer's channels go; the code ([1, 1, n]) is drawn as one row of n cells. */
export function tileGrid(map: Pick<FeatureMap, 'shape'>): TileGrid {
  const [h, w, c] = map.shape;
  if (h === 1 && w === 1) return { cols: c, rows: 1, width: c * 6, height: 12 };
  const cols = Math.min(c, MAX_TILES_PER_ROW);
  const rows = Math.ceil(c / cols);
  return { cols, rows, width: cols * w + (cols - 1) * TILE_GAP, height: rows * h + (rows - 1) * TILE_GAP };
}

/** Min and max over the layer's values (0, 1 for an all-equal or empty layer). */
export function layerRange(data: Float32Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of data) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return Number.isFinite(min) && max > min ? { min, max } : { min: 0, max: 1 };
}

/** RGBA pixels [height, width, 4] of the layer's tiles; gaps stay transparent. */
export function featureMapRgba(map: FeatureMap): { rgba: Uint8ClampedArray<ArrayBuffer>; grid: TileGrid } {
  const grid = tileGrid(map);
  const rgba = new Uint8ClampedArray(grid.width * grid.height * 4);
  const [h, w, c] = map.shape;
  const { min, max } = layerRange(map.data);
  const grey = (v: number) => Math.round((255 * (v - min)) / (max - min));
  if (h === 1 && w === 1) {
    // The code: cell k is 6 x 12 pixels of code value k.
    for (let k = 0; k < c; k++) {
      const g = grey(map.data[k]);
      for (let y = 0; y < 12; y++) {
        for (let x = k * 6; x < k * 6 + 5; x++) {
          const o = (y * grid.width + x) * 4;
          rgba[o] = rgba[o + 1] = rgba[o + 2] = g;
          rgba[o + 3] = 255;
        }
      }
    }
    return { rgba, grid };
  }
  for (let ch = 0; ch < c; ch++) {
    const x0 = (ch % grid.cols) * (w + TILE_GAP);
    const y0 = Math.floor(ch / grid.cols) * (h + TILE_GAP);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        // HWC, row-major: value (y, x, ch).
        const g = grey(map.data[(y * w + x) * c + ch]);
        const o = ((y0 + y) * grid.width + x0 + x) * 4;
        rgba[o] = rgba[o + 1] = rgba[o + 2] = g;
        rgba[o + 3] = 255;
      }
    }
  }
  return { rgba, grid };
}
