/**
 * The measures registry: one entry per measure a lesson can name (lessons/catalog.ts), saying
 * which store fields it reads, how it reads its latest value, the epoch that value was measured
 * at and its baseline, and its unit. Claims (claimReading.ts), ClaimStatus and the measure
 * cards read measures only through here. Pure: no React, no DOM.
 *
 * Epochs are the measure's own: the MNIST model's epochs over its training subset, the text
 * models' over the passages, the share of the fine-tuning done for the pretraining run.
 */
import { CLAIM_RETRIEVED, fractionAt } from '../core/analysis/textRetrieval';
import { plainNumber } from '../i18n/format';
import type { MeasureId } from '../lessons/catalog';
import type { LabState, LossPoint } from './store';

/** The store fields any measure reads (a subset of LabState, so tests build it by hand). */
export type MeasureState = Pick<LabState, 'history' | 'pcaBaseline' | 'measurements' | 'pcaMap' | 'config'> &
  Partial<Pick<LabState, 'denoising' | 'imageSearch' | 'sensitivity' | 'anomaly' | 'embedding' | 'pretraining' | 'text' | 'sparsity' | 'vq' | 'engineMeasures'>>;

/** One reading: each number undefined until it has been measured. */
export interface MeasureReading {
  /** Epochs trained when `value` was measured (0 before the first measurement). */
  epoch: number;
  value?: number;
  /** The same measure on the baseline (see Measure.baseline). */
  baseline?: number;
  /** The first value of this run (claims that compare with the start). */
  initial?: number;
}

/**
 * What a measure is compared with:
 * - pcaSameSize: PCA with as many components as the code has numbers (PcaBaselineEvent; the
 *   image search's PCA codes);
 * - pca2Map: the map of the first two principal components (of the training images for the
 *   scatter's map, of the same 2,000 digits' pixels for the visualization lesson);
 * - umapPixels: UMAP of the same digits' 784 pixels (the visualization lesson's reference: an
 *   autoencoder before UMAP should lose little);
 * - lsa10: latent semantic analysis with 10 dimensions, the linear baseline of text;
 * - randomInit: the same network from random weights, trained on the same labels and batches;
 * - noisyInput: the noisy digit the model was given.
 */
export const BASELINES = ['pcaSameSize', 'pca2Map', 'umapPixels', 'lsa10', 'randomInit', 'noisyInput'] as const;
export type BaselineId = (typeof BASELINES)[number];

/**
 * How a value is written: share 0..1 as a percentage, decibels, percentage points (signed), a
 * count (whole number); every other unit as a plain number of 4 significant digits.
 */
export type MeasureUnit = 'squaredError' | 'share' | 'codeUnits' | 'decibels' | 'ratio' | 'auroc' | 'percentagePoints' | 'perplexity' | 'nats' | 'count';

export interface Measure {
  /**
   * i18n key of the measure's name as a student reads it; `classroom.claim.metric.<id>` when
   * absent (a new measure may keep its name beside its panel's strings instead).
   */
  nameKey?: string;
  unit: MeasureUnit;
  /** What the measure is compared with; `relative` when the value is already the difference from it. */
  baseline?: BaselineId;
  relative?: true;
  /** The store fields `read` looks at: a view re-reads the measure when one of them changes. */
  reads: readonly (keyof MeasureState)[];
  read: (s: MeasureState) => MeasureReading;
}

const tested = (p: LossPoint) => p.testSquaredError !== undefined;

/** A kind's live figure from EngineMeasuresEvent, read only when the event is that kind's. */
function engineFigure(kind: string, name: string) {
  return (s: MeasureState): MeasureReading => {
    const m = s.engineMeasures?.kind === kind ? s.engineMeasures : undefined;
    const value = m?.values[name];
    return value === undefined ? { epoch: m?.epoch ?? 0 } : { epoch: m!.epoch, value };
  };
}

export const MEASURES: { readonly [K in MeasureId]: Measure } = {
  /**
   * Sum over 784 pixels of (x - x̂)², mean over the live test subset (ProgressEvent); judged at
   * the epoch of the last tested point, not an epoch counter that ran ahead of it. Baseline: PCA
   * of the same code size, only once it is of the current code size.
   */
  testSquaredError: {
    unit: 'squaredError',
    baseline: 'pcaSameSize',
    reads: ['history', 'pcaBaseline', 'config'],
    read: (s) => {
      const last = s.history.findLast(tested);
      const first = s.history.find(tested);
      const pca = s.pcaBaseline && s.pcaBaseline.codeSize === s.config.model.codeSize ? s.pcaBaseline.testSquaredError : undefined;
      return { epoch: last?.epoch ?? 0, value: last?.testSquaredError, initial: first?.testSquaredError, baseline: pca };
    },
  },
  /** Leave-one-out 5-NN accuracy of the digit labels on the scatter's 2-D map (0..1), beside the PCA-2 map's. */
  knnAccuracy: {
    unit: 'share',
    baseline: 'pca2Map',
    reads: ['measurements', 'pcaMap'],
    read: (s) => ({ epoch: s.measurements?.epoch ?? 0, value: s.measurements?.knnAccuracy, baseline: s.pcaMap?.knnAccuracy }),
  },
  /** The distance from zero within which 95% of the scatter's test codes lie (Euclidean, code units). */
  codeRadius95: {
    unit: 'codeUnits',
    reads: ['measurements'],
    read: (s) => ({ epoch: s.measurements?.epoch ?? 0, value: s.measurements?.codeRadius95 }),
  },
  /**
   * Denoising: PSNR of the output minus PSNR of the noisy input, both against the clean digit,
   * dB, on the 1,000 live test digits with the fixed test noise (DenoisingEvent).
   */
  psnrGain: {
    unit: 'decibels',
    baseline: 'noisyInput',
    relative: true,
    reads: ['denoising'],
    read: (s) => ({ epoch: s.denoising?.epoch ?? 0, value: s.denoising && s.denoising.outputPsnr - s.denoising.noisyPsnr }),
  },
  /**
   * Precision@10 of the search in the autoencoder's codes, the first 1,000 test digits as
   * queries among the training subset (0..1); baseline the complete search in PCA codes of the
   * same size (ImageSearchEvent).
   */
  searchPrecision: {
    unit: 'share',
    baseline: 'pcaSameSize',
    reads: ['imageSearch'],
    read: (s) => {
      const ae = s.imageSearch?.autoencoder;
      const pca = s.imageSearch?.pca;
      return { epoch: ae?.epoch ?? 0, value: ae?.score.precision, baseline: pca?.complete ? pca.score.precision : undefined };
    },
  },
  /**
   * Encoders with at most one hidden layer: mean of ||z(x + ε) - z(x)|| / ||ε|| over the live
   * test digits for a small fixed ε, divided by the codes' RMS spread (SensitivityEvent).
   */
  relativeSensitivity: {
    unit: 'ratio',
    reads: ['sensitivity'],
    read: (s) => ({ epoch: s.sensitivity?.epoch ?? 0, value: s.sensitivity?.relativeSensitivity }),
  },
  /**
   * Area under the ROC curve of the squared error per image as the score of every test digit,
   * the digits outside TrainConfig.normalDigits positive (0.5 = chance, 1 = perfect; AnomalyEvent).
   */
  anomalyAuroc: {
    unit: 'auroc',
    reads: ['anomaly'],
    read: (s) => ({ epoch: s.anomaly?.epoch ?? 0, value: s.anomaly?.auroc }),
  },
  /**
   * Leave-one-out 5-NN accuracy of the UMAP map of the codes of the first 2,000 test digits
   * (0..1), beside UMAP of their pixels (store.embedding, worker/embeddingMaps.ts).
   */
  umapKnnAccuracy: {
    unit: 'share',
    baseline: 'umapPixels',
    reads: ['embedding'],
    read: (s) => ({ epoch: s.embedding?.epoch ?? 0, value: s.embedding?.maps.codes?.knnAccuracy, baseline: s.embedding?.maps.pixels?.knnAccuracy }),
  },
  /**
   * The pretraining run: test accuracy of the pretrained network minus the randomly initialised
   * one's, percentage points, on all 10,000 test digits after the last fine-tuning step (never a
   * live point). Its epochs are the share of the fine-tuning done (1 when the run is over).
   */
  pretrainGain: {
    unit: 'percentagePoints',
    baseline: 'randomInit',
    relative: true,
    reads: ['pretraining'],
    read: (s) => {
      const p = s.pretraining;
      const epoch = p ? (p.final ? 1 : Math.min(0.99, p.fineTune.stepsDone / p.fineTune.steps)) : 0;
      return { epoch, value: p?.final && 100 * (p.final.pretrained - p.final.random) };
    },
  },
  /**
   * The text autoencoder's 10-number code, 1,000 Brown passages as queries: the share of the 15
   * passages retrieved (nearest by cosine, other documents only) with the query's genre (0..1),
   * at the text models' own epochs; baseline LSA-10 (TextMeasureEvent, LsaBaselines).
   */
  textRetrievalFraction: {
    unit: 'share',
    baseline: 'lsa10',
    reads: ['text'],
    read: (s) => {
      const { measure, lsa, info } = s.text ?? {};
      const counts = info?.counts ?? [];
      return {
        epoch: measure?.epoch ?? 0,
        value: measure ? fractionAt({ counts, fraction: measure.retrieval.fraction }, CLAIM_RETRIEVED) : undefined,
        baseline: lsa ? fractionAt({ counts, fraction: lsa.retrieval.fraction }, CLAIM_RETRIEVED) : undefined,
      };
    },
  },
  /** Share of (digit, unit) pairs of the live test digits' codes with activation > 0.1 (SparsityEvent). */
  activeFraction: {
    unit: 'share',
    reads: ['sparsity'],
    read: (s) => ({ epoch: s.sparsity?.epoch ?? 0, value: s.sparsity?.activeFraction }),
  },
  /** The same codes' mean activation over digits and units (code units). */
  meanActivation: {
    unit: 'codeUnits',
    reads: ['sparsity'],
    read: (s) => ({ epoch: s.sparsity?.epoch ?? 0, value: s.sparsity?.meanActivation }),
  },
  /**
   * VQ-VAE: exp(entropy) of how often each codebook vector is picked over the positions of the
   * 1,000 live test digits, the codes in effective use (1..K; VqEvent).
   */
  vqPerplexity: {
    unit: 'perplexity',
    reads: ['vq'],
    read: (s) => ({ epoch: s.vq?.epoch ?? 0, value: s.vq?.perplexity }),
  },
  /** A VAE's evidence lower bound on the 1,000 live test digits, nats per image, one seeded z per digit. */
  testElbo: { unit: 'nats', reads: ['engineMeasures'], read: engineFigure('vae', 'elbo') },
  /**
   * A VAE's holes: the share of the 10 x 10 grid's cells at the prior's quantiles that no live
   * test digit's code falls in (0..1; code size >= 2 only).
   */
  emptyCells: { nameKey: 'vae.emptyCells', unit: 'share', reads: ['engineMeasures'], read: engineFigure('vae', 'emptyCells') },
  /** How many of a VAE's code numbers carry a mean KL above 0.1 nats on the live test digits. */
  activeDimensions: { unit: 'count', reads: ['engineMeasures'], read: engineFigure('vae', 'activeDimensions') },
  /**
   * Adversarial autoencoders: energy distance between the codes of the 1,000 live test digits
   * and a fixed sample of the prior, code units (0 = the same distribution).
   */
  priorDistance: { unit: 'codeUnits', reads: ['engineMeasures'], read: engineFigure('adversarial', 'priorDistance') },
  /**
   * Conditional autoencoder: share of the live test digits whose code, drawn as another digit,
   * a 5-NN judge among the real test digits in pixels reads as that digit (0..1).
   */
  swapReadAsLabel: { unit: 'share', reads: ['engineMeasures'], read: engineFigure('conditional', 'swapReadAsLabel') },
};

/** The i18n key of a measure's name. */
export function measureNameKey(id: MeasureId): string {
  return MEASURES[id].nameKey ?? `classroom.claim.metric.${id}`;
}

/** Every store field the given measures read, once each, for a view's store selector. */
export function fieldsRead(ids: readonly MeasureId[]): (keyof MeasureState)[] {
  return [...new Set(ids.flatMap((id) => MEASURES[id].reads))];
}

/** A measure's value as the page writes it: "56.7%", "4.21 dB", "+4.65 pp", "6", "13.87". */
export function formatMeasure(id: MeasureId, value: number): string {
  switch (MEASURES[id].unit) {
    case 'share':
      return `${plainNumber(100 * value, 3)}%`;
    case 'decibels':
      return `${plainNumber(value, 3)} dB`;
    case 'percentagePoints':
      return `${value > 0 ? '+' : ''}${plainNumber(value, 3)} pp`;
    case 'count':
      return String(Math.round(value));
    default:
      return plainNumber(value, 4);
  }
}
