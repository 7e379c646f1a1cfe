/**
 * Turning MNIST-shaped pixel arrays into canvas pixels. Images are [n, 784] row-major, either
 * Float32Array in [0, 1] (model output) or Uint8Array in [0, 255] (the test set as loaded).
 * Ink is drawn dark on paper (value 1 -> near black), the way digits look on a page.
 *
 * The pure `*Rgba` functions run in Node for tests; the `draw*` functions need a canvas.
 */
import { IMAGE_SIDE, IMAGE_SIZE } from '../core/config';

export type DigitPixels = Float32Array | Uint8Array;

/** Paper and ink colours as RGB; the gap between tiles is left transparent. */
const PAPER = [255, 255, 255] as const;
const INK = [17, 17, 17] as const;

/** Ink of pixel `i` of `pixels` in [0, 1] (uint8 scaled by 1/255, floats clamped). */
function ink(pixels: DigitPixels, i: number): number {
  const v = pixels instanceof Uint8Array ? pixels[i] / 255 : pixels[i];
  return v > 1 ? 1 : v > 0 ? v : 0; // also maps NaN to 0
}

export interface TileLayout {
  /** Tiles per row. */
  cols: number;
  rows: number;
  /** Transparent pixels between tiles. */
  gap: number;
}

/** Intrinsic canvas size, in image pixels, of a tile layout. */
export function layoutSize({ cols, rows, gap }: TileLayout): { width: number; height: number } {
  return { width: cols * IMAGE_SIDE + (cols - 1) * gap, height: rows * IMAGE_SIDE + (rows - 1) * gap };
}

/**
 * Writes images `indices` of `pixels` ([n, 784]) into an RGBA buffer laid out as tiles,
 * row-major from the top-left. `rgba` has layoutSize(layout) width * height * 4 entries.
 * An index of -1 (or past the end of `pixels`) leaves its tile transparent.
 */
export function tileDigitsRgba(rgba: Uint8ClampedArray, pixels: DigitPixels, indices: ArrayLike<number>, layout: TileLayout): void {
  const { width } = layoutSize(layout);
  const count = Math.min(indices.length, layout.cols * layout.rows);
  for (let t = 0; t < count; t++) {
    const image = indices[t];
    if (image < 0 || (image + 1) * IMAGE_SIZE > pixels.length) continue;
    const left = (t % layout.cols) * (IMAGE_SIDE + layout.gap);
    const top = Math.floor(t / layout.cols) * (IMAGE_SIDE + layout.gap);
    const base = image * IMAGE_SIZE;
    for (let r = 0; r < IMAGE_SIDE; r++) {
      let o = ((top + r) * width + left) * 4;
      for (let c = 0; c < IMAGE_SIDE; c++, o += 4) {
        const v = ink(pixels, base + r * IMAGE_SIDE + c);
        rgba[o] = PAPER[0] + (INK[0] - PAPER[0]) * v;
        rgba[o + 1] = PAPER[1] + (INK[1] - PAPER[1]) * v;
        rgba[o + 2] = PAPER[2] + (INK[2] - PAPER[2]) * v;
        rgba[o + 3] = 255;
      }
    }
  }
}

/** The first `n` indices, 0..n-1. */
export function firstIndices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Sum of ink over image `index` of `pixels`, in [0, 784]: 0 for a blank image. */
export function inkSum(pixels: DigitPixels, index = 0): number {
  let sum = 0;
  const base = index * IMAGE_SIZE;
  for (let i = 0; i < IMAGE_SIZE && base + i < pixels.length; i++) sum += ink(pixels, base + i);
  return sum;
}

/**
 * Draws tiles of digits into `canvas`, resizing its intrinsic size to the layout (one canvas
 * pixel per image pixel; CSS scales it up with `image-rendering: pixelated`).
 */
export function drawDigits(canvas: HTMLCanvasElement, pixels: DigitPixels, indices: ArrayLike<number>, layout: TileLayout): void {
  const { width, height } = layoutSize(layout);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(width, height);
  tileDigitsRgba(image.data, pixels, indices, layout);
  ctx.putImageData(image, 0, 0);
}

/** Draws one [784] image (image `index` of `pixels`) into a 28 x 28 canvas. */
export function drawDigit(canvas: HTMLCanvasElement, pixels: DigitPixels, index = 0): void {
  drawDigits(canvas, pixels, [index], { cols: 1, rows: 1, gap: 0 });
}

/** Clears a canvas to transparent. */
export function clearCanvas(canvas: HTMLCanvasElement): void {
  canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
}
