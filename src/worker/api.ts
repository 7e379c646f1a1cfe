/**
 * The typed surface between the page and the lab worker. Only plain data and
 * (transferred) typed arrays cross it: no tensors, no functions except the one
 * comlink-proxied event listener, no DOM.
 *
 * The page imports this file with `import type` only.
 */
import type { LabConfig, ModelKind } from '../core/config';
import type { ModelSnapshot } from '../core/train/snapshot';
import type { FeatureMap } from '../core/models/convConfig';
import type { ActivityScores } from '../core/train/sparsity';
import type { EmbeddingInputs } from './embeddingMaps';
import type { AnomalyEvent, ImageSearchEvent, SearchQuery, SearchResult } from './apiApplications';
import type { PretrainConfig, PretrainingEvent } from './apiPretraining';
import type { TextCorpusInfo, TextMeasureEvent, TextProgressEvent, TextQueryResult } from './apiText';
import type { CandidateReason, ForModelNote, ThreadRequest, ThreadsReport } from './backendReport';

export type { LsaBaselines, TextCodeMeasure, TextCorpusInfo, TextHit, TextMeasureEvent, TextProgressEvent, TextQueryResult } from './apiText';
export type { AnomalyDigits, AnomalyEvent, ImageSearchEvent, SearchHits, SearchQuery, SearchRepresentation, SearchResult } from './apiApplications';
export type { AccuracyPoint, PretrainingEvent, PretrainLayerProgress, PretrainSummary } from './apiPretraining';
export type { CandidateReason, ForModelNote, IsolationWhy, ThreadRequest, ThreadsReport, ThreadsWhy } from './backendReport';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** What happened to one candidate backend during selection. */
export interface BackendCandidate {
  name: BackendName;
  /**
   * 'chosen': in use. 'passed': checked fine but slower (or not needed).
   * 'failed': absent, failed to initialise, or failed the numerical self-check.
   * 'skipped': not tried (another backend was forced or already chosen).
   */
  status: 'chosen' | 'passed' | 'failed' | 'skipped';
  /** Why it has that status, as a code the page words (backendReport.ts). */
  reason: CandidateReason;
  /** A GPU backend on a software adapter or renderer (SwiftShader, llvmpipe): it computes on the CPU. */
  software?: boolean;
  /** wasm: how many threads it computes with and, when one, why. */
  threads?: ThreadsReport;
  /** The model kind in use moved the lab off this backend, or onto it (worker/kindBackend.ts). */
  forModel?: ForModelNote;
  /** Micro-benchmark result, training samples per second of the current model, if measured. */
  samplesPerSec?: number;
  /** Largest absolute difference from the cpu reference in the self-check, if run. */
  selfCheckError?: number;
  /** For webgpu: adapter info such as "swiftshader", if known. */
  adapter?: string;
}

export interface BackendReport {
  chosen: BackendName;
  forced: boolean;
  candidates: BackendCandidate[];
}

export interface InitOptions {
  /** URL of the folder that holds the *.idx.gz files (ends with '/'). */
  dataUrl: string;
  /** `?backend=` from the page URL: use only this backend (still self-checked). */
  forcedBackend?: BackendName;
  /** Backends the worker must not try (e.g. after one crashed or lost its device). */
  excludeBackends?: BackendName[];
  /** What the page allows wasm's threads: cross-origin isolation, `?threads=` (offline/isolation.ts). */
  threads?: ThreadRequest;
  /** The lab's fused kernels where the backend has them (core/kernels/); `?fused=0` turns them off. Default on. */
  fusedKernels?: boolean;
  /** Number of test digits drawn on the latent scatter (the first N of the test set). */
  scatterSize: number;
}

export interface InitResult {
  backend: BackendReport;
  trainCount: number; // 60000
  testCount: number; // 10000
}

/** Training run state as the page shows it. */
export type RunState = 'idle' | 'running' | 'paused' | 'diverged';

export interface ProgressEvent {
  type: 'progress';
  step: number;
  /** Fractional epochs over the current training subset. */
  epoch: number;
  samplesSeen: number;
  /** Training throughput over the last second or so. */
  samplesPerSec: number;
  /** Mean loss per pixel (bce or mse, as configured) over the recent training batches. */
  trainLoss: number;
  /** Loss per pixel on the fixed 1,000-image live test subset (present when measured this tick). */
  testLoss?: number;
  /** Squared error per image: sum over 784 pixels of (x - x̂)², mean over the live test subset. */
  testSquaredError?: number;
  /** Wall-clock ms since training started for this configuration (paused time excluded). */
  elapsedMs: number;
}

export interface StatusEvent {
  type: 'status';
  state: RunState;
  /** For 'diverged': what happened and what to try, e.g. "The loss became NaN at step 812. Try a lower learning rate (now 0.5)." */
  message?: string;
}

/** The PCA baseline at the current code size, fitted on the current training subset. */
export interface PcaBaselineEvent {
  type: 'pcaBaseline';
  codeSize: number;
  /** Squared error per image on the live test subset (same unit as testSquaredError). */
  testSquaredError: number;
  testLoss: number;
}

/** Reconstructions of the fixed showcase test digits. */
export interface ReconstructionsEvent {
  type: 'reconstructions';
  /** [n, 784] values in [0, 1] (clamped for a linear output). */
  pixels: Float32Array;
  n: number;
}

/** Codes of the scatter's test digits, in map coordinates. */
export interface CodesEvent {
  type: 'codes';
  /** [n, 2]: the code itself for a 2-D code, else its projection on the codes' first two principal components. */
  points: Float32Array;
  n: number;
  codeSize: number;
  projected: boolean;
  /** Bounding box of the points, padded a little: the latent grid's range. */
  extent: { xMin: number; xMax: number; yMin: number; yMax: number };
  /** Per code dimension: min and max over the scatter's codes (the sliders' ranges). */
  codeMin: Float32Array;
  codeMax: Float32Array;
}

/** Sent once after init: what the page needs to draw the test digits itself. */
export interface TestSampleEvent {
  type: 'testSample';
  /** [n, 784] uint8 pixels of the first n test digits (scatter hover images). */
  images: Uint8Array;
  labels: Uint8Array;
  n: number;
  /** Test-set indices of the showcase digits whose reconstructions are streamed. */
  showcase: number[];
}

export interface ErrorEvent {
  type: 'error';
  /** 'data': a data file is missing or corrupt. 'backend': no usable backend / device lost. 'config': refused configuration. */
  kind: 'data' | 'backend' | 'config' | 'internal';
  message: string;
  /** What the user can do, e.g. "Run `npm run prepare-data` and reload." */
  hint?: string;
  /** For 'data': which file. */
  file?: string;
  /**
   * For 'backend': set when the backend in use broke (e.g. the WebGPU device was lost). The
   * page must restart the worker without it; selection problems during init leave it unset.
   */
  lostBackend?: BackendName;
}

export interface BackendEvent {
  type: 'backend';
  report: BackendReport;
}

/**
 * The lessons' live measurements on the scatter's test digits, sent with each codes refresh
 * (not every step).
 */
export interface MeasurementsEvent {
  type: 'measurements';
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
 * side-by-side map). Sent once per training subset, after the PCA baseline fit.
 */
export interface PcaMapEvent {
  type: 'pcaMap';
  /** [n, 2]: each scatter digit's coordinates on the training subset's first two principal components. */
  points: Float32Array;
  n: number;
  /** Leave-one-out 5-NN accuracy of these points, in [0, 1]. */
  knnAccuracy: number;
  /** Bounding box of the points, padded a little (as CodesEvent.extent). */
  extent: { xMin: number; xMax: number; yMin: number; yMax: number };
}

/** The test metrics on all 10,000 test digits, measured when training pauses (or after step()). */
export interface FullTestEvent {
  type: 'fullTest';
  step: number;
  /** Loss per pixel (bce or mse, as configured) over all `count` test digits. */
  testLoss: number;
  /** Squared error per image, mean over all `count` test digits. */
  testSquaredError: number;
  count: number;
}

/**
 * Denoising (model.noise is not 'none'): the showcase digits with the fixed test noise and the
 * model's outputs for them, and the PSNRs on the live test digits (core/train/noise.ts). Sent
 * with each live test evaluation.
 */
export interface DenoisingEvent {
  type: 'denoising';
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

export type LabEvent =
  | ProgressEvent
  | MeasurementsEvent
  | PcaMapEvent
  | FullTestEvent
  | StatusEvent
  | PcaBaselineEvent
  | ReconstructionsEvent
  | CodesEvent
  | TestSampleEvent
  | ErrorEvent
  | BackendEvent
  | DenoisingEvent
  | ImageSearchEvent
  | SensitivityEvent
  | AnomalyEvent
  | EngineMeasuresEvent
  | PretrainingEvent
  | TextProgressEvent
  | TextMeasureEvent
  | SparsityEvent
  | VqEvent;

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

export interface EncodeResult {
  /** [n, codeSize] */
  codes: Float32Array;
  /** [n, 2] in map coordinates (see CodesEvent). */
  points: Float32Array;
  /** [n, 784] reconstructions. */
  reconstructions: Float32Array;
}

/** What importModel answers: refused with what differs, or loaded (with what the page should mention). */
export type ImportResult =
  | { ok: true; warnings: string[]; step: number; epoch: number; samplesSeen: number }
  | { ok: false; problems: string[] };

export interface LabApi {
  /** Registers the page's listener (comlink.proxy). Events arrive at most ~30 times a second. */
  subscribe(listener: (e: LabEvent) => void): void;
  /** Loads MNIST, chooses and checks a backend. Errors arrive as events and reject. */
  init(options: InitOptions): Promise<InitResult>;
  /** Builds the model from the config and re-initialises it from its seed; fits the PCA baseline. */
  configure(config: LabConfig): Promise<void>;
  /** Starts (or resumes) training until pause() or divergence. */
  train(): Promise<void>;
  pause(): Promise<void>;
  /** Runs exactly `steps` training steps (default 1) and reports progress. */
  step(steps?: number): Promise<void>;
  /** Re-initialises the model from the seed (same config); history restarts. */
  reset(): Promise<void>;
  /** [n, codeSize] codes -> [n, 784] images, one batched call. */
  decodeCodes(codes: Float32Array, n: number): Promise<Float32Array>;
  /** [n, 2] map points -> [n, 784] images (through the inverse projection for codes > 2). */
  decodeMapPoints(points: Float32Array, n: number): Promise<Float32Array>;
  /** [n, 2] map points -> [n, codeSize] codes (for loading a clicked point into the sliders). */
  mapPointsToCodes(points: Float32Array, n: number): Promise<Float32Array>;
  /** [n, 784] images in [0, 1] -> codes, map points and reconstructions. */
  encode(images: Float32Array, n: number): Promise<EncodeResult>;
  /**
   * The current model as a snapshot (weights, optimizer state, counters); its Float32Arrays are
   * transferred. Does not pause training: the weights are taken at one step.
   */
  exportModel(): Promise<ModelSnapshot>;
  /**
   * Loads a snapshot (from IndexedDB or a file) in place of the current model, if it fits the
   * current architecture (checkSnapshot); pauses training, then sends status 'paused' and the
   * reconstructions, codes and measurements of the loaded model. No progress event: the page
   * restores its own history.
   */
  importModel(snapshot: ModelSnapshot): Promise<ImportResult>;
  backendReport(): Promise<BackendReport>;
  /** Live tensor count, for leak tests in e2e. */
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  /**
   * For tests of the restart path: 'crash' throws an uncaught error in the worker (the page
   * sees the worker's 'error' event); 'deviceLost' destroys the WebGPU device (webgpu only).
   */
  simulateFailure(kind: 'crash' | 'deviceLost'): Promise<void>;
  /**
   * Starts (true) or stops the similar-image search measurements: imageSearch events for the
   * autoencoder's codes (in the lab worker, a share of the training time) and for pixels and
   * PCA codes (in a plain worker of their own, once per training subset and code size).
   */
  watchImageSearch(on: boolean): Promise<void>;
  /** The k nearest training digits of a query, in pixels and in the current model's codes. */
  searchNeighbours(query: SearchQuery, k: number): Promise<SearchResult>;
  /** Starts (true) or stops the anomaly events: every test digit scored, a share of the training time. */
  watchAnomaly(on: boolean): Promise<void>;
  /**
   * The first n test digits (n <= 10,000) with their codes by the current model, for the
   * visualization lesson's maps (worker/embeddingMaps.ts); buffers transferred.
   */
  embeddingInputs(n: number): Promise<EmbeddingInputs>;
  /**
   * Convolutional models: every layer's activations for test digit `testIndex` (input,
   * convolutions, poolings, code, unpoolings or deconvolutions, reconstruction); buffers
   * transferred. Refused for the other kinds.
   */
  featureMaps(testIndex: number): Promise<FeatureMap[]>;
  /**
   * The pretraining lesson's own run (worker/pretrainRun.ts), beside the lab's autoencoder: a
   * new experiment (stops and frees the old one; sends its fresh summary), then start, pause
   * and reset. Progress arrives as 'pretraining' events.
   */
  configurePretraining(config: PretrainConfig): Promise<void>;
  startPretraining(): Promise<void>;
  pausePretraining(): Promise<void>;
  resetPretraining(): Promise<void>;
  /**
   * The text-retrieval lesson: loads the Brown passages (rejects with the file and the fix when
   * they are missing) and builds the two text autoencoders once; sends a textMeasure event.
   */
  textLoad(): Promise<TextCorpusInfo>;
  /** Starts (true) or pauses the text autoencoders' own training loop (textProgress, textMeasure events). */
  textTrain(on: boolean): Promise<void>;
  /** Both text autoencoders back to their initial weights. */
  textReset(): Promise<void>;
  /** A typed query through the text encoders: its map point and its k nearest passages. */
  textQuery(query: string, k: number): Promise<TextQueryResult>;
  /**
   * VQ-VAE: [n, positions] code indices (int32, 0..K-1) -> [n, 784] images in [0, 1], one
   * batched call. A view edits a digit's indices, or puts one index everywhere, and decodes.
   */
  decodeIndices(indices: Int32Array, n: number): Promise<Float32Array>;
  /** [side², 784] the model's images at the prior-quantile grid over code numbers 0 and 1 (a VAE's grid). */
  decodePriorGrid(side: number): Promise<Float32Array>;
  /** `count` codes drawn from N(0, I) with this seed, decoded. */
  samplePrior(count: number, seed: number): Promise<PriorSamples>;
  /** Test digit `digit` swept along each code number over `values`. */
  traverse(digit: number, values: number[]): Promise<Traversal>;
  /**
   * Trains a plain autoencoder of the current model's shape on the same digits for `epochs`
   * epochs (a 2-number code), and returns its grids and holes; undefined when the model changed
   * meanwhile.
   */
  comparePlain(epochs: number, side: number): Promise<PlainComparison | undefined>;

  /**
   * Conditional autoencoder: [n, codeSize] codes, code i drawn as the digit labels[i] (0-9) ->
   * [n, 784] images (the style swap: one code with each of the ten labels).
   */
  decodeWithLabels(codes: Float32Array, labels: readonly number[], n: number): Promise<Float32Array>;
  /** Conditional autoencoder: the digit 0-9 the latent grid and the sliders draw (kept across resets and configures). */
  setDecodeLabel(digit: number): Promise<void>;
  /**
   * Conditional autoencoder, the style swap: the code of one image [784] in [0, 1] drawn as each
   * digit 0-9 -> [10, 784], digit d in row d.
   */
  styleSwap(image: Float32Array): Promise<Float32Array>;
}
