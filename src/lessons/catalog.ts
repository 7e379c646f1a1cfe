/**
 * The catalogue a lesson chooses from: the experiment its Train trains, the panels it shows and
 * the measures it reads, as data (ids only, no React, no store). Behind each list one registry:
 * - experiments: state/experiments.ts (what the header's Train/Pause/Step/Reset do);
 * - panels: components/panels/registry.ts (view, title, when a panel applies);
 * - measures: state/measures.ts (the store fields read, how, unit, baseline).
 * A new panel or measure is one id here and one entry there (docs/ARCHITECTURE.md, "How to add a lesson").
 */

/**
 * The experiment a lesson's Train trains:
 * - mnistAutoencoder: the lab's autoencoder on MNIST digits (every kind; worker/lab.worker.ts);
 * - textAutoencoders: the text-retrieval lesson's two autoencoders of Brown passages (worker/textRetrievalLab.ts);
 * - pretraining: the pretraining lesson's layer-wise pretraining and fine-tuning run (worker/pretrainRun.ts).
 */
export const EXPERIMENTS = ['mnistAutoencoder', 'textAutoencoders', 'pretraining'] as const;
export type ExperimentId = (typeof EXPERIMENTS)[number];

/**
 * The page's panels, in the free lab's order (a lesson lists its own order). Each id is also
 * the panel's focus id (store.focusedPanel, `data-panel-focus`, test id `focus-panel-<id>`).
 */
export const PANEL_IDS = [
  /** The architecture editor, the model file and Show as code. */
  'model',
  /** The training numbers and the loss curves. */
  'training',
  'reconstructions',
  /** The first layer's weights as 28 x 28 images while training (dense kinds). */
  'weights',
  /** Denoising: noisy input, output and the clean digit, with the PSNR gain. */
  'denoising',
  /** Contractive: how far the code moves under a small input change. */
  'contractive',
  /** Convolutional: every layer's feature maps of one test digit. */
  'featureMaps',
  /** Sparse: code activity, its histogram and the features the code units learned. */
  'sparse',
  /** VQ-VAE: code indices, the codebook's use and perplexity. */
  'vq',
  /** VAE: β, the ELBO and its terms, Sample, the plain autoencoder's grids beside it. */
  'vae',
  /** β-VAE: one row of images per code number as it sweeps. */
  'traversal',
  /** Adversarial autoencoder: the prior, the distance to it and samples from it. */
  'adversarial',
  /** Conditional autoencoder: one code drawn as every digit. */
  'styleSwap',
  /** The code space: the map, the grid decoded from it and the sliders. */
  'latent',
  /** The reader's own digit. */
  'draw',
  /** Visualization: UMAP of the codes beside PCA-2 and UMAP of the pixels. */
  'embedding',
  'anomaly',
  'imageSearch',
  'pretraining',
  'textRetrieval',
] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/** The measures, each read live by the page (its name: state/measures.ts measureNameKey). */
export const MEASURE_IDS = [
  'testSquaredError',
  'knnAccuracy',
  'codeRadius95',
  'psnrGain',
  'searchPrecision',
  'relativeSensitivity',
  'anomalyAuroc',
  'umapKnnAccuracy',
  'pretrainGain',
  'textRetrievalFraction',
  'activeFraction',
  'meanActivation',
  'vqPerplexity',
  'testElbo',
  'emptyCells',
  'activeDimensions',
  'priorDistance',
  'swapReadAsLabel',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];
