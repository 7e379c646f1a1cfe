/**
 * A lesson is data, not a component: text per locale, a preset, the controls shown by default,
 * "try this" steps and one claim the page measures live. Adding a lesson means adding a folder
 * src/lessons/<id>/ with a lesson.ts that exports `lesson` (see index.ts).
 *
 * Nothing here imports React, the DOM or tfjs: lessons load in Node tests as they are.
 */
import type { MlpModelConfig, TrainConfig } from '../core/config';
import type { PretrainSettings } from '../core/train/pretrainConfig';
import type { Locale } from '../i18n/locale';

/** The languages every lesson text is written in (the same set as the UI's). */
export type LessonLocale = Locale;
export const LESSON_LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const satisfies readonly Locale[];

/** One value per language. */
export type PerLocale<T> = Record<LessonLocale, T>;

/**
 * Control groups the page can show or hide. A lesson lists the ones shown by default; a teacher
 * hides more (or shows others) through `<group>_hide` keys in the link (src/state/link.ts).
 * Editors first, then panels.
 */
export const CONTROL_GROUPS = [
  /** Encoder layer widths, code size, hidden and output activations. */
  'architecture',
  /** Reconstruction loss: binary cross-entropy or mean squared error. */
  'loss',
  /** Optimizer, learning rate, momentum and batch size. */
  'optimizer',
  /** Number of training images. */
  'data',
  /** Seed of the weights, the training subset and the batch order. */
  'seed',
  /** Train/pause, step, reset and the counters. */
  'run',
  'lossChart',
  'reconstructions',
  /** Side-by-side PCA views at the same code size (reconstructions, the PCA-2 map). */
  'pcaCompare',
  /** The 2-D map of the test digits' codes. */
  'scatter',
  /** The N x N grid of images decoded from points of the map. */
  'grid',
  /** One slider per code dimension. */
  'sliders',
  'drawPad',
  /** Similar-image search: a query's nearest training digits in pixels and codes, precision@10. */
  'imageSearch',
  /** Anomaly detection: the normal digits, score histograms, threshold, ROC and AUROC. */
  'anomaly',
  /** The variants' fields in the model editor: input noise (denoising), contractive penalty. */
  'variants',
  /** Visualization: UMAP of the codes beside PCA-2 and UMAP of the pixels, with their 5-NN accuracy. */
  'embedding',
  /** Pretraining: layer-wise pretraining, then fine-tuning on N labels beside random initialisation. */
  'pretraining',
  /** Text retrieval: the Brown passages' maps (autoencoder vs LSA), the query box, the retrieval curves. */
  'textRetrieval',
  /** The VAE: β slider, reconstruction + KL and the ELBO, the Sample button, the plain autoencoder's grids beside it. */
  'vae',
  /** Latent traversal: one row of images per code number as it sweeps, with its KL. */
  'traversal',
] as const;
export type ControlGroup = (typeof CONTROL_GROUPS)[number];

/** View options that travel in the link. */
export interface ViewOptions {
  /** Loss chart with a logarithmic y axis. */
  logScale: boolean;
  /** Latent grid side: gridSize x gridSize decoded images. */
  gridSize: number;
}

/**
 * The lesson's starting point: overrides of DEFAULT_CONFIG (src/core/config.ts) and view
 * options. The L2 penalty on the code is model.codeL2.
 */
export interface LessonPreset {
  /** Includes the model kind (config.ts MODEL_KINDS): a lesson on the VAE presets kind 'vae'. */
  model?: Partial<MlpModelConfig>;
  train?: Partial<TrainConfig>;
  view?: Partial<ViewOptions>;
  /** The pretraining experiment's labels and widths (lesson pretraining). */
  pretrain?: Partial<PretrainSettings>;
}

/**
 * Live measurements a claim can use. All are computed by the page from what the worker reports.
 * - testSquaredError: sum over 784 pixels of (x - x̂)², mean over the live test subset
 *   (ProgressEvent.testSquaredError); its PCA counterpart is PcaBaselineEvent.testSquaredError.
 * - knnAccuracy: leave-one-out accuracy of a 5-nearest-neighbour classifier of the digit labels
 *   on the 2-D map of the scatter's test digits (0..1); its PCA counterpart uses the map of the
 *   first two principal components of the training images.
 * - codeRadius95: the distance from zero within which 95% of the scatter's test codes lie
 *   (Euclidean, in code units).
 * - psnrGain: denoising models: PSNR of the output minus PSNR of the noisy input, both against
 *   the clean digit, dB, on the 1,000 live test digits with the fixed test noise
 *   (DenoisingEvent; core/train/noise.ts).
 * - searchPrecision: precision@10 of a similar-image search in the autoencoder's codes, the
 *   first 1,000 test digits as queries, the training subset as the set searched (0..1); its PCA
 *   counterpart searches PCA codes of the same size (ImageSearchEvent).
 * - relativeSensitivity: encoders with at most one hidden layer: mean over the live test digits
 *   of ||z(x + ε) - z(x)|| / ||ε|| for a small fixed ε, divided by the codes' RMS spread
 *   (SensitivityEvent; core/train/contractive.ts).
 * - umapKnnAccuracy: leave-one-out 5-NN accuracy of the UMAP map of the autoencoder's codes of
 *   the first 2,000 test digits (0..1); its PCA counterpart is the PCA-2 map of their pixels
 *   (store.embedding, worker/embeddingMaps.ts).
 * - vqPerplexity: VQ-VAE models: exp(entropy) of how often each codebook vector is picked over
 *   the positions of the 1,000 live test digits, the effective number of codes in use (1..K;
 *   VqEvent, core/train/vqEngine.ts).
 * - anomalyAuroc: area under the ROC curve of the reconstruction error (squared error per
 *   image) as the score of every test digit, the digits outside TrainConfig.normalDigits
 *   positive (0.5 = chance, 1 = perfect); AnomalyEvent.
 * - pretrainGain: the pretraining run's test accuracy of the pretrained network minus that of the
 *   randomly initialised one, in percentage points, on all 10,000 test digits after the last
 *   fine-tuning step (PretrainSummary.final); its "epochs" are the share of the fine-tuning done.
 * - textRetrievalFraction: the text autoencoder's 10-number code, 1,000 Brown passages as
 *   queries: the share of the 15 passages retrieved (nearest by cosine, other documents only)
 *   that have the query's genre (0..1), with the model's own epochs; its "PCA" counterpart is
 *   LSA-10, the linear baseline of text (TextMeasureEvent, LsaBaselines, core/analysis/textRetrieval.ts).
 * - activeFraction: models with a non-linear code or a sparsity penalty: the fraction of
 *   (digit, unit) pairs of the live test digits' codes with activation > 0.1 (0..1)
 *   (SparsityEvent; core/train/sparsity.ts).
 * - meanActivation: the same codes' mean activation over digits and units (code units).
 * - testElbo: a VAE's evidence lower bound on the 1,000 live test digits, nats per image, one
 *   seeded z sample per digit (EngineMeasuresEvent 'elbo'; core/train/vaeEngine.ts).
 * - activeDimensions: how many of a VAE's code numbers carry a mean KL above 0.1 nats on the
 *   live test digits (EngineMeasuresEvent 'activeDimensions').
 * - priorDistance: adversarial autoencoders: the energy distance between the codes of the
 *   1,000 live test digits and a fixed sample of the prior, in code units (0 = the same
 *   distribution); EngineMeasuresEvent, core/analysis/energyDistance.ts.
 * - swapReadAsLabel: conditional autoencoder: share of the live test digits whose code, drawn
 *   as another digit, a 5-NN judge among the real test digits in pixels reads as that digit
 *   (0..1; EngineMeasuresEvent, core/train/conditionalObjective.ts).
 */
export const CLAIM_METRICS = ['testSquaredError', 'knnAccuracy', 'codeRadius95', 'psnrGain', 'searchPrecision', 'relativeSensitivity', 'anomalyAuroc', 'umapKnnAccuracy', 'pretrainGain', 'textRetrievalFraction', 'activeFraction', 'meanActivation', 'vqPerplexity', 'testElbo', 'activeDimensions', 'priorDistance', 'swapReadAsLabel'] as const;
export type ClaimMetric = (typeof CLAIM_METRICS)[number];

interface ClaimCheckBase {
  metric: ClaimMetric;
  /** 'lt': the claim holds while metric < target; 'gt': while metric > target. */
  relation: 'lt' | 'gt';
  /** Training (in epochs over the training subset) before the claim is judged; until then it is pending. */
  minEpochs: number;
  /**
   * A second condition on another metric that must hold too, against a fixed number: a code that
   * collapsed (every unit off) is as sparse as can be, so the sparse lesson also asks that the
   * code still reconstructs. While it does not hold, the claim fails with the guard's numbers.
   */
  guard?: { metric: ClaimMetric; relation: 'lt' | 'gt'; value: number };
  /**
   * Optional floor: the claim also needs metric >= atLeast, where a broken model would pass
   * the relation alone (a VAE whose code collapsed uses 0 code numbers: "at most six" holds).
   */
  atLeast?: number;
}

/**
 * The machine-checkable half of a claim. The target is
 * - 'pcaBaseline': factor * (the same metric measured on PCA with the same code size) + margin;
 * - 'initial':     factor * (the metric's first live value for this configuration);
 * - 'fixed':       a number.
 * evaluateClaim (claims.ts) turns a check and the live values into holds / fails / pending.
 */
export type ClaimCheck =
  | (ClaimCheckBase & { compare: 'pcaBaseline'; factor: number; margin: number })
  | (ClaimCheckBase & { compare: 'initial'; factor: number })
  | (ClaimCheckBase & { compare: 'fixed'; value: number });

export interface LessonClaim {
  /** The sentence a student reads, e.g. "The deep autoencoder's error ends well below PCA's." */
  text: PerLocale<string>;
  check: ClaimCheck;
}

export interface Lesson {
  /** Slug, equal to the folder name, e.g. 'pca-vs-deep'. Travels in the link. */
  id: string;
  /** Position in the lesson list, 1-based. */
  order: number;
  title: PerLocale<string>;
  /** Markdown with $...$ and $$...$$ math (KaTeX), rendered by renderMarkdown. */
  body: PerLocale<string>;
  preset: LessonPreset;
  /** Control groups shown when the lesson opens (the rest start hidden). */
  controls: readonly ControlGroup[];
  /** Short steps for the student, Markdown inline, the same number in every locale. */
  tryThis: PerLocale<readonly string[]>;
  claim: LessonClaim;
}
