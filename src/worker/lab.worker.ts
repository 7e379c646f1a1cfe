/**
 * The lab worker: owns tfjs, MNIST and the Trainer, and exposes LabApi (api.ts) via comlink.
 *
 * Training runs in chunks of optimizer steps sized to take ~40 ms, each ending with one
 * asynchronous loss read-back; between chunks the worker yields a task so pause, decode and
 * configure messages are served promptly. Progress goes out at most ~30 times a second; the
 * live test metrics, showcase reconstructions and scatter codes about once a second (less
 * often when they would cost more than a small share of the training time).
 */
import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import { checkConfig, IMAGE_SIZE, type LabConfig } from '../core/config';
import { imagesToFloat, LIVE_TEST_SIZE, showcaseIndices } from '../core/data/dataset';
import { Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';
import type { BackendReport, EncodeResult, ErrorEvent, InitOptions, InitResult, LabApi, LabEvent } from './api';
import { destroyWebGpuDevice, deviceLostWithin, errorText, watchDeviceLoss } from './backends';
import { codesEvent, codesToPoints, pointsToCodes, type CodeMap } from './codeMap';
import { loadData, startBackend } from './labStart';
import { lossOf } from './pcaBaseline';
import { PcaFitter } from './pcaFitter';
import { RunMeter } from './runMeter';

const PROGRESS_INTERVAL_MS = 1000 / 30;
/** Test metrics and codes are refreshed at most this often... */
const VIEW_INTERVAL_MS = 1000;
/**
 * ...and at most about this share of the wall time goes to each: the live test metrics (the
 * curve the lessons read) get a little more than the scatter's codes.
 */
const TEST_MAX_SHARE = 0.08;
const CODES_MAX_SHARE = 0.06;
type Listener = (e: LabEvent) => unknown;

/** A macrotask tick without setTimeout's 4 ms clamp: lets queued messages run. */
const tick = (() => {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
})();

/** The array itself if it owns its whole buffer (so the buffer can be transferred), else a copy. */
function own(a: Float32Array): Float32Array {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : a.slice();
}


/**
 * How long a failed GPU call waits to see whether the device was lost (then that is the
 * error): the device's `lost` promise can settle seconds after the first failed call.
 */
const LOSS_GRACE_MS = 3000;

/** A call failed because the GPU device is gone; the page restarts the worker and says so once. */
class DeviceLostError extends Error {
  constructor() {
    super('The GPU device was lost; the lab is restarting on another backend.');
    this.name = 'DeviceLostError';
  }
}

/** Rethrows `e`, or a DeviceLostError if the device was lost around it. */
async function explain(e: unknown): Promise<never> {
  if (await deviceLostWithin(LOSS_GRACE_MS)) throw new DeviceLostError();
  throw e;
}

class Lab implements LabApi {
  private listener?: Listener;
  private data?: MnistData;
  private report?: BackendReport;
  private trainer?: Trainer;
  private pca?: PcaFitter;
  private codeMap?: CodeMap;
  /** [n, 784] in [0, 1]: the first n test digits, drawn on the scatter. */
  private scatter: { images: Float32Array; n: number } = { images: new Float32Array(0), n: 0 };
  /** [10, 784] in [0, 1]: one test digit per class, whose reconstructions stream. */
  private showcase: { images: Float32Array; n: number } = { images: new Float32Array(0), n: 0 };

  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  /** Serialises the calls that replace or move the model (init, configure, step, reset, train, pause). */
  private lock: Promise<unknown> = Promise.resolve();
  private readonly meter = new RunMeter();
  private lastProgressAt = -Infinity;
  private lastTestAt = -Infinity;
  private testInterval = VIEW_INTERVAL_MS;
  private lastCodesAt = -Infinity;
  private codesInterval = VIEW_INTERVAL_MS;

  constructor() {
    self.addEventListener('unhandledrejection', (e) => {
      e.preventDefault();
      this.emitError({ kind: 'internal', message: `Unexpected error in the lab worker: ${errorText(e.reason)}` });
    });
  }

  subscribe(listener: Listener): void {
    this.listener = listener;
  }

  private emit(e: LabEvent, transfer: Transferable[] = []): void {
    if (!this.listener) return;
    // The page may be gone or busy: never let its failure stop training.
    Promise.resolve(this.listener(transfer.length ? Comlink.transfer(e, transfer) : e)).catch(() => undefined);
  }

  private emitError(e: Omit<ErrorEvent, 'type'>): void {
    this.emit({ type: 'error', ...e });
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  init(options: InitOptions): Promise<InitResult> {
    return this.exclusive(async () => {
      const report = (e: Omit<ErrorEvent, 'type'>) => this.emitError(e);
      const data = await loadData(options.dataUrl, report);
      this.data = data;
      this.report = await startBackend(data, options, report);
      watchDeviceLoss((message) => {
        this.running = false;
        this.emitError({
          kind: 'backend',
          message: `The GPU device was lost (${message}).`,
          hint: 'The lab restarts on another backend with the same settings.',
          lostBackend: 'webgpu',
        });
      });

      const n = Math.min(options.scatterSize, data.testCount);
      this.scatter = { images: imagesToFloat(data.testImages.subarray(0, n * IMAGE_SIZE), null), n };
      const showcase = showcaseIndices(data.testLabels);
      this.showcase = { images: imagesToFloat(data.testImages, showcase), n: showcase.length };
      const live = Math.min(LIVE_TEST_SIZE, data.testCount);
      this.pca = new PcaFitter(data.trainImages, data.testImages.subarray(0, live * IMAGE_SIZE), (message) =>
        this.emitError({ kind: 'internal', message }),
      );
      const images = data.testImages.slice(0, n * IMAGE_SIZE);
      const labels = data.testLabels.slice(0, n);
      this.emit({ type: 'testSample', images, labels, n, showcase }, [images.buffer, labels.buffer]);
      this.emit({ type: 'backend', report: this.report });
      return { backend: this.report, trainCount: data.trainCount, testCount: data.testCount };
    });
  }

  configure(config: LabConfig): Promise<void> {
    return this.exclusive(async () => {
      const checked = checkConfig(config);
      if (!checked.ok) {
        const message = `This configuration was refused: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
        this.emitError({ kind: 'config', message });
        throw new Error(message);
      }
      const data = this.requireData();
      await this.stopLoop();
      this.trainer?.dispose();
      this.trainer = undefined;
      this.codeMap = undefined;
      try {
        this.trainer = new Trainer(data, checked.config);
      } catch (e) {
        this.emitError({ kind: 'internal', message: `The model could not be built: ${errorText(e)}` });
        throw e;
      }
      this.restartClock();
      this.emit({ type: 'status', state: 'idle' });
      this.requestPcaBaseline(this.trainer);
      await this.publishViews(this.trainer);
    });
  }

  train(): Promise<void> {
    return this.exclusive(async () => {
      const trainer = this.requireTrainer();
      if (this.running) return;
      this.running = true;
      this.emit({ type: 'status', state: 'running' });
      this.loopDone = this.loop(trainer);
    });
  }

  pause(): Promise<void> {
    return this.exclusive(async () => {
      const wasRunning = this.running;
      await this.stopLoop();
      if (wasRunning) this.emit({ type: 'status', state: 'paused' });
    });
  }

  step(steps = 1): Promise<void> {
    return this.exclusive(async () => {
      const trainer = this.requireTrainer();
      await this.stopLoop();
      const n = Math.max(1, Math.floor(steps));
      const t0 = performance.now();
      trainer.steps(n);
      const metrics = await trainer.readTrainMetrics();
      this.meter.addElapsed(performance.now() - t0);
      this.meter.addLoss(metrics.trainLoss, n);
      await this.evaluateTest(trainer);
      if (metrics.divergence) {
        this.emit({ type: 'status', state: 'diverged', message: metrics.divergence.message });
        return;
      }
      await this.publishCodes(trainer);
      this.emit({ type: 'status', state: 'paused' });
    });
  }

  reset(): Promise<void> {
    return this.exclusive(async () => {
      const trainer = this.requireTrainer();
      await this.stopLoop();
      trainer.reset();
      this.restartClock();
      this.emit({ type: 'status', state: 'idle' });
      this.requestPcaBaseline(trainer);
      await this.publishViews(trainer);
    });
  }

  /**
   * Runs a read-only model call (decode, encode) after the configure/reset/step in progress,
   * so it meets a complete model and code map; does not wait for a running training loop.
   */
  private async readModel<T>(fn: (trainer: Trainer) => Promise<T>): Promise<T> {
    await this.lock;
    try {
      return await fn(this.requireTrainer());
    } catch (e) {
      return explain(e);
    }
  }

  decodeCodes(codes: Float32Array, n: number): Promise<Float32Array> {
    return this.readModel(async (trainer) => {
      const pixels = own(await trainer.decode(codes, n));
      return Comlink.transfer(pixels, [pixels.buffer]);
    });
  }

  decodeMapPoints(points: Float32Array, n: number): Promise<Float32Array> {
    return this.readModel(async (trainer) => {
      const pixels = own(await trainer.decode(pointsToCodes(this.currentMap(trainer), points, n), n));
      return Comlink.transfer(pixels, [pixels.buffer]);
    });
  }

  mapPointsToCodes(points: Float32Array, n: number): Promise<Float32Array> {
    return this.readModel(async (trainer) => {
      const codes = pointsToCodes(this.currentMap(trainer), points, n);
      return Comlink.transfer(codes, [codes.buffer]);
    });
  }

  encode(images: Float32Array, n: number): Promise<EncodeResult> {
    return this.readModel(async (trainer) => {
      const codes = own(await trainer.encode(images, n));
      const points = codesToPoints(this.currentMap(trainer), codes, n);
      const reconstructions = own(await trainer.decode(codes, n));
      return Comlink.transfer({ codes, points, reconstructions }, [codes.buffer, points.buffer, reconstructions.buffer]);
    });
  }

  async backendReport(): Promise<BackendReport> {
    if (!this.report) throw new Error('The lab worker has not been initialised yet.');
    return this.report;
  }

  async memory(): Promise<{ numTensors: number; numBytes: number }> {
    const m = tf.memory();
    return { numTensors: m.numTensors, numBytes: m.numBytes };
  }

  async simulateFailure(kind: 'crash' | 'deviceLost'): Promise<void> {
    if (kind === 'crash') {
      setTimeout(() => {
        throw new Error('Simulated worker crash (test).');
      });
      return;
    }
    if (!destroyWebGpuDevice()) throw new Error('deviceLost can only be simulated on the webgpu backend.');
  }

  // ---- the training loop ----

  private async loop(trainer: Trainer): Promise<void> {
    this.meter.start(performance.now(), trainer.samplesSeen);
    try {
      while (this.running && this.trainer === trainer) {
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
          this.emit({ type: 'status', state: 'diverged', message: metrics.divergence.message });
          break;
        }
        if (now - this.lastTestAt >= this.testInterval) await this.evaluateTest(trainer);
        else if (now - this.lastProgressAt >= PROGRESS_INTERVAL_MS) this.postProgress(trainer);
        if (performance.now() - this.lastCodesAt >= this.codesInterval) await this.publishCodes(trainer);
        await tick();
      }
    } catch (e) {
      if (this.trainer === trainer) {
        this.running = false;
        // A lost device is reported once, by its own event; the page restarts the worker.
        if (!(await deviceLostWithin(LOSS_GRACE_MS))) {
          this.emitError({ kind: 'internal', message: `Training stopped: ${errorText(e)}` });
          this.emit({ type: 'status', state: 'paused' });
        }
      }
    } finally {
      this.meter.stop(performance.now());
    }
  }

  private async stopLoop(): Promise<void> {
    this.running = false;
    await this.loopDone;
  }

  private restartClock(): void {
    this.meter.reset();
    this.lastProgressAt = this.lastTestAt = this.lastCodesAt = -Infinity;
  }

  private postProgress(trainer: Trainer, test?: { testLoss: number; testSquaredError: number }): void {
    const now = performance.now();
    const trainLoss = this.meter.takeLoss();
    if (trainer.step === 0) return; // no training loss exists before the first step
    this.lastProgressAt = now;
    this.emit({
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

  /** Live test metrics (posted with a progress event) and the showcase reconstructions. */
  private async evaluateTest(trainer: Trainer): Promise<void> {
    const t0 = performance.now();
    const m = await trainer.evaluateTest('live');
    await this.publishReconstructions(trainer);
    const now = performance.now();
    this.lastTestAt = now;
    this.testInterval = Math.max(VIEW_INTERVAL_MS, (now - t0) / TEST_MAX_SHARE);
    this.postProgress(trainer, { testLoss: m.testLoss, testSquaredError: m.testSquaredError });
  }

  private async publishReconstructions(trainer: Trainer): Promise<void> {
    const pixels = own(await trainer.reconstruct(this.showcase.images, this.showcase.n));
    this.emit({ type: 'reconstructions', pixels, n: this.showcase.n }, [pixels.buffer]);
  }

  private async publishCodes(trainer: Trainer): Promise<void> {
    const t0 = performance.now();
    const { n } = this.scatter;
    const codes = await trainer.encode(this.scatter.images, n);
    const { event, map } = codesEvent(codes, n, trainer.config.model.codeSize, this.codeMap);
    this.codeMap = map;
    event.points = own(event.points);
    this.emit(event, [event.points.buffer, event.codeMin.buffer, event.codeMax.buffer]);
    const now = performance.now();
    this.lastCodesAt = now;
    this.codesInterval = Math.max(VIEW_INTERVAL_MS, (now - t0) / CODES_MAX_SHARE);
  }

  /** What the page shows of a fresh model (step 0): reconstructions, codes and the test metrics. */
  private async publishViews(trainer: Trainer): Promise<void> {
    await this.publishReconstructions(trainer);
    await this.publishCodes(trainer);
  }

  private requestPcaBaseline(trainer: Trainer): void {
    const { model, train } = trainer.config;
    this.pca?.request(
      { trainIndices: trainer.trainIndices, trainSize: train.trainSize, seed: train.seed, codeSize: model.codeSize },
      (scores) => {
        if (this.trainer !== trainer) return;
        this.emit({
          type: 'pcaBaseline',
          codeSize: scores.codeSize,
          testSquaredError: scores.testSquaredError,
          testLoss: lossOf(scores, model.loss),
        });
      },
    );
  }

  private currentMap(trainer: Trainer): CodeMap {
    const codeSize = trainer.config.model.codeSize;
    if (this.codeMap && this.codeMap.codeSize === codeSize) return this.codeMap;
    if (codeSize <= 2) return { codeSize, projected: false };
    throw new Error('The code map is not ready yet.');
  }

  private requireData(): MnistData {
    if (!this.data) throw new Error('The lab worker has not been initialised yet (init() first).');
    return this.data;
  }

  private requireTrainer(): Trainer {
    if (!this.trainer) throw new Error('No model yet: configure() first.');
    return this.trainer;
  }
}

Comlink.expose(new Lab());
