import { describe, expect, it } from 'vitest';
import { imagesToFloat, pixelMoments, showcaseIndices } from './dataset';
import { loadMnistNode } from './mnistNode';

describe('dataset helpers', () => {
  it('imagesToFloat scales to [0, 1] and picks rows in the given order', () => {
    const images = Uint8Array.from([0, 255, 51, 102, 204, 153]); // 3 images of 2 pixels
    expect(Array.from(imagesToFloat(images, null, 2))).toEqual(
      [0, 1, 0.2, 0.4, 0.8, 0.6].map((v) => Math.fround(v)),
    );
    expect(Array.from(imagesToFloat(images, [2, 0], 2))).toEqual([0.8, 0.6, 0, 1].map((v) => Math.fround(v)));
    expect(() => imagesToFloat(images, [3], 2)).toThrow(RangeError);
  });

  it('pixelMoments gives E[x] and E[x²] per pixel', () => {
    const m = pixelMoments(Float32Array.from([0, 1, 0.5, 0]), 2);
    expect(Array.from(m.mean)).toEqual([0.25, 0.5]);
    expect(Array.from(m.meanSquare)).toEqual([0.125, 0.5]);
  });

  it('showcaseIndices: the first test digit of each class, digits 0..9', () => {
    const { testLabels } = loadMnistNode();
    const idx = showcaseIndices(testLabels);
    expect(idx).toHaveLength(10);
    expect(idx.map((i) => testLabels[i])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const i of idx) for (let j = 0; j < i; j++) expect(testLabels[j]).not.toBe(testLabels[i]);
    const two = showcaseIndices(testLabels, 2);
    expect(two).toHaveLength(20);
    expect(two.map((i) => testLabels[i])).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9]);
  });
});
