import { describe, expect, it } from 'vitest';
import { imagesToFloat } from '../data/dataset';
import { loadMnistNode } from '../data/mnistNode';
import { createRng } from '../data/rng';
import { knnLeaveOneOutAccuracy } from './knn';
import { fitPca, pcaProject } from './pca';
import { umap2d, umapInputProblem } from './embedding';

/** Three tight Gaussian clusters in 10-D, 40 points each, far apart: [120, 10] and labels. */
function clusters(seed: number): { data: Float32Array; labels: Uint8Array } {
  const rng = createRng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const n = 120;
  const data = new Float32Array(n * 10);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    labels[i] = c;
    for (let j = 0; j < 10; j++) data[i * 10 + j] = (j === c ? 10 : 0) + 0.3 * gauss();
  }
  return { data, labels };
}

describe('UMAP to 2-D', () => {
  it('keeps well-separated clusters apart on the map', () => {
    const { data, labels } = clusters(3);
    const { points, epochs } = umap2d(data, 120, 10, { seed: 5, nEpochs: 200 });
    expect(points.length).toBe(240);
    expect(epochs).toBe(200);
    expect(points.every(Number.isFinite)).toBe(true);
    expect(knnLeaveOneOutAccuracy(points, labels, 2, 5)).toBe(1);
  });

  it('is deterministic for a seed, and another seed gives another map', () => {
    const { data } = clusters(3);
    const a = umap2d(data, 120, 10, { seed: 5, nEpochs: 50 }).points;
    const b = umap2d(data, 120, 10, { seed: 5, nEpochs: 50 }).points;
    const c = umap2d(data, 120, 10, { seed: 6, nEpochs: 50 }).points;
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).not.toEqual(Array.from(a));
  });

  it('reports progress and stops early when asked', () => {
    const { data } = clusters(4);
    const seen: number[] = [];
    const { epochs } = umap2d(data, 120, 10, {
      seed: 1,
      nEpochs: 100,
      progressEvery: 10,
      onProgress: (done) => {
        seen.push(done);
        return done < 30;
      },
    });
    expect(seen).toEqual([10, 20, 30]);
    expect(epochs).toBe(30);
  });

  it('refuses bad input with a message', () => {
    expect(umapInputProblem(new Float32Array(10), 5, 2)).toMatch(/more points/);
    expect(umapInputProblem(new Float32Array(9), 5, 2)).toMatch(/expected 5 x 2/);
    const nan = new Float32Array(40 * 2);
    nan[7] = Number.NaN;
    expect(umapInputProblem(nan, 40, 2)).toMatch(/point 3/);
    expect(() => umap2d(nan, 40, 2, { seed: 1 })).toThrow(/UMAP: value 7/);
    expect(umapInputProblem(new Float32Array(80), 40, 2)).toBeUndefined();
  });

  it('on real MNIST pixels separates the digits far better than PCA-2', () => {
    const data = loadMnistNode();
    const n = 1500;
    const pixels = imagesToFloat(data.testImages.subarray(0, n * 784), null);
    const labels = data.testLabels.subarray(0, n);
    const t0 = performance.now();
    const umap = umap2d(pixels, n, 784, { seed: 1 }).points;
    const umapMs = performance.now() - t0;
    const pca = pcaProject(fitPca(pixels, n, 784, 2), pixels, n);
    const umapAcc = knnLeaveOneOutAccuracy(umap, labels, 2, 5);
    const pcaAcc = knnLeaveOneOutAccuracy(pca, labels, 2, 5);
    console.log(`MNIST ${n} test digits: 5-NN accuracy UMAP(pixels) ${umapAcc.toFixed(3)} in ${(umapMs / 1000).toFixed(1)} s, PCA-2 ${pcaAcc.toFixed(3)}`);
    // PCA-2 of MNIST is about 0.4-0.5; UMAP of the pixels above 0.8 (its clusters are the digits).
    expect(pcaAcc).toBeLessThan(0.6);
    expect(umapAcc).toBeGreaterThan(0.8);
  });
});
