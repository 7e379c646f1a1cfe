/**
 * A lesson is data, not a component: text per locale, a preset, the controls shown by default,
 * "try this" steps and one claim the page measures live. Adding a lesson means adding a folder
 * src/lessons/<id>/ with a lesson.ts that exports `lesson` (see index.ts).
 *
 * Nothing here imports React, the DOM or tfjs: lessons load in Node tests as they are.
 */
import type { FullModelConfig, TrainConfig } from '../core/config';
import type { PretrainSettings } from '../core/train/pretrainConfig';
import type { Locale } from '../i18n/locale';
import type { ExperimentId, MeasureId, PanelId } from './catalog';
import type { LessonPrediction } from './prediction';

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
  /** The question the student answers before Train, and the answer beside the measurement (prediction.ts). */
  'predict',
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
  /**
   * Includes the model kind (core/kinds/registry.ts): a lesson on the VAE presets kind 'vae'.
   * Any kind's settings (the flat form): lessonConfig keeps the ones of the preset's kind.
   */
  model?: Partial<FullModelConfig>;
  train?: Partial<TrainConfig>;
  view?: Partial<ViewOptions>;
  /** The pretraining experiment's labels and widths (lesson pretraining). */
  pretrain?: Partial<PretrainSettings>;
}


interface ClaimCheckBase {
  /** One of the lesson's measures (state/measures.ts says how it is read and what its baseline is). */
  metric: MeasureId;
  /** 'lt': the claim holds while metric < target; 'gt': while metric > target. */
  relation: 'lt' | 'gt';
  /** Training (in epochs over the training subset) before the claim is judged; until then it is pending. */
  minEpochs: number;
  /**
   * A second condition on another metric that must hold too, against a fixed number: a code that
   * collapsed (every unit off) is as sparse as can be, so the sparse lesson also asks that the
   * code still reconstructs. While it does not hold, the claim fails with the guard's numbers.
   */
  guard?: { metric: MeasureId; relation: 'lt' | 'gt'; value: number };
  /**
   * Optional floor: the claim also needs metric >= atLeast, where a broken model would pass
   * the relation alone (a VAE whose code collapsed uses 0 code numbers: "at most six" holds).
   */
  atLeast?: number;
}

/**
 * The machine-checkable half of a claim. The target is
 * - 'baseline':    factor * (the measure's baseline: PCA at the same code size, the PCA-2 map, LSA-10 ...,
 *                  as its entry in state/measures.ts says) + margin;
 * - 'initial':     factor * (the metric's first live value for this configuration);
 * - 'fixed':       a number.
 * evaluateClaim (claims.ts) turns a check and the live values into holds / fails / pending.
 */
export type ClaimCheck =
  | (ClaimCheckBase & { compare: 'baseline'; factor: number; margin: number })
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
  /** What the header's Train/Pause/Step/Reset drive in this lesson (catalog.ts EXPERIMENTS). */
  experiment: ExperimentId;
  /**
   * The panels in the order the lesson teaches them, its own point first. Every panel of the
   * experiment that applies to the lesson's preset and is not hidden is listed; panels that
   * come to apply later (the student switches the kind) follow in the free lab's order.
   */
  panels: readonly PanelId[];
  /** The measures the lesson reads, in teaching order; the claim's metric (and guard) among them. */
  measures: readonly MeasureId[];
  /** Short steps for the student, Markdown inline, the same number in every locale. */
  tryThis: PerLocale<readonly string[]>;
  claim: LessonClaim;
  /** The question asked before Train: its choices and how the lab's measurement judges them. */
  prediction: LessonPrediction;
}
