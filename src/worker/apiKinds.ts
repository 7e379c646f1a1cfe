/**
 * The model kinds' and variants' own events and views (the denoising, contractive and sparse
 * variants, the kinds' live figures, the VQ-VAE's codes, the VAE's prior views). Each event of
 * a run carries its id (apiRun.ts). api.ts re-exports it.
 */
import type { ModelKind } from '../core/config';
import type { ActivityScores } from '../core/kinds/mlp/sparsity';

/**
 * Denoising (model.noise is not 'none'): the showcase digits with the fixed test noise and the
 * model's outputs for them, and the PSNRs on the live test digits (core/train/noise.ts). Sent
 * with each live test evaluation.
 */
export interface DenoisingEvent {
  type: 'denoising';
  runId: number;
  step: number;
  epoch: number;
  /** [n, 784] the showcase digits with the test noise, in [0, 1] (the clean ones: TestSampleEvent). */
  noisy: Float32Array;
  /** [n, 784] the model's outputs for the noisy digits, in [0, 1]. */
  denoised: Float32Array;
  n: number;
  /** PSNR of the noisy input against the clean digit, dB (pixels in [0, 1], pooled MSE). */
  noisyPsnr: number;
  /** PSNR of the model's output against the clean digit, dB. */
  outputPsnr: number;
  /** Live test digits the PSNRs are measured on. */
  count: number;
}

/**
 * How far the code moves under a small fixed input perturbation, on the live test digits
 * (core/train/contractive.ts). Measured for encoders with at most one hidden layer (where the
 * contractive penalty exists), with each live test evaluation.
 */
export interface SensitivityEvent {
  type: 'sensitivity';
  runId: number;
  step: number;
  epoch: number;
  /** Mean over digits of ||z(x + ε) - z(x)|| / ||ε||, ε ~ N(0, 0.01²) per pixel: code units per unit of input change. */
  sensitivity: number;
  /** Mean over digits of ||dz/dx||_F, closed form. */
  jacobianNorm: number;
  /** RMS distance of the codes from their mean code, code units. */
  codeSpread: number;
  /** sensitivity / codeSpread. */
  relativeSensitivity: number;
  count: number;
}

/**
 * A model kind's own live figures on the live test digits (core/train/engine.ts measure), by
 * name: e.g. the VAE's ELBO, the VQ-VAE's perplexity. Sent with each live test evaluation.
 */
export interface EngineMeasuresEvent {
  type: 'engineMeasures';
  runId: number;
  step: number;
  epoch: number;
  kind: ModelKind;
  values: Record<string, number>;
}

/**
 * Code activity of a model with a non-linear code or a sparsity penalty (core/train/sparsity.ts),
 * on the live test digits, with each live test evaluation; and the encoder's first features.
 */
export interface SparsityEvent extends ActivityScores {
  type: 'sparsity';
  runId: number;
  step: number;
  epoch: number;
  /** [featureCount, 784] incoming weights of the first units of the first encoder layer. */
  features: Float32Array;
  featureCount: number;
  /** Whose features: the code units themselves (no hidden layer) or the first hidden layer's units. */
  featureLayer: 'code' | 'hidden';
}

/**
 * VQ-VAE (model.kind 'vq'): the showcase digits' code indices and the codebook's use on the
 * live test digits (core/train/vqEngine.ts), sent with each live test evaluation.
 */
export interface VqEvent {
  type: 'vq';
  runId: number;
  step: number;
  epoch: number;
  /** K, the codebook's size. */
  codebookSize: number;
  /** Code indices per digit. */
  positions: number;
  /** [n, positions] the showcase digits' indices in 0..K-1 (the digits: TestSampleEvent.showcase). */
  showcaseIndices: Int32Array;
  n: number;
  /** [K] how many of the count x positions slots of the live test digits picked each code. */
  usage: Float32Array;
  /** exp(entropy) of that usage: the effective number of codes in use (1..K). */
  perplexity: number;
  /** Codes picked at least once. */
  codesUsed: number;
  /** Live test digits counted. */
  count: number;
}

/** Codes drawn from the VAE's prior N(0, I) and their images (the "Sample" button). */
export interface PriorSamples {
  /** [count, codeSize] */
  codes: Float32Array;
  /** [count, 784] in [0, 1] */
  images: Float32Array;
  count: number;
  codeSize: number;
}

/** A latent traversal of one test digit: row j sweeps code number j over `values`. */
export interface Traversal {
  digit: number;
  label: number;
  /** [codeSize] the digit's code (the VAE: the mean). */
  code: Float32Array;
  values: number[];
  /** [codeSize * values.length, 784] in [0, 1], row j first. */
  images: Float32Array;
}

/** A plain autoencoder of the same shape, trained on the same digits, for the side-by-side grids. */
export interface PlainComparison {
  epochs: number;
  side: number;
  /** Loss per pixel on the live test digits. */
  testLoss: number;
  /** [side², 784] its grid over its own codes' padded range (as the lab draws a plain model's grid). */
  boxGrid: Float32Array;
  /** [side², 784] its grid at the prior's quantiles (the VAE's grid). */
  quantileGrid: Float32Array;
  /** Share of the 10 x 10 cells of its own range that no live test digit's code falls in. */
  emptyBox: number;
  /** The same share for the 10 x 10 prior-quantile cells (the VAE's live measure). */
  emptyQuantile: number;
  seconds: number;
}
