/**
 * The encoder's learned features as tiles: each feature is one unit's 784 incoming weights,
 * drawn as a 28 x 28 image scaled to its own largest |weight|, so the shape shows whatever the
 * weights' size. Positive weights (pixels that switch the unit on) are dark like ink, negative
 * ones light, zero is mid-grey. Pure: runs in Node for tests; the canvas is drawn by the panel.
 */
import { IMAGE_SIDE, IMAGE_SIZE } from '../../core/config';

export interface FeatureLayout {
  cols: number;
  /** Pixels between tiles (left transparent). */
  gap: number;
}

export function featureCanvasSize(count: number, { cols, gap }: FeatureLayout): { width: number; height: number } {
  const rows = Math.max(1, Math.ceil(count / cols));
  return { width: cols * IMAGE_SIDE + (cols - 1) * gap, height: rows * IMAGE_SIDE + (rows - 1) * gap };
}

/**
 * @param features [count, 784] weights, row-major
 * @returns RGBA of featureCanvasSize(count, layout)
 */
export function featureTilesRgba(features: Float32Array, count: number, layout: FeatureLayout): Uint8ClampedArray<ArrayBuffer> {
  const { width, height } = featureCanvasSize(count, layout);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let f = 0; f < count; f++) {
    const base = f * IMAGE_SIZE;
    let largest = 0;
    for (let i = 0; i < IMAGE_SIZE; i++) largest = Math.max(largest, Math.abs(features[base + i]));
    const scale = largest > 0 ? 1 / largest : 0;
    const left = (f % layout.cols) * (IMAGE_SIDE + layout.gap);
    const top = Math.floor(f / layout.cols) * (IMAGE_SIDE + layout.gap);
    for (let r = 0; r < IMAGE_SIDE; r++) {
      for (let c = 0; c < IMAGE_SIDE; c++) {
        const grey = 128 - 127 * features[base + r * IMAGE_SIDE + c] * scale;
        const o = ((top + r) * width + left + c) * 4;
        rgba[o] = rgba[o + 1] = rgba[o + 2] = grey;
        rgba[o + 3] = 255;
      }
    }
  }
  return rgba;
}
