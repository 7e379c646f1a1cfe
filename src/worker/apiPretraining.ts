/**
 * The pretraining experiment's part of the typed surface between the page and the lab worker
 * (issue 5, lesson pretraining); api.ts re-exports it. Plain data only.
 */
import type { Message } from '../core/messages';
import type { Network } from '../core/train/fineTune';
import type { PretrainConfig } from '../core/train/pretrainConfig';
import type { PretrainStage } from '../core/train/pretrainingExperiment';

export type { Network } from '../core/train/fineTune';
export type { PretrainConfig } from '../core/train/pretrainConfig';
export type { PretrainStage } from '../core/train/pretrainingExperiment';

/** One pretrained layer: the autoencoder h_{k-1} -> h_k -> h_{k-1}. */
export interface PretrainLayerProgress {
  /** Width of its input (784 for the first) and of the layer itself. */
  inputWidth: number;
  width: number;
  steps: number;
  stepsDone: number;
  /** 'bce' per pixel for the first layer (and sigmoid units), 'mse' per unit above it. */
  loss: 'bce' | 'mse';
  /** Mean reconstruction loss of the first read-back, and of the latest. */
  firstLoss?: number;
  lastLoss?: number;
}

/** Test accuracy of both networks after `step` fine-tuning steps, on the first `count` test digits. */
export interface AccuracyPoint {
  step: number;
  pretrained: number;
  random: number;
  count: number;
}

/**
 * Everything the panel shows of one run, sent whole (it is small) as the run moves: at most
 * ~10 times a second, and at every stage change and accuracy measurement.
 */
export interface PretrainSummary {
  /** Bumped by each configure or reset, so the page can drop a late summary of an older run. */
  runId: number;
  config: PretrainConfig;
  state: 'idle' | 'running' | 'paused' | 'done';
  stage: PretrainStage;
  layers: PretrainLayerProgress[];
  fineTune: { steps: number; stepsDone: number; lastLoss?: Record<Network, number> };
  /** Live accuracy (first 1,000 test digits) every config.evalEvery steps, from step 0. */
  accuracy: AccuracyPoint[];
  /** After the last step: both networks on all 10,000 test digits. */
  final?: AccuracyPoint;
  /** Wall time this run has spent running (paused time excluded), ms. */
  elapsedMs: number;
  /** Running time until the first accuracy of both networks arrived, ms. */
  firstAccuracyMs?: number;
  /** Why the run stopped by itself: 'internal.pretrainingStopped' with the exception's text. */
  error?: Message;
}

export interface PretrainingEvent {
  type: 'pretraining';
  summary: PretrainSummary;
}
