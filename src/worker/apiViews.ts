/**
 * What the page sees of the model in every lesson (worker/labViews.ts): the showcase
 * reconstructions, the scatter's codes and their map, the lessons' live measurements, the
 * PCA-2 map beside it, and the test digits the page draws itself. api.ts re-exports it.
 */

type Extent = { xMin: number; xMax: number; yMin: number; yMax: number };

/** Reconstructions of the fixed showcase test digits. */
export interface ReconstructionsEvent {
  type: 'reconstructions';
  runId: number;
  /** [n, 784] values in [0, 1] (clamped for a linear output). */
  pixels: Float32Array;
  n: number;
}

/** Codes of the scatter's test digits, in map coordinates. */
export interface CodesEvent {
  type: 'codes';
  runId: number;
  /** [n, 2]: the code itself for a 2-D code, else its projection on the codes' first two principal components. */
  points: Float32Array;
  n: number;
  codeSize: number;
  projected: boolean;
  /** Bounding box of the points, padded a little: the latent grid's range. */
  extent: Extent;
  /** Per code dimension: min and max over the scatter's codes (the sliders' ranges). */
  codeMin: Float32Array;
  codeMax: Float32Array;
}

/** Sent once after init (no run id: the same digits for every run): what the page draws itself. */
export interface TestSampleEvent {
  type: 'testSample';
  /** [n, 784] uint8 pixels of the first n test digits (scatter hover images). */
  images: Uint8Array;
  labels: Uint8Array;
  n: number;
  /** Test-set indices of the showcase digits whose reconstructions are streamed. */
  showcase: number[];
}

/**
 * The lessons' live measurements on the scatter's test digits, sent with each codes refresh
 * (not every step).
 */
export interface MeasurementsEvent {
  type: 'measurements';
  runId: number;
  step: number;
  epoch: number;
  /** Leave-one-out 5-NN accuracy of the scatter's [n, 2] map points (CodesEvent.points), in [0, 1]. */
  knnAccuracy: number;
  /** 95th percentile of the code's Euclidean norm over the scatter digits (the code itself, any size). */
  codeRadius95: number;
  /** Number of scatter digits measured. */
  n: number;
}

/**
 * PCA-2 map of the same scatter test digits, fitted on the run's training subset (lesson 3's
 * side-by-side map). Sent once per run, after the PCA baseline fit.
 */
export interface PcaMapEvent {
  type: 'pcaMap';
  runId: number;
  /** [n, 2]: each scatter digit's coordinates on the training subset's first two principal components. */
  points: Float32Array;
  n: number;
  /** Leave-one-out 5-NN accuracy of these points, in [0, 1]. */
  knnAccuracy: number;
  /** Bounding box of the points, padded a little (as CodesEvent.extent). */
  extent: Extent;
}

export interface EncodeResult {
  /** [n, codeSize] */
  codes: Float32Array;
  /** [n, 2] in map coordinates (see CodesEvent). */
  points: Float32Array;
  /** [n, 784] reconstructions. */
  reconstructions: Float32Array;
}
