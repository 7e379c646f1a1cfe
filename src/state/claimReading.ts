/**
 * The live check of a lesson's claim: gathers the numbers the page has (the store's history,
 * PCA baseline, PCA-2 map and the worker's lesson measurements) into claims.ts's inputs.
 * Pure: no React, no DOM.
 */
import type { LabConfig } from '../core/config';
import { evaluateClaim, type ClaimInputs, type ClaimVerdict } from '../lessons/claims';
import { CLAIM_RETRIEVED, fractionAt } from '../core/analysis/textRetrieval';
import { lessonConfig } from '../lessons/preset';
import type { ClaimMetric, Lesson } from '../lessons/types';
import type { LabState, LossPoint } from './store';

export interface ClaimReading {
  verdict: ClaimVerdict;
  metric: ClaimMetric;
  /** Epochs trained when the judged value was measured. */
  epoch: number;
  diverged: boolean;
  /** The page runs another experiment than the lesson's preset (any setting but the seed). */
  changed: boolean;
}

export type ClaimState = Pick<LabState, 'history' | 'pcaBaseline' | 'measurements' | 'pcaMap' | 'config' | 'runState'> &
  Partial<Pick<LabState, 'denoising' | 'imageSearch' | 'sensitivity' | 'anomaly' | 'embedding' | 'pretraining' | 'text' | 'sparsity' | 'vq' | 'engineMeasures'>>;

/** Every setting but the seed: a new seed repeats the same experiment. */
function sameExperiment(a: LabConfig, b: LabConfig): boolean {
  const strip = (c: LabConfig) => JSON.stringify({ model: c.model, train: { ...c.train, seed: 0 } });
  return strip(a) === strip(b);
}

const tested = (p: LossPoint) => p.testSquaredError !== undefined;

/** The inputs of evaluateClaim for one metric, each value with the epoch it was measured at. */
export function claimInputs(metric: ClaimMetric, s: ClaimState): ClaimInputs {
  const inputs: ClaimInputs = { epoch: 0, current: {}, pca: {}, initial: {} };
  switch (metric) {
    case 'testSquaredError': {
      const last = s.history.findLast(tested);
      const first = s.history.find(tested);
      // Judge the value measured after minEpochs, not an epoch counter that ran ahead of it.
      inputs.epoch = last?.epoch ?? 0;
      if (last) inputs.current.testSquaredError = last.testSquaredError;
      if (first) inputs.initial.testSquaredError = first.testSquaredError;
      if (s.pcaBaseline && s.pcaBaseline.codeSize === s.config.model.codeSize) inputs.pca.testSquaredError = s.pcaBaseline.testSquaredError;
      break;
    }
    case 'knnAccuracy':
      inputs.epoch = s.measurements?.epoch ?? 0;
      if (s.measurements) inputs.current.knnAccuracy = s.measurements.knnAccuracy;
      if (s.pcaMap) inputs.pca.knnAccuracy = s.pcaMap.knnAccuracy;
      break;
    case 'codeRadius95':
      inputs.epoch = s.measurements?.epoch ?? 0;
      if (s.measurements) inputs.current.codeRadius95 = s.measurements.codeRadius95;
      break;
    case 'psnrGain':
      inputs.epoch = s.denoising?.epoch ?? 0;
      if (s.denoising) inputs.current.psnrGain = s.denoising.outputPsnr - s.denoising.noisyPsnr;
      break;
    case 'searchPrecision': {
      const ae = s.imageSearch?.autoencoder;
      const pca = s.imageSearch?.pca;
      inputs.epoch = ae?.epoch ?? 0;
      if (ae) inputs.current.searchPrecision = ae.score.precision;
      if (pca?.complete) inputs.pca.searchPrecision = pca.score.precision;
      break;
    }
    case 'relativeSensitivity':
      inputs.epoch = s.sensitivity?.epoch ?? 0;
      if (s.sensitivity) inputs.current.relativeSensitivity = s.sensitivity.relativeSensitivity;
      break;
    case 'umapKnnAccuracy': {
      const maps = s.embedding?.maps;
      inputs.epoch = s.embedding?.epoch ?? 0;
      if (maps?.codes) inputs.current.umapKnnAccuracy = maps.codes.knnAccuracy;
      if (maps?.pca2) inputs.pca.umapKnnAccuracy = maps.pca2.knnAccuracy;
      break;
    }
    case 'anomalyAuroc':
      inputs.epoch = s.anomaly?.epoch ?? 0;
      if (s.anomaly) inputs.current.anomalyAuroc = s.anomaly.auroc;
      break;
    case 'pretrainGain': {
      const p = s.pretraining;
      // Judged on the full test after the last fine-tuning step, not on a live point.
      inputs.epoch = p ? (p.final ? 1 : Math.min(0.99, p.fineTune.stepsDone / p.fineTune.steps)) : 0;
      if (p?.final) inputs.current.pretrainGain = 100 * (p.final.pretrained - p.final.random);
      break;
    }
    case 'textRetrievalFraction': {
      // The text autoencoder's own epochs over the passages (not MNIST's).
      const { measure, lsa, info } = s.text ?? {};
      const counts = info?.counts ?? [];
      inputs.epoch = measure?.epoch ?? 0;
      const ae = measure ? fractionAt({ counts, fraction: measure.retrieval.fraction }, CLAIM_RETRIEVED) : undefined;
      const linear = lsa ? fractionAt({ counts, fraction: lsa.retrieval.fraction }, CLAIM_RETRIEVED) : undefined;
      if (ae !== undefined) inputs.current.textRetrievalFraction = ae;
      if (linear !== undefined) inputs.pca.textRetrievalFraction = linear;
      break;
    }
    case 'activeFraction':
    case 'meanActivation':
      inputs.epoch = s.sparsity?.epoch ?? 0;
      if (s.sparsity) inputs.current[metric] = s.sparsity[metric];
      break;
    case 'vqPerplexity':
      inputs.epoch = s.vq?.epoch ?? 0;
      if (s.vq) inputs.current.vqPerplexity = s.vq.perplexity;
      break;
    case 'testElbo':
    case 'activeDimensions': {
      // A VAE's figures only (another kind's measures have other names).
      const measured = s.engineMeasures?.kind === 'vae' ? s.engineMeasures : undefined;
      const value = measured?.values[metric === 'testElbo' ? 'elbo' : 'activeDimensions'];
      inputs.epoch = measured?.epoch ?? 0;
      if (value !== undefined) inputs.current[metric] = value;
      break;
    }
    case 'priorDistance': {
      // Only the adversarial engine's figure (another kind's measures have other names).
      const m = s.engineMeasures;
      const value = m?.kind === 'adversarial' ? m.values.priorDistance : undefined;
      inputs.epoch = value !== undefined ? m!.epoch : 0;
      if (value !== undefined) inputs.current.priorDistance = value;
      break;
    }
    case 'swapReadAsLabel': {
      const m = s.engineMeasures?.kind === 'conditional' ? s.engineMeasures : undefined;
      inputs.epoch = m?.epoch ?? 0;
      if (m && m.values.swapReadAsLabel !== undefined) inputs.current.swapReadAsLabel = m.values.swapReadAsLabel;
      break;
    }
  }
  return inputs;
}

export function readClaim(lesson: Lesson, s: ClaimState): ClaimReading {
  const { check } = lesson.claim;
  const inputs = claimInputs(check.metric, s);
  // The guard's metric is read as measured now (the latest value), beside the main one.
  if (check.guard) Object.assign(inputs.current, claimInputs(check.guard.metric, s).current);
  return {
    verdict: evaluateClaim(check, inputs),
    metric: check.metric,
    epoch: inputs.epoch,
    diverged: s.runState === 'diverged',
    changed: !sameExperiment(s.config, lessonConfig(lesson)),
  };
}
