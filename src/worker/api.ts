/**
 * The typed surface between the page and the lab worker. Only plain data and
 * (transferred) typed arrays cross it: no tensors, no functions except the one
 * comlink-proxied event listener, no DOM.
 *
 * The events are typed by topic: the run and its training curve (apiRun.ts, which also tells
 * the run protocol), the backend and errors (apiBackend.ts), the views of every lesson
 * (apiViews.ts), the kinds' and variants' own (apiKinds.ts), the applications', the
 * pretraining lesson's and the text lesson's (apiApplications.ts, apiPretraining.ts, apiText.ts).
 *
 * The page imports this file with `import type` only (BACKEND_ORDER aside, for the worker).
 */
import type { LabConfig } from '../core/config';
import type { ModelSnapshot } from '../core/train/snapshot';
import type { FeatureMap } from '../core/kinds/conv/layout';
import type { EmbeddingInputs } from './embeddingMaps';
import type { AnomalyEvent, ImageSearchEvent, SearchQuery, SearchResult } from './apiApplications';
import type { BackendEvent, BackendReport, ErrorEvent, InitOptions, InitResult } from './apiBackend';
import type { DenoisingEvent, EngineMeasuresEvent, PlainComparison, PriorSamples, SensitivityEvent, SparsityEvent, Traversal, VqEvent } from './apiKinds';
import type { PretrainConfig, PretrainingEvent } from './apiPretraining';
import type { FullTestEvent, PcaBaselineEvent, ProgressEvent, RunEvent, RunRequest, StatusEvent } from './apiRun';
import type { TextLoadResult, TextMeasureEvent, TextProgressEvent, TextQueryResult } from './apiText';
import type { CodesEvent, EncodeResult, MeasurementsEvent, PcaMapEvent, ReconstructionsEvent, TestSampleEvent } from './apiViews';
import type { DigitLoss, FirstLayerWeights, MathDigitQuery, UnitInspection } from './apiMath';

export type { LsaBaselines, TextCodeMeasure, TextCorpusInfo, TextHit, TextLoadResult, TextMeasureEvent, TextProgressEvent, TextQueryResult } from './apiText';
export type { AnomalyDigits, AnomalyEvent, ImageSearchEvent, SearchHits, SearchQuery, SearchRepresentation, SearchResult } from './apiApplications';
export type { AccuracyPoint, PretrainingEvent, PretrainLayerProgress, PretrainSummary } from './apiPretraining';
export type { FullTestEvent, PcaBaselineEvent, ProgressEvent, RunCause, RunEvent, RunRequest, RunState, StatusEvent } from './apiRun';
export type { BackendCandidate, BackendEvent, BackendName, BackendReport, ErrorEvent, InitOptions, InitResult } from './apiBackend';
export type { CandidateReason, ForModelNote, IsolationWhy, ThreadRequest, ThreadsReport, ThreadsWhy } from './apiBackend';
export { BACKEND_ORDER } from './apiBackend';
export type { CodesEvent, EncodeResult, MeasurementsEvent, PcaMapEvent, ReconstructionsEvent, TestSampleEvent } from './apiViews';
export type { DenoisingEvent, EngineMeasuresEvent, PlainComparison, PriorSamples, SensitivityEvent, SparsityEvent, Traversal, VqEvent } from './apiKinds';
export type { DigitLoss, FirstLayerWeights, MathDigitQuery, UnitInspection } from './apiMath';

/** The events of one run: each carries its `runId`; the page keeps those of the run it shows. */
export type RunScopedEvent =
  | RunEvent
  | ProgressEvent
  | StatusEvent
  | PcaBaselineEvent
  | FullTestEvent
  | ReconstructionsEvent
  | CodesEvent
  | MeasurementsEvent
  | PcaMapEvent
  | DenoisingEvent
  | SensitivityEvent
  | EngineMeasuresEvent
  | SparsityEvent
  | VqEvent
  | ImageSearchEvent
  | AnomalyEvent;

/** Events of the worker itself and of the lessons' own experiments: no run id. */
export type WorkerEvent = TestSampleEvent | ErrorEvent | BackendEvent | PretrainingEvent | TextProgressEvent | TextMeasureEvent;

export type LabEvent = RunScopedEvent | WorkerEvent;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A run's event as the worker's modules make it; the run channel (runChannel.ts) adds the id. */
export type RunEventBody = DistributiveOmit<RunScopedEvent, 'runId'>;

/**
 * What importModel answers: loaded (with what the page should mention), or refused with what
 * differs (the run still starts, with the model that stayed), or skipped as superseded (the page
 * asked for a newer run meanwhile).
 */
export type ImportResult =
  | { ok: true; warnings: string[]; step: number; epoch: number; samplesSeen: number }
  | { ok: false; problems: string[]; superseded?: true };

export interface LabApi {
  /** Registers the page's listener (comlink.proxy). Events arrive at most ~30 times a second. */
  subscribe(listener: (e: LabEvent) => void): void;
  /** Loads MNIST, chooses and checks a backend. Errors arrive as events and reject. */
  init(options: InitOptions): Promise<InitResult>;
  /**
   * Builds the model from the config and initialises it from its seed; fits the PCA baseline.
   * Starts run `run` (announced by a 'run' event); a stale request (apiRun.ts) does nothing.
   */
  configure(config: LabConfig, run: RunRequest): Promise<void>;
  /** Starts (or resumes) training until pause() or divergence. */
  train(): Promise<void>;
  pause(): Promise<void>;
  /** Runs exactly `steps` training steps (default 1) and reports progress. */
  step(steps?: number): Promise<void>;
  /** Re-initialises the model from the seed (same config) as run `run`. */
  reset(run: RunRequest): Promise<void>;
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
   * current architecture (checkSnapshot), as run `run`; pauses training, then sends the run's
   * announcement, status 'paused' and the reconstructions, codes and measurements of the loaded
   * model. No progress event: the page restores its own history.
   */
  importModel(snapshot: ModelSnapshot, run: RunRequest): Promise<ImportResult>;
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
   * The text-retrieval lesson: loads the Brown passages and builds the two text autoencoders
   * once; sends a textMeasure event. A missing or broken file answers with the file and the fix.
   */
  textLoad(): Promise<TextLoadResult>;
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

  /**
   * The math with its numbers (apiMath.ts), for the dense kinds: unit `unit` of diagram layer
   * `layer` (1 = the first hidden layer) for a digit (its incoming weights, input sum and
   * output); a digit's reconstruction loss pixel by pixel; the first `count` units' weights
   * from the pixels. Read-only; buffers transferred; refused for the convolutional kind.
   */
  inspectUnit(digit: MathDigitQuery, layer: number, unit: number): Promise<UnitInspection>;
  digitLoss(digit: MathDigitQuery): Promise<DigitLoss>;
  firstLayerWeights(count: number): Promise<FirstLayerWeights>;
}
