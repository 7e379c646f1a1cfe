/**
 * The PCA baseline the lessons compare against: exact PCA with k = code size, fitted on the
 * run's training subset, scored on the live test subset in the autoencoder's own units.
 *
 * The fit of [10,000, 784] takes seconds in plain JavaScript, so it runs in a second worker
 * (pca.worker.ts) while training goes on; a newer request terminates an older fit.
 */
import { fitPca, pcaProject, pcaReconstruct, squaredErrorPerImage } from '../core/analysis/pca';
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
}

/**
 * @param train [n, 784] uint8 training subset
 * @param test [m, 784] uint8 test images
 */
export function scorePcaBaseline(train: Uint8Array, n: number, test: Uint8Array, m: number, k: number): PcaBaselineScores {
  const t0 = performance.now();
  const pca = fitPca(imagesToFloat(train, null), n, IMAGE_SIZE, k);
  const fitMs = performance.now() - t0;
  const x = imagesToFloat(test, null);
  const xHat = pcaReconstruct(pca, pcaProject(pca, x, m), m);
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
}

export type PcaFitReply = { id: number; scores: PcaBaselineScores } | { id: number; error: string };
