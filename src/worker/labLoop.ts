/**
 * The lab worker's training loop: chunks of optimizer steps sized to take ~40 ms (RunMeter),
 * each ending with one asynchronous loss read-back; between chunks it yields a task so pause,
 * decode and configure messages are served promptly. Progress goes out at most ~30 times a
 * second; the live test metrics, showcase reconstructions and the kinds' views about once a
 * second (less often when they would cost more than a small share of the training time); the
 * scatter's codes as labViews.ts decides. Every event goes out as the current run's
 * (runChannel.ts); lab.worker.ts starts and stops the loop under its lock.
 */
import { message } from '../core/messages';
import type { Trainer } from '../core/train/trainer';
import { deviceLostWithin, errorText, LOSS_GRACE_MS } from './backends';
import type { LabApplications } from './labApplications';
import { VIEW_INTERVAL_MS, type LabViews } from './labViews';
import type { LabVq } from './labVq';
import type { RunChannel } from './runChannel';
import { RunMeter, tick } from './runMeter';
import type { ErrorEvent } from './api';

const PROGRESS_INTERVAL_MS = 1000 / 30;
/**
 * At most about this share of the wall time goes to the live test metrics (the curve the
 * lessons read), a little more than the scatter's codes get (labViews.ts).
 */
const TEST_MAX_SHARE = 0.08;

export interface LoopParts {
  channel: RunChannel;
  views: LabViews;
  vq: LabVq;
  apps: LabApplications;
  emitError: (e: Omit<ErrorEvent, 'type'>) => void;
}

export class TrainingLoop {
  private running = false;
  private done: Promise<void> = Promise.resolve();
  private readonly meter = new RunMeter();
  private lastProgressAt = -Infinity;
  private lastTestAt = -Infinity;
  private testInterval = VIEW_INTERVAL_MS;

  constructor(private readonly parts: LoopParts) {}

  get isRunning(): boolean {
    return this.running;
  }

  /** Starts training `trainer` until stop(), divergence or a failure. */
  start(trainer: Trainer): void {
    if (this.running) return;
    this.running = true;
    this.parts.channel.emit({ type: 'status', state: 'running' });
    this.done = this.run(trainer);
  }

  /** Stops the loop; resolves once its last chunk is over (its last events are out). */
  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }

  /** A new run: counters, loss average and refresh clocks start again. */
  restartClock(): void {
    this.meter.reset();
    this.lastProgressAt = this.lastTestAt = -Infinity;
    this.parts.views.restart();
  }

  /**
   * Exactly `n` steps of a stopped loop, then the test metrics and, unless it diverged, the
   * codes and the applications' measurements of the stepped model.
   * @returns false when training diverged (status 'diverged' is out)
   */
  async stepExactly(trainer: Trainer, n: number): Promise<boolean> {
    const t0 = performance.now();
    trainer.steps(n);
    const metrics = await trainer.readTrainMetrics();
    this.meter.addElapsed(performance.now() - t0);
    this.meter.addLoss(metrics.trainLoss, n);
    await this.evaluateTest(trainer);
    if (metrics.divergence) {
      this.parts.channel.emit({ type: 'status', state: 'diverged', reason: metrics.divergence.message });
      return false;
    }
    await this.parts.views.publishCodes(trainer);
    await this.parts.apps.measureNow(trainer);
    return true;
  }

  /** What the page shows of a fresh or loaded model: reconstructions, codes and the kinds' views. */
  async publishViews(trainer: Trainer): Promise<void> {
    const { views, vq } = this.parts;
    await views.publishReconstructions(trainer);
    await views.publishCodes(trainer);
    await views.publishDenoising(trainer);
    await views.publishSensitivity(trainer);
    await views.publishEngineMeasures(trainer);
    await views.publishSparsity(trainer);
    await vq.publish(trainer);
  }

  private async run(trainer: Trainer): Promise<void> {
    const { views, apps, channel } = this.parts;
    this.meter.start(performance.now(), trainer.samplesSeen);
    try {
      while (this.running) {
        const t0 = performance.now();
        const n = this.meter.chunk;
        trainer.steps(n);
        const metrics = await trainer.readTrainMetrics();
        const now = performance.now();
        this.meter.chunkDone(n, now - t0, now, trainer.samplesSeen);
        this.meter.addLoss(metrics.trainLoss, n);
        if (metrics.divergence) {
          this.running = false;
          this.postProgress(trainer);
          channel.emit({ type: 'status', state: 'diverged', reason: metrics.divergence.message });
          break;
        }
        if (now - this.lastTestAt >= this.testInterval) await this.evaluateTest(trainer);
        else if (now - this.lastProgressAt >= PROGRESS_INTERVAL_MS) this.postProgress(trainer);
        if (views.codesDue(performance.now())) await views.publishCodes(trainer);
        await apps.workDue(trainer);
        await tick();
      }
    } catch (e) {
      this.running = false;
      // A lost device is reported once, by its own event; the page restarts the worker.
      if (!(await deviceLostWithin(LOSS_GRACE_MS))) {
        this.parts.emitError({ kind: 'internal', message: message('internal.trainingStopped', {}, errorText(e)) });
        channel.emit({ type: 'status', state: 'paused' });
      }
    } finally {
      this.meter.stop(performance.now());
    }
  }

  private postProgress(trainer: Trainer, test?: { testLoss: number; testSquaredError: number }): void {
    const now = performance.now();
    const trainLoss = this.meter.takeLoss();
    if (trainer.step === 0) return; // no training loss exists before the first step
    this.lastProgressAt = now;
    this.parts.channel.emit({
      type: 'progress',
      step: trainer.step,
      epoch: trainer.epoch,
      samplesSeen: trainer.samplesSeen,
      samplesPerSec: this.meter.samplesPerSec(),
      trainLoss,
      elapsedMs: this.meter.elapsedMs(now),
      ...test,
    });
  }

  /** Live test metrics (posted with a progress event), the showcase reconstructions and the kinds' views. */
  private async evaluateTest(trainer: Trainer): Promise<void> {
    const { views, vq } = this.parts;
    const t0 = performance.now();
    const m = await trainer.evaluateTest('live');
    await views.publishReconstructions(trainer);
    await views.publishDenoising(trainer);
    await views.publishSensitivity(trainer);
    await views.publishEngineMeasures(trainer);
    await views.publishSparsity(trainer);
    await vq.publish(trainer);
    const now = performance.now();
    this.lastTestAt = now;
    this.testInterval = Math.max(VIEW_INTERVAL_MS, (now - t0) / TEST_MAX_SHARE);
    this.postProgress(trainer, { testLoss: m.testLoss, testSquaredError: m.testSquaredError });
  }
}
