/**
 * The visualization lesson's three 2-D maps of the same test digits (issue 5): UMAP of the
 * autoencoder's codes, PCA-2 of the pixels and UMAP of the pixels, each with the seconds it took
 * and the leave-one-out 5-NN accuracy of its map. Plain JS (no tfjs): embedding.worker.ts runs
 * it off the lab worker, so training goes on meanwhile. The cheap maps come first.
 */
import { umap2d } from '../core/analysis/embedding';
import { knnLeaveOneOutAccuracy } from '../core/analysis/knn';
import { fitPca, pcaProject } from '../core/analysis/pca';
import { IMAGE_SIZE } from '../core/config';
import type { EmbeddingInputs, EmbeddingMap, EmbeddingMethod } from '../core/analysis/embeddingTypes';

export type { EmbeddingInputs, EmbeddingMap, EmbeddingMethod } from '../core/analysis/embeddingTypes';

/** Neighbours voting in the maps' k-NN accuracy (the lessons' 5-NN). */
const KNN_K = 5;

/** Makes the three maps in order, handing each over as soon as it exists. */
export function makeMaps(inputs: EmbeddingInputs, seed: number, onMap: (m: EmbeddingMap) => void): void {
  const { n, codeSize, codes, pixels, labels } = inputs;
  const timed = (method: EmbeddingMethod, make: () => Float32Array) => {
    const t0 = performance.now();
    const points = make();
    const seconds = (performance.now() - t0) / 1000;
    onMap({ method, points, seconds, knnAccuracy: knnLeaveOneOutAccuracy(points, labels.subarray(0, n), 2, KNN_K) });
  };
  timed('codes', () => umap2d(codes, n, codeSize, { seed }).points);
  timed('pca2', () => pcaProject(fitPca(pixels, n, IMAGE_SIZE, 2), pixels, n));
  timed('pixels', () => umap2d(pixels, n, IMAGE_SIZE, { seed }).points);
}

/** Message to embedding.worker.ts and its replies (one per map, then done or an error). */
export interface EmbeddingRequest {
  id: number;
  inputs: EmbeddingInputs;
  seed: number;
}
export type EmbeddingReply =
  | { id: number; map: EmbeddingMap }
  | { id: number; done: true }
  | { id: number; error: string };
