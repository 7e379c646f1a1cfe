/**
 * One unit's incoming weights as a small image: a unit of the first layer has one weight per
 * pixel (28 x 28, the digit's own shape); a deeper unit's weights fill a near-square grid in
 * order. Drawn like the encoder features (variants/featureTiles.ts): positive weights dark,
 * negative light, zero mid-grey, scaled to the largest |weight|. Pure: runs in Node for tests.
 */

/** Columns and rows of the grid for n weights: 28 x 28 for 784, else ceil(√n) columns. */
export function weightGridShape(n: number): { cols: number; rows: number } {
  const cols = Math.max(1, Math.ceil(Math.sqrt(n)));
  return { cols, rows: Math.max(1, Math.ceil(n / cols)) };
}

/**
 * @param weights [n] one unit's incoming weights
 * @returns RGBA of weightGridShape(n), cells past n transparent
 */
export function weightImageRgba(weights: ArrayLike<number>): Uint8ClampedArray<ArrayBuffer> {
  const { cols, rows } = weightGridShape(weights.length);
  const rgba = new Uint8ClampedArray(cols * rows * 4);
  let largest = 0;
  for (let i = 0; i < weights.length; i++) largest = Math.max(largest, Math.abs(weights[i]));
  const scale = largest > 0 ? 1 / largest : 0;
  for (let i = 0; i < weights.length; i++) {
    const grey = 128 - 127 * weights[i] * scale;
    rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = grey;
    rgba[4 * i + 3] = 255;
  }
  return rgba;
}
