/**
 * The whole pretraining experiment in stages: pretrain layer 1, layer 2, ... on the unlabelled
 * training subset (layerwise.ts), then fine-tune the pretrained stack and the randomly
 * initialised one on N labelled digits (fineTune.ts). `work(n)` does at most n optimizer steps
 * of the current stage, so a caller (the lab worker) can run it in short chunks.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../config';
import { imagesToFloat } from '../data/dataset';
import { ALL_DIGITS, trainingSubset } from '../data/normalSubset';
import { createRng, deriveSeed, shuffledIndices } from '../data/rng';
import { FineTuning, pretrainedClassifier, type Network } from './fineTune';
import { LayerwisePretraining } from './layerwise';
import { checkPretrainConfig, type PretrainConfig } from './pretrainConfig';
import type { MnistData } from './types';

/** 'pretrain' with the layer's index (0 = 784-h1-784), then 'fineTune', then 'done'. */
export type PretrainStage = { kind: 'pretrain'; layer: number } | { kind: 'fineTune' } | { kind: 'done' };

/** What one call of work() did. */
export interface WorkDone {
  /** The stage the steps belonged to. */
  stage: PretrainStage;
  steps: number;
  /** The stage ended with these steps (the next call starts the next one). */
  stageEnded: boolean;
}

/**
 * The labelled digits of a run: the first `labels` rows of a seeded permutation of the training
 * subset (so 100 labels are a subset of 1,000, and class counts are whatever the draw gives).
 * @returns indices into the training set
 */
export function labelledIndices(trainIndices: Int32Array, labels: number, seed: number): Int32Array {
  const order = shuffledIndices(trainIndices.length, createRng(deriveSeed(seed, 40)));
  return Int32Array.from(order.subarray(0, labels), (j) => trainIndices[j]);
}

export class PretrainingExperiment {
  readonly config: PretrainConfig;
  /** Indices into the 60,000 training digits: the unlabelled subset, and its labelled part. */
  readonly trainIndices: Int32Array;
  readonly labelled: Int32Array;
  private readonly data: MnistData;
  private pixels?: tf.Tensor2D;
  private layerwise?: LayerwisePretraining;
  private fineTuning?: FineTuning;
  private stageNow: PretrainStage = { kind: 'pretrain', layer: 0 };

  constructor(data: MnistData, config: PretrainConfig) {
    const checked = checkPretrainConfig(config);
    if (!checked.ok) throw new Error(`Invalid pretraining configuration: ${checked.problems.join('; ')}`);
    this.config = checked.config;
    if (this.config.trainSize > data.trainCount) throw new Error(`trainSize ${this.config.trainSize} is larger than the ${data.trainCount} training digits`);
    this.data = data;
    // The same subset as the lab's autoencoder with this size and seed.
    this.trainIndices = trainingSubset(data.trainLabels.subarray(0, data.trainCount), this.config.trainSize, this.config.seed, ALL_DIGITS);
    this.labelled = labelledIndices(this.trainIndices, this.config.labels, this.config.seed);
    this.pixels = tf.tensor2d(imagesToFloat(data.trainImages, this.trainIndices), [this.trainIndices.length, IMAGE_SIZE]);
    this.layerwise = new LayerwisePretraining(this.pixels, this.config);
  }

  get stage(): PretrainStage {
    return this.stageNow;
  }

  /** Optimizer steps per pretrained layer, and of the fine-tuning (each network). */
  get stepsPerLayer(): number {
    return Math.max(1, Math.ceil((this.config.pretrainEpochs * this.trainIndices.length) / this.config.batchSize));
  }

  /** Steps taken in the current stage. */
  get stepsInStage(): number {
    if (this.stageNow.kind === 'pretrain') return this.layerwise?.stepsInLayer ?? 0;
    return this.fineTuning?.step ?? 0;
  }

  /**
   * At most n optimizer steps of the current stage, synchronously. When the stage has taken all
   * its steps, `stageEnded` says so: read its loss (readLayerLoss / readFineTuneLosses), then
   * call nextStage(), which freezes the layer or builds the classifiers.
   */
  work(n: number): WorkDone {
    const stage = this.stageNow;
    if (stage.kind === 'done') return { stage, steps: 0, stageEnded: false };
    if (stage.kind === 'pretrain') {
      const lw = this.requireLayerwise();
      const steps = lw.steps(n);
      return { stage, steps, stageEnded: lw.layerComplete };
    }
    const ft = this.requireFineTuning();
    const steps = Math.min(n, this.config.fineTuneSteps - ft.step);
    ft.steps(steps);
    return { stage, steps, stageEnded: ft.step >= this.config.fineTuneSteps };
  }

  /** Moves past a stage that work() reported ended (after its loss was read). */
  nextStage(): void {
    const stage = this.stageNow;
    if (stage.kind === 'pretrain') {
      const lw = this.requireLayerwise();
      if (!lw.layerComplete) throw new Error(`layer ${stage.layer + 1} has not taken its steps yet`);
      lw.finishLayer();
      if (!lw.done) {
        this.stageNow = { kind: 'pretrain', layer: lw.layer };
        return;
      }
      this.startFineTuning(lw);
      this.stageNow = { kind: 'fineTune' };
      return;
    }
    if (stage.kind === 'fineTune') {
      if (this.requireFineTuning().step < this.config.fineTuneSteps) throw new Error('the fine-tuning has not taken its steps yet');
      this.stageNow = { kind: 'done' };
    }
  }

  /** Mean reconstruction loss of the layer being pretrained since the last read (NaN without steps). */
  readLayerLoss(): Promise<number> {
    return this.layerwise ? this.layerwise.readLoss() : Promise.resolve(Number.NaN);
  }

  /** Mean training cross-entropy of both networks since the last read. */
  readFineTuneLosses(): Promise<Record<Network, number>> {
    return this.fineTuning ? this.fineTuning.readLosses() : Promise.resolve({ pretrained: Number.NaN, random: Number.NaN });
  }

  /** Fine-tuning steps taken (each network). */
  get fineTuneStep(): number {
    return this.fineTuning?.step ?? 0;
  }

  /** Test accuracy of both networks on the first `count` test digits; undefined before fine-tuning. */
  async testAccuracy(count: number, check?: () => void): Promise<Record<Network, number> | undefined> {
    if (!this.fineTuning) return undefined;
    const n = Math.min(count, this.data.testCount);
    return this.fineTuning.accuracy(this.data.testImages, this.data.testLabels, n, check);
  }

  dispose(): void {
    this.layerwise?.dispose();
    this.fineTuning?.dispose();
    this.pixels?.dispose();
    this.layerwise = undefined;
    this.fineTuning = undefined;
    this.pixels = undefined;
    this.stageNow = { kind: 'done' };
  }

  private startFineTuning(lw: LayerwisePretraining): void {
    const pretrained = pretrainedClassifier(lw.encoders, this.config.seed);
    // The pretrained encoders now live on as the classifier's copies; the rest goes.
    lw.dispose();
    this.layerwise = undefined;
    this.pixels?.dispose();
    this.pixels = undefined;
    const images = imagesToFloat(this.data.trainImages, this.labelled);
    const labels = Uint8Array.from(this.labelled, (i) => this.data.trainLabels[i]);
    this.fineTuning = new FineTuning(pretrained, images, labels, this.config);
  }

  private requireLayerwise(): LayerwisePretraining {
    if (!this.layerwise) throw new Error('the pretraining stages are over');
    return this.layerwise;
  }

  private requireFineTuning(): FineTuning {
    if (!this.fineTuning) throw new Error('the fine-tuning has not started');
    return this.fineTuning;
  }
}
