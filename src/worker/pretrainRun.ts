/**
 * The pretraining experiment in the lab worker (lesson pretraining): its own run, beside the
 * lab's autoencoder, with configure / start / pause / reset. It runs in chunks of optimizer
 * steps sized to ~CHUNK_TARGET_MS with one loss read-back each, and yields a task between
 * chunks, so decodes, pauses and the lab's own training loop are served in between.
 * Everything the panel needs travels in one small PretrainSummary (apiPretraining.ts).
 */
import { LIVE_TEST_SIZE } from '../core/data/dataset';
import { IMAGE_SIZE } from '../core/config';
import { message } from '../core/messages';
import { reconstructionLoss } from '../core/train/layerwise';
import { checkPretrainConfig, type PretrainConfig } from '../core/train/pretrainConfig';
import { PretrainingExperiment, type PretrainStage } from '../core/train/pretrainingExperiment';
import type { MnistData } from '../core/train/types';
import type { WorkerEvent } from './api';
import type { AccuracyPoint, PretrainSummary } from './apiPretraining';
import { RunMeter, tick } from './runMeter';

/** Summaries while running go out at most this often (stage changes and accuracies at once). */
const SUMMARY_INTERVAL_MS = 100;

type Emit = (e: WorkerEvent) => void;

function freshSummary(config: PretrainConfig, runId: number): PretrainSummary {
  const inputs = [IMAGE_SIZE, ...config.widths];
  const stepsPerLayer = Math.max(1, Math.ceil((config.pretrainEpochs * config.trainSize) / config.batchSize));
  return {
    runId,
    config,
    state: 'idle',
    stage: { kind: 'pretrain', layer: 0 },
    layers: config.widths.map((width, i) => ({
      inputWidth: inputs[i],
      width,
      steps: stepsPerLayer,
      stepsDone: 0,
      loss: reconstructionLoss(i, config.hiddenActivation).loss,
    })),
    fineTune: { steps: config.fineTuneSteps, stepsDone: 0 },
    accuracy: [],
    elapsedMs: 0,
  };
}

export class PretrainRun {
  private config?: PretrainConfig;
  private experiment?: PretrainingExperiment;
  private summary?: PretrainSummary;
  private runId = 0;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private readonly meter = new RunMeter();
  private lastSentAt = -Infinity;

  constructor(
    private readonly data: MnistData,
    private readonly emit: Emit,
  ) {}

  /** A new experiment (nothing runs until start); a running one stops and is freed. */
  async configure(config: PretrainConfig): Promise<void> {
    const checked = checkPretrainConfig(config);
    if (!checked.ok) throw new Error(`This pretraining configuration was refused: ${checked.problems.join('; ')}`);
    if (checked.config.trainSize > this.data.trainCount) throw new Error(`trainSize ${checked.config.trainSize} is larger than the ${this.data.trainCount} training digits`);
    await this.stop();
    this.config = checked.config;
    this.fresh();
  }

  /** Starts or resumes the run; a finished run stays finished (reset starts over). */
  async start(): Promise<void> {
    const config = this.requireConfig();
    if (this.running || this.summary?.state === 'done') return;
    // Built on the first start: it holds the training subset on the device (10,000 x 784 floats).
    this.experiment ??= new PretrainingExperiment(this.data, config);
    this.running = true;
    this.setState('running');
    this.loopDone = this.loop(this.experiment, this.runId);
  }

  async pause(): Promise<void> {
    const wasRunning = this.running;
    await this.stop();
    if (wasRunning && this.summary?.state === 'running') this.setState('paused');
  }

  /** The same configuration from the start again; frees the run's tensors. */
  async reset(): Promise<void> {
    await this.stop();
    this.requireConfig();
    this.fresh();
  }

  get current(): PretrainSummary | undefined {
    return this.summary;
  }

  private fresh(): void {
    this.experiment?.dispose();
    this.experiment = undefined;
    this.meter.reset();
    this.runId++;
    this.summary = freshSummary(this.requireConfig(), this.runId);
    this.send(true);
  }

  private async stop(): Promise<void> {
    this.running = false;
    await this.loopDone;
  }

  private async loop(e: PretrainingExperiment, runId: number): Promise<void> {
    const alive = () => this.running && this.runId === runId;
    this.meter.start(performance.now(), 0);
    try {
      while (alive() && e.stage.kind !== 'done') {
        const t0 = performance.now();
        const stage = e.stage;
        // A chunk of fine-tuning ends at the next live-test step, so none is skipped on a fast backend.
        const every = this.requireConfig().evalEvery;
        const n = stage.kind === 'fineTune' ? Math.min(this.meter.chunk, every - (e.fineTuneStep % every)) : this.meter.chunk;
        const done = e.work(n);
        if (stage.kind === 'pretrain') {
          const loss = await e.readLayerLoss();
          const layer = this.requireSummary().layers[stage.layer];
          layer.stepsDone = e.stepsInStage;
          // A NaN after steps is a diverged layer: shown, not skipped.
          if (done.steps > 0) {
            layer.lastLoss = loss;
            layer.firstLoss ??= loss;
          }
        } else if (stage.kind === 'fineTune') {
          const losses = await e.readFineTuneLosses();
          const ft = this.requireSummary().fineTune;
          ft.stepsDone = e.fineTuneStep;
          ft.lastLoss = losses;
        }
        const now = performance.now();
        this.meter.chunkDone(Math.max(1, done.steps), now - t0, now, 0);
        if (this.runId !== runId) return;
        let urgent = false;
        if (done.stageEnded) {
          e.nextStage();
          this.requireSummary().stage = e.stage;
          urgent = true;
        }
        if (e.stage.kind === 'fineTune' && e.fineTuneStep % every === 0 && this.lastAccuracyStep() !== e.fineTuneStep) {
          await this.measure(e, LIVE_TEST_SIZE, runId);
          urgent = true;
        }
        // (A fresh read: nextStage() may have moved on.)
        if ((e.stage as PretrainStage).kind === 'done') {
          // The last step's live point, then all 10,000 test digits.
          if (this.lastAccuracyStep() !== e.fineTuneStep) await this.measure(e, LIVE_TEST_SIZE, runId);
          const full = await e.testAccuracy(this.data.testCount);
          if (full && this.runId === runId) this.requireSummary().final = { step: e.fineTuneStep, ...full, count: this.data.testCount };
          this.meter.stop(performance.now());
          this.running = false;
          this.setState('done');
          return;
        }
        this.send(urgent);
        await tick();
      }
    } catch (err) {
      if (this.runId === runId) {
        this.running = false;
        this.requireSummary().error = message('internal.pretrainingStopped', {}, err instanceof Error ? err.message : String(err));
        this.setState('paused');
      }
    } finally {
      this.meter.stop(performance.now());
    }
  }

  private async measure(e: PretrainingExperiment, count: number, runId: number): Promise<void> {
    const accuracy = await e.testAccuracy(count);
    if (!accuracy || this.runId !== runId) return;
    const s = this.requireSummary();
    const point: AccuracyPoint = { step: e.fineTuneStep, ...accuracy, count: Math.min(count, this.data.testCount) };
    s.accuracy.push(point);
    s.firstAccuracyMs ??= this.meter.elapsedMs(performance.now());
  }

  private lastAccuracyStep(): number | undefined {
    return this.summary?.accuracy[this.summary.accuracy.length - 1]?.step;
  }

  private setState(state: PretrainSummary['state']): void {
    this.requireSummary().state = state;
    this.send(true);
  }

  /** Sends a copy of the summary: now when `urgent`, else at most every SUMMARY_INTERVAL_MS. */
  private send(urgent: boolean): void {
    const now = performance.now();
    if (!urgent && now - this.lastSentAt < SUMMARY_INTERVAL_MS) return;
    this.lastSentAt = now;
    const s = this.requireSummary();
    s.elapsedMs = this.meter.elapsedMs(now);
    this.emit({ type: 'pretraining', summary: structuredClone(s) });
  }

  private requireSummary(): PretrainSummary {
    if (!this.summary) throw new Error('No pretraining run yet: configurePretraining() first.');
    return this.summary;
  }

  private requireConfig(): PretrainConfig {
    if (!this.config) throw new Error('No pretraining run yet: configurePretraining() first.');
    return this.config;
  }
}
