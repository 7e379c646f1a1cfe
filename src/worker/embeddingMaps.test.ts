import { describe, expect, it } from 'vitest';
import { createRng } from '../core/data/rng';
import { makeMaps } from './embeddingMaps';
import type { EmbeddingMap } from '../core/analysis/embeddingTypes';

describe('the visualization maps', () => {
  it('makes UMAP of the codes, PCA-2 and UMAP of the pixels in that order, each scored by 5-NN', () => {
    // 90 "digits" of 3 labels: codes in 4-D and pixels in 784-D, each label its own blob.
    const rng = createRng(2);
    const n = 90;
    const labels = new Uint8Array(n).map((_, i) => i % 3);
    const codes = new Float32Array(n * 4).map((_, j) => (Math.floor(j / 4) % 3 === j % 4 ? 5 : 0) + 0.2 * rng());
    const pixels = new Float32Array(n * 784).map((_, j) => ((j % 784) % 3 === Math.floor(j / 784) % 3 ? 0.8 : 0.1) + 0.1 * rng());
    const maps: EmbeddingMap[] = [];
    makeMaps({ n, codeSize: 4, codes, pixels, labels, step: 7, epoch: 0.5 }, 1, (m) => maps.push(m));
    expect(maps.map((m) => m.method)).toEqual(['codes', 'pca2', 'pixels']);
    for (const m of maps) {
      expect(m.points.length).toBe(2 * n);
      expect(m.points.every(Number.isFinite)).toBe(true);
      expect(m.seconds).toBeGreaterThanOrEqual(0);
      // Separate blobs: every point's five nearest on the map share its label.
      expect(m.knnAccuracy, m.method).toBe(1);
    }
  });
});
