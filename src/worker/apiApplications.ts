/**
 * The applications' part of the typed surface between the page and the lab worker (issue 5:
 * similar-image search and anomaly detection); api.ts re-exports it. Plain data only.
 */
import type { SearchScore } from '../core/analysis/imageSearch';

/** How an image is represented in a similar-image search. */
export type SearchRepresentation = 'pixels' | 'pca' | 'autoencoder';

/**
 * Similar-image search (lesson similar-image-search), sent while the page watches it
 * (LabApi.watchImageSearch): precision@10 of the first 1,000 test digits as queries, each
 * searched among the run's training subset, in one representation.
 */
export interface ImageSearchEvent {
  type: 'imageSearch';
  runId: number;
  representation: SearchRepresentation;
  score: SearchScore;
  /** All the queries measured (false: a partial score while the slow pixel search runs). */
  complete: boolean;
  /** The model's code size (PCA and the autoencoder use that many numbers). */
  codeSize: number;
  /** For the autoencoder: the step and epoch of the model whose codes were searched. */
  step?: number;
  epoch?: number;
}

/** Test digits picked out by their anomaly score. */
export interface AnomalyDigits {
  /** [k] test-set indices. */
  indices: Int32Array;
  labels: Uint8Array;
  /** [k] their scores (squared error per image). */
  scores: Float32Array;
  /** [k, 784] uint8 pixels. */
  images: Uint8Array;
}

/**
 * Anomaly detection (lesson anomaly-detection), sent while the page watches it
 * (LabApi.watchAnomaly): every test digit scored by its reconstruction error; the digits whose
 * label is not among the run's normal digits are the anomalies.
 */
export interface AnomalyEvent {
  type: 'anomaly';
  runId: number;
  step: number;
  epoch: number;
  /** The digits the model trained on (TrainConfig.normalDigits). */
  normalDigits: number[];
  /** [testCount] squared error per image of every test digit (the anomaly score). */
  scores: Float32Array;
  /** [testCount] their labels. */
  labels: Uint8Array;
  /** Area under the ROC curve of the score, anomalies positive; NaN without both classes or with NaN scores. */
  auroc: number;
  /** The highest scores, most anomalous first, and the lowest, least anomalous first. */
  most: AnomalyDigits;
  least: AnomalyDigits;
}

/** A similar-image search query: a test digit by index, or an image ([784] in [0, 1], e.g. a drawing). */
export type SearchQuery = { testIndex: number } | { image: Float32Array };

/** The nearest training images of one query in one representation, nearest first. */
export interface SearchHits {
  /** [k] indices into the 60,000 training digits. */
  indices: Int32Array;
  /** [k] their labels. */
  labels: Uint8Array;
  /** [k] Euclidean distances in that representation. */
  distances: Float64Array;
  /** [k, 784] uint8 pixels of the neighbours. */
  images: Uint8Array;
}

export interface SearchResult {
  /** The query's label, or -1 for an image without one (a drawing). */
  queryLabel: number;
  /** [784] the query in [0, 1]. */
  query: Float32Array;
  pixels: SearchHits;
  code: SearchHits;
  /** Training digits searched (the run's training subset). */
  reference: number;
  codeSize: number;
  /** Step of the model whose codes were searched. */
  step: number;
}
