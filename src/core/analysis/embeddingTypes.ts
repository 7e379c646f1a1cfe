/**
 * The visualization lesson's maps as plain data (worker/embeddingMaps.ts makes them): shared by
 * the map worker, the lab worker's API and the page. Nothing here imports anything.
 */
export const EMBEDDING_METHODS = ['codes', 'pca2', 'pixels'] as const;
/** codes: UMAP of the codes; pca2: the first two principal components of the pixels; pixels: UMAP of the pixels. */
export type EmbeddingMethod = (typeof EMBEDDING_METHODS)[number];

export interface EmbeddingInputs {
  n: number;
  codeSize: number;
  /** [n, codeSize] codes of the first n test digits by the model at `step`. */
  codes: Float32Array;
  /** [n, 784] their pixels in [0, 1]. */
  pixels: Float32Array;
  labels: Uint8Array;
  step: number;
  epoch: number;
}

export interface EmbeddingMap {
  method: EmbeddingMethod;
  /** [n, 2] map coordinates. */
  points: Float32Array;
  /** Wall-clock seconds to make the map (UMAP or PCA alone; the k-NN score is not included). */
  seconds: number;
  /** Leave-one-out 5-NN accuracy of the digit labels on the map, 0..1. */
  knnAccuracy: number;
}

