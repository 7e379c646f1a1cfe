/**
 * English UI strings: the source every other locale is checked against.
 * Keys are grouped by the part of the page that shows them; the latent-space views keep
 * theirs in en.latent.ts.
 */
import { classroom } from './en.classroom';
import { applications } from './en.applications';
import { vae } from './en.vae';
import { exportCode } from './en.exportCode';
import { latent } from './en.latent';
import { modelFile } from './en.modelFile';
import { presenter } from './en.presenter';
import { variants } from './en.variants';
import { kinds } from './en.kinds';
import { pretraining } from './en.pretraining';
import { text } from './en.text';
import { vq } from './en.vq';
import { conditional } from './en.conditional';
import { backendWhy } from './en.backendWhy';
import { messages } from './en.messages';
import { problems } from './en.problems';
import { predict } from './en.predict';
import { math } from './en.math';

export const en = {
  app: {
    title: 'Autoencoder Lab',
    tagline: 'Train an autoencoder on real MNIST digits, right in your browser.',
    skipToContent: 'Skip to the lab',
    panels: {
      model: 'Model',
    },
  },
  controls: {
    label: 'Training controls',
    train: 'Train',
    pause: 'Pause',
    step: 'Step',
    stepHint: 'Run one training step',
    reset: 'Reset',
    resetHint: 'Re-initialise the weights from the seed and start over',
    seed: 'Seed',
    seedHint: 'A new seed re-initialises the model (press Enter to apply).',
    state: {
      booting: 'Loading data…',
      idle: 'Ready',
      running: 'Training',
      paused: 'Paused',
      diverged: 'Diverged',
      unavailable: 'Not available',
      done: 'Finished',
    },
  },
  metrics: {
    label: 'Training numbers',
    step: 'Step',
    epoch: 'Epoch',
    samplesPerSec: 'Samples / s',
    trainLoss: 'Train loss',
    testLoss: 'Test loss',
    testSquaredError: 'Test squared error per image',
    pca: 'PCA baseline (k = {{k}})',
    perImage: 'squared error per image',
    lossUnit: {
      bce: 'binary cross-entropy per pixel',
      mse: 'mean squared error per pixel',
    },
    squaredErrorUnit: 'Σ over 784 pixels of (x − x̂)²',
    vsPca: {
      better: 'The autoencoder beats PCA: {{ratio}}× lower error.',
      worse: 'PCA is still better: {{ratio}}× lower error than the autoencoder.',
      level: 'The autoencoder and PCA are about level (within 5%).',
      pending: 'The PCA baseline appears once it is fitted.',
      untrained: 'Train the model to compare it with PCA.',
    },
    none: '—',
  },
  backend: {
    label: 'Backend',
    checking: 'checking…',
    none: 'none',
    forced: 'forced',
    forcedHint: 'Chosen by the ?backend= parameter of the page address.',
    why: 'Why?',
    whyLong: 'Why this backend? Show every backend tried and why it was or was not chosen.',
    hideWhy: 'Hide',
    listTitle: 'Backends tried, in order',
    status: {
      chosen: 'in use',
      passed: 'works, not chosen',
      failed: 'failed',
      skipped: 'not tried',
    },
    speed: '{{value}} samples/s',
    selfCheck: 'self-check error {{value}}',
    adapter: 'adapter: {{value}}',
  },
  notices: {
    label: 'Messages',
    booting: 'Loading 70,000 MNIST digits and checking which backend computes correctly and fastest…',
    dismiss: 'Dismiss',
    kind: {
      data: 'The MNIST data could not be loaded',
      backend: 'Backend problem',
      internal: 'Something went wrong',
    },
    diverged: 'Training stopped by itself',
    divergedFallback: 'The loss became NaN or exploded. Try a lower learning rate, then reset.',
    resetNow: 'Reset the model',
  },
  architecture: {
    intro: 'The encoder squeezes each 784-pixel digit into a short code; the decoder rebuilds the digit from the code alone.',
    layers: 'Encoder widths',
    layersHint: 'The decoder mirrors them.',
    encoderLayer: 'Layer {{n}}',
    removeLayer: 'Remove layer {{n}}',
    addLayer: 'Add layer',
    noLayers: 'No hidden layers: the code is a linear map of the pixels, like PCA.',
    codeSize: 'Code size (bottleneck)',
    codeL2: 'L2 penalty on the code',
    codeL2Hint: 'Pulls the codes toward zero; 0 turns it off.',
    activations: 'Activations and loss',
    hiddenActivation: 'Hidden activation',
    outputActivation: 'Output activation',
    loss: 'Loss',
    training: 'Training',
    optimizer: 'Optimizer',
    learningRate: 'Learning rate',
    momentum: 'Momentum',
    momentumSgdOnly: 'Used by SGD only.',
    batchSize: 'Batch size',
    trainSize: 'Training-set size',
    seed: 'Seed',
    apply: 'Apply',
    revert: 'Revert',
    applyHint: 'Applying builds a new model and restarts training.',
    unchanged: 'This is the model in use.',
    pending: 'Changes not applied yet.',
    invalid: 'Fix the marked fields to apply.',
    option: {
      relu: 'ReLU',
      elu: 'ELU',
      tanh: 'tanh',
      sigmoid: 'sigmoid',
      linear: 'linear',
      bce: 'binary cross-entropy',
      mse: 'mean squared error',
      adam: 'Adam',
      sgd: 'SGD with momentum',
      rmsprop: 'RMSprop',
    },
  },
  diagram: {
    label: 'Diagram of the autoencoder: {{widths}}',
    input: 'input',
    output: 'reconstruction',
    codeBottleneck: 'code (bottleneck)',
    encoder: 'encoder',
    decoder: 'decoder',
    draft: 'preview of the changes',
  },
  lossChart: {
    title: 'Learning curves',
    label: 'Loss by training step',
    logScale: 'Log scale',
    unit: 'Show',
    unitLoss: 'loss per pixel',
    unitSquaredError: 'squared error per image',
    train: 'train',
    test: 'test (1,000 digits)',
    pca: 'PCA (k = {{k}})',
    xAxis: 'training step',
    yLoss: '{{loss}} per pixel',
    ySquaredError: 'squared error per image',
    empty: 'Press Train: the curves appear here.',
  },
  latent,
  presenter,
  modelFile,
  classroom,
  exportCode,
  variants,
  kinds,
  applications,
  pretraining,
  text,
  vq,
  vae,
  conditional,
  backendWhy,
  messages,
  problems,
  predict,
  math,
} as const;

/** The shape every locale must have (values may differ, keys may not). */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Strings = Widen<typeof en>;
