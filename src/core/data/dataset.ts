/**
 * Turning raw MNIST bytes into what the model eats: float pixels in [0, 1], row-major
 * [n, 784], plus the fixed test subsets the lab reports on.
 */
import { IMAGE_SIZE } from '../config';

/** The live test curve uses the first 1,000 test digits (fixed, so curves are comparable). */
export const LIVE_TEST_SIZE = 1000;

/**
 * Pixels / 255 as float32.
 * @param images [count, pixelsPerImage] uint8
 * @param indices which images to take, in this order; null takes all of them
 * @returns [indices.length, pixelsPerImage] float32 in [0, 1]
 */
export function imagesToFloat(
  images: Uint8Array,
  indices: ArrayLike<number> | null,
  pixelsPerImage: number = IMAGE_SIZE,
): Float32Array {
  const scale = 1 / 255;
  if (indices === null) {
    const out = new Float32Array(images.length);
    for (let i = 0; i < images.length; i++) out[i] = images[i] * scale;
    return out;
  }
  const count = images.length / pixelsPerImage;
  const out = new Float32Array(indices.length * pixelsPerImage);
  for (let k = 0; k < indices.length; k++) {
    const index = indices[k];
    if (!(index >= 0 && index < count)) throw new RangeError(`image index ${index} outside 0..${count - 1}`);
    const from = index * pixelsPerImage;
    const to = k * pixelsPerImage;
    for (let p = 0; p < pixelsPerImage; p++) out[to + p] = images[from + p] * scale;
  }
  return out;
}

/**
 * The fixed showcase digits whose reconstructions the page streams: the first `perDigit`
 * test images of each class, ordered by digit (all 0s first, then 1s, ...).
 * @returns perDigit * 10 test-set indices (fewer only if a class has too few images)
 */
export function showcaseIndices(testLabels: Uint8Array, perDigit = 1): number[] {
  const byDigit: number[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < testLabels.length; i++) {
    const list = byDigit[testLabels[i]];
    if (list && list.length < perDigit) list.push(i);
  }
  return byDigit.flat();
}

/**
 * Per-pixel first and second moments over a set of images.
 * @param pixels [count, pixelsPerImage] float32
 * @returns mean and meanSquare, each [pixelsPerImage]: E[x] and E[x²] of every pixel
 */
export function pixelMoments(
  pixels: Float32Array,
  pixelsPerImage: number = IMAGE_SIZE,
): { mean: Float32Array; meanSquare: Float32Array } {
  const count = pixels.length / pixelsPerImage;
  const sum = new Float64Array(pixelsPerImage);
  const sumSquares = new Float64Array(pixelsPerImage);
  for (let i = 0; i < count; i++) {
    const row = i * pixelsPerImage;
    for (let p = 0; p < pixelsPerImage; p++) {
      const v = pixels[row + p];
      sum[p] += v;
      sumSquares[p] += v * v;
    }
  }
  const scale = count > 0 ? 1 / count : 0;
  return {
    mean: Float32Array.from(sum, (s) => s * scale),
    meanSquare: Float32Array.from(sumSquares, (s) => s * scale),
  };
}
