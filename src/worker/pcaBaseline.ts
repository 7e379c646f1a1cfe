/**
 * The PCA baseline the lessons compare against: exact PCA with k = code size (at most 784: a
 * larger code is compared with the exact copy, see scorePcaBaseline), fitted on the
 * run's training subset, scored on the live test subset in the autoencoder's own units.
 *
 * The fit of [10,000, 784] takes seconds in plain JavaScript, so it runs in a second worker
 * (pca.worker.ts) while training goes on; a newer request terminates an older fit.
 */
import { knnLeaveOneOutAccuracy } from '../core/analysis/knn';
import { fitPca, pcaProject, pcaReconstruct, squaredErrorPerImage, type Pca } from '../core/analysis/pca';
import { IMAGE_SIZE, type LossName } from '../core/config';
import { imagesToFloat } from '../core/data/dataset';

/**
 * Probabilities are clamped to [ε, 1 - ε] before the log, as a bce on a clamped
 * reconstruction must be: 1e-7 is tfjs's float32 epsilon.
 */
const BCE_EPSILON = 1e-7;

export interface PcaBaselineScores {
  codeSize: number;
  /** Mean over test images of Σ over 784 pixels (x - x̂)², x̂ the raw (unclamped) reconstruction. */
  testSquaredError: number;
  /** Mean per pixel of the binary cross-entropy of x̂ clamped to [ε, 1 - ε]. */
  testLossBce: number;
  /** Mean per pixel of (x - x̂)². */
  testLossMse: number;
  fitMs: number;
  /** The PCA-2 map of the scatter digits (lesson 3), when scatter digits were sent. */
  map?: PcaMap;
}

/** Neighbours voting in the maps' k-NN accuracy (the lessons' 5-NN). */
export const MAP_KNN_K = 5;

export interface PcaMap {
  /** [s, 2] scatter digits on the training subset's first two principal components. */
  points: Float32Array;
  n: number;
  /** Leave-one-out 5-NN accuracy of the points, in [0, 1]. */
  knnAccuracy: number;
}

/** The first k components of a fit with more (exact PCA: the top k of a top-K fit are the top-k fit). */
function firstComponents(p: Pca, k: number): Pca {
  if (k === p.k) return p;
  return {
    ...p,
    k,
    components: p.components.subarray(0, k * p.d),
    explainedVariance: p.explainedVariance.subarray(0, k),
  };
}

/**
 * @param scatter [s, 784] uint8 digits to place on the PCA-2 map, with their labels
 */
export function pcaMapOf(pca: Pca, scatter: Uint8Array, labels: Uint8Array, s: number): PcaMap {
  const points = pcaProject(firstComponents(pca, 2), imagesToFloat(scatter, null), s);
  return { points, n: s, knnAccuracy: knnLeaveOneOutAccuracy(points, labels.subarray(0, s), 2, MAP_KNN_K) };
}

/**
 * @param train [n, 784] uint8 training subset
 * @param test [m, 784] uint8 test images
 */
export function scorePcaBaseline(
  train: Uint8Array,
  n: number,
  test: Uint8Array,
  m: number,
  k: number,
  scatter?: { images: Uint8Array; labels: Uint8Array; n: number },
): PcaBaselineScores {
  const t0 = performance.now();
  // A code of 784 numbers or more (the sparse lesson's 1000) can hold every pixel: PCA with all
  // 784 components is the identity, an exact copy, so the baseline is x̂ = x (squared error 0,
  // BCE the pixels' own entropy). Only the PCA-2 map is fitted then; the full 784-pair
  // eigendecomposition would take ~25 s and give the same copy.
  const copy = k >= IMAGE_SIZE;
  // One fit serves the baseline (first k components) and the PCA-2 map (first two).
  const fitK = copy ? 2 : scatter ? Math.max(k, 2) : k;
  const fitted = copy && !scatter ? undefined : fitPca(imagesToFloat(train, null), n, IMAGE_SIZE, fitK);
  const fitMs = performance.now() - t0;
  const x = imagesToFloat(test, null);
  const xHat = copy || !fitted ? x : pcaReconstruct(firstComponents(fitted, k), pcaProject(firstComponents(fitted, k), x, m), m);
  let bce = 0;
  for (let i = 0; i < m * IMAGE_SIZE; i++) {
    const p = Math.min(1 - BCE_EPSILON, Math.max(BCE_EPSILON, xHat[i]));
    bce -= x[i] * Math.log(p) + (1 - x[i]) * Math.log(1 - p);
  }
  const testSquaredError = squaredErrorPerImage(x, xHat, m, IMAGE_SIZE);
  return {
    codeSize: k,
    testSquaredError,
    testLossBce: bce / (m * IMAGE_SIZE),
    testLossMse: testSquaredError / IMAGE_SIZE,
    fitMs,
    map: fitted && scatter && scatter.n >= 2 ? pcaMapOf(fitted, scatter.images, scatter.labels, scatter.n) : undefined,
  };
}

export const lossOf = (s: PcaBaselineScores, loss: LossName) => (loss === 'bce' ? s.testLossBce : s.testLossMse);

/** Message to pca.worker.ts. */
export interface PcaFitRequest {
  id: number;
  train: Uint8Array;
  n: number;
  test: Uint8Array;
  m: number;
  k: number;
  /** [s, 784] uint8 scatter digits and their labels for the PCA-2 map, if wanted. */
  scatter?: { images: Uint8Array; labels: Uint8Array; n: number };
}

export type PcaFitReply = { id: number; scores: PcaBaselineScores } | { id: number; error: string };
