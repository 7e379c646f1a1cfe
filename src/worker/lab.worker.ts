/**
 * The lab worker: owns tfjs, MNIST and the Trainer, and exposes LabApi (api.ts) via comlink.
 *
 * Training runs in chunks of optimizer steps sized to take ~40 ms, each ending with one
 * asynchronous loss read-back; between chunks the worker yields a task so pause, decode and
 * configure messages are served promptly. Progress goes out at most ~30 times a second; the
 * live test metrics, showcase reconstructions and scatter codes about once a second (less
 * often when they would cost more than a small share of the training time). What is computed
 * for the page's views and measurements lives in labViews.ts; this file runs the model.
 */
import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import { checkConfig, IMAGE_SIZE, type LabConfig } from '../core/config';
import { imagesToFloat } from '../core/data/dataset';
import type { EmbeddingInputs } from './embeddingMaps';
import { EvaluationStopped, Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';
import type { FeatureMap } from '../core/kinds/conv/layout';
import { SnapshotError, type ModelSnapshot } from '../core/train/snapshot';
import type { BackendReport, EncodeResult, ErrorEvent, ImportResult, InitOptions, InitResult, LabApi, LabEvent } from './api';
import type { PlainComparison, PriorSamples, SearchQuery, SearchResult, Traversal } from './api';
import { destroyWebGpuDevice, deviceLostWithin, errorText, explain, LOSS_GRACE_MS, watchDeviceLoss } from './backends';
import { codesToPoints, pointsToCodes } from './codeMap';
import { snapshotBuffers } from '../core/train/snapshotTransfer';
import { loadData, pcaFitterFor, startBackend } from './labStart';
import { LabViews, own, VIEW_INTERVAL_MS } from './labViews';
import { lossOf } from './pcaBaseline';
import type { PcaFitter } from './pcaFitter';
import { RunMeter, tick } from './runMeter';
import { LabApplications } from './labApplications';
import { KindBackends } from './kindBackend';
import type { PretrainConfig } from './apiPretraining';
import { PretrainRun } from './pretrainRun';
import type { TextCorpusInfo } from './apiText';
import { LabText } from './textRetrievalLab';
import { LabVq } from './labVq';
import { comparePlain, decodePriorGrid, decodePriorSamples, traverse } from './vaeViews';

const PROGRESS_INTERVAL_MS = 1000 / 30;
/**
 * At most about this share of the wall time goes to the live test metrics (the curve the
 * lessons read), a little more than the scatter's codes get (labViews.ts).
 */
const TEST_MAX_SHARE = 0.08;
type Listener = (e: LabEvent) => unknown;


class Lab implements LabApi {
  private listener?: Listener;
  private data?: MnistData;
  private report?: BackendReport;
  private trainer?: Trainer;
  private pca?: PcaFitter;
  private views?: LabViews;
  private apps?: LabApplications;
  private kindBackends?: KindBackends;
  /** The pretraining lesson's run: its own model and loop, independent of the Trainer and the lock. */
  private pretrain?: PretrainRun;
  private dataUrl?: string;
  /** The text-retrieval lesson's autoencoders, built when its panel first asks (textLoad). */
  private readonly text = new LabText((e, transfer) => this.emit(e, transfer), (message) => this.emitError({ kind: 'internal', message }));
  private vq?: LabVq;

  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  /** The full test of the paused model running outside the lock (fullTestInBackground). */
  private fullTestDone: Promise<void> = Promise.resolve();
  /** Serialises the calls that replace or move the model (init, configure, step, reset, train, pause). */
  private lock: Promise<unknown> = Promise.resolve();
  private readonly meter = new RunMeter();
  private lastProgressAt = -Infinity;
  private lastTestAt = -Infinity;
  private testInterval = VIEW_INTERVAL_MS;
  /** Conditional autoencoder: the digit the page chose for the grid and sliders (setDecodeLabel). */
  private decodeLabel = 0;

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
      this.dataUrl = options.dataUrl;
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

      const views = new LabViews(data, options.scatterSize, (e, transfer) => this.emit(e, transfer));
      this.views = views;
      this.pca = pcaFitterFor(data, views.scatter, (message) => this.emitError({ kind: 'internal', message }));
      this.apps = new LabApplications(data, (e, transfer) => this.emit(e, transfer), (e) => this.emitError(e));
      this.pretrain = new PretrainRun(data, (e) => this.emit(e));
      this.vq = new LabVq(data, (e, transfer) => this.emit(e, transfer));
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
      await this.activateBackendFor(checked.config);
      try {
        this.trainer = new Trainer(data, checked.config);
        if (checked.config.model.kind === 'conditional') this.trainer.setDecodeLabel(this.decodeLabel);
      } catch (e) {
        this.emitError({ kind: 'internal', message: `The model could not be built: ${errorText(e)}` });
        throw e;
      }
      this.restartClock();
      this.emit({ type: 'status', state: 'idle' });
      this.requestPcaBaseline(this.trainer);
      await this.publishViews(this.trainer);
      await this.apps?.restart(this.trainer);
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
      if (!wasRunning) return;
      this.emit({ type: 'status', state: 'paused' });
      // The VQ-VAE's codes of the exact paused model (its panel decodes the reader's edits with it).
      if (this.trainer) await this.vq?.publish(this.trainer);
      // The map is left as it was (a refresh here moved it under a grid click in core-lab, and
      // publishing it before 'paused' left the step shown behind the model's): it can lag the
      // paused model by one refresh; step() publishes codes and measurements of the exact model.
      if (this.trainer) this.fullTestInBackground(this.trainer);
    });
  }

  /**
   * The full 10,000-digit test metrics of a paused model, outside the lock: decodes and clicks
   * need not wait for it (on a software GPU it takes tens of seconds). It gives way (publishes
   * nothing) once training resumes or the model changes.
   */
  private fullTestInBackground(trainer: Trainer): void {
    const step = trainer.step;
    const stopIf = () => this.running || this.trainer !== trainer || trainer.step !== step;
    this.fullTestDone = this.requireViews()
      .publishFullTest(trainer, stopIf)
      .catch((e) => {
        if (!(e instanceof EvaluationStopped) && !stopIf()) this.emitError({ kind: 'internal', message: `The full test evaluation failed: ${errorText(e)}` });
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
      await this.requireViews().publishCodes(trainer);
      await this.apps?.measureNow(trainer);
      this.emit({ type: 'status', state: 'paused' });
      this.fullTestInBackground(trainer);
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
      await this.apps?.restart(trainer);
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
      // Through the model's own reconstruction (a max-unpooling decoder uses the input's switches).
      const reconstructions = own(await trainer.reconstruct(images, n));
      return Comlink.transfer({ codes, points, reconstructions }, [codes.buffer, points.buffer, reconstructions.buffer]);
    });
  }

  exportModel(): Promise<ModelSnapshot> {
    return this.readModel(async (trainer) => {
      const snapshot = await trainer.exportState();
      return Comlink.transfer(snapshot, snapshotBuffers(snapshot));
    });
  }

  importModel(snapshot: ModelSnapshot): Promise<ImportResult> {
    return this.exclusive(async () => {
      const trainer = this.requireTrainer();
      await this.stopLoop();
      let warnings: string[];
      try {
        ({ warnings } = await trainer.importState(snapshot));
      } catch (e) {
        if (e instanceof SnapshotError) return { ok: false, problems: e.problems };
        throw e;
      }
      this.restartClock();
      this.emit({ type: 'status', state: 'paused' });
      await this.publishViews(trainer);
      await this.apps?.restart(trainer);
      return { ok: true, warnings, step: trainer.step, epoch: trainer.epoch, samplesSeen: trainer.samplesSeen };
    });
  }

  async backendReport(): Promise<BackendReport> {
    if (!this.report) throw new Error('The lab worker has not been initialised yet.');
    return this.report;
  }

  async memory(): Promise<{ numTensors: number; numBytes: number }> {
    // Counted once a background full test is over (its chunk's sums would count otherwise).
    await this.fullTestDone;
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

  watchImageSearch(on: boolean): Promise<void> {
    return this.exclusive(async () => this.apps?.watchSearch(on, this.trainer, !this.running));
  }

  watchAnomaly(on: boolean): Promise<void> {
    return this.exclusive(async () => this.apps?.watchAnomaly(on, this.trainer, !this.running));
  }

  searchNeighbours(query: SearchQuery, k: number): Promise<SearchResult> {
    return this.readModel(async (trainer) => {
      if (!this.apps) throw new Error('The lab worker has not been initialised yet (init() first).');
      return this.apps.neighbours(trainer, query, k);
    });
  }

  embeddingInputs(n: number): Promise<EmbeddingInputs> {
    return this.readModel(async (trainer) => {
      const data = this.requireData();
      if (!Number.isInteger(n) || n < 2 || n > data.testCount) throw new RangeError(`maps need 2 to ${data.testCount} digits, not ${n}`);
      const pixels = imagesToFloat(data.testImages.subarray(0, n * IMAGE_SIZE), null);
      const codes = own(await trainer.encode(pixels, n));
      const inputs = { n, codeSize: trainer.codeSize, codes, pixels, labels: data.testLabels.slice(0, n), step: trainer.step, epoch: trainer.epoch };
      return Comlink.transfer(inputs, [codes.buffer, pixels.buffer, inputs.labels.buffer]);
    });
  }

  featureMaps(testIndex: number): Promise<FeatureMap[]> {
    return this.readModel(async (trainer) => {
      const data = this.requireData();
      if (!Number.isInteger(testIndex) || testIndex < 0 || testIndex >= data.testCount) {
        throw new RangeError(`a test digit index runs from 0 to ${data.testCount - 1}, not ${testIndex}`);
      }
      const image = imagesToFloat(data.testImages.subarray(testIndex * IMAGE_SIZE, (testIndex + 1) * IMAGE_SIZE), null);
      const maps = await trainer.featureMaps(image);
      return Comlink.transfer(maps, maps.map((m) => m.data.buffer));
    });
  }

  configurePretraining(config: PretrainConfig): Promise<void> {
    return this.requirePretrain().configure(config);
  }

  startPretraining(): Promise<void> {
    return this.requirePretrain().start();
  }

  pausePretraining(): Promise<void> {
    return this.requirePretrain().pause();
  }

  resetPretraining(): Promise<void> {
    return this.requirePretrain().reset();
  }

  private requirePretrain(): PretrainRun {
    if (!this.pretrain) throw new Error('The lab worker has not been initialised yet (init() first).');
    return this.pretrain;
  }
  // ---- the text-retrieval lesson (textRetrievalLab.ts): its own runs and loop, not the lock's ----

  async textLoad(): Promise<TextCorpusInfo> {
    await this.lock; // init first: the backend must be chosen
    if (!this.report || !this.dataUrl) throw new Error('The lab worker has not been initialised yet (init() first).');
    return this.text.load(this.dataUrl);
  }

  textTrain = (on: boolean) => this.text.train(on);
  textReset = () => this.text.reset();
  textQuery = (query: string, k: number) => this.text.query(query, k);

  decodeIndices(indices: Int32Array, n: number): Promise<Float32Array> {
    return this.readModel(async (trainer) => {
      if (!this.vq) throw new Error('The lab worker has not been initialised yet (init() first).');
      const pixels = await this.vq.decode(trainer, indices, n);
      return Comlink.transfer(pixels, [pixels.buffer]);
    });
  }

  decodeWithLabels(codes: Float32Array, labels: readonly number[], n: number): Promise<Float32Array> {
    return this.readModel(async (trainer) => {
      const pixels = own(await trainer.decodeWithLabels(codes, labels, n));
      return Comlink.transfer(pixels, [pixels.buffer]);
    });
  }

  decodePriorGrid(side: number): Promise<Float32Array> {
    return this.readModel(async (trainer) => {
      const pixels = own(await decodePriorGrid(trainer, side));
      return Comlink.transfer(pixels, [pixels.buffer]);
    });
  }

  styleSwap(image: Float32Array): Promise<Float32Array> {
    return this.readModel(async (trainer) => {
      const code = await trainer.encode(image, 1);
      const codes = new Float32Array(10 * code.length);
      for (let d = 0; d < 10; d++) codes.set(code, d * code.length);
      const pixels = own(await trainer.decodeWithLabels(codes, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 10));
      return Comlink.transfer(pixels, [pixels.buffer]);
    });
  }

  samplePrior(count: number, seed: number): Promise<PriorSamples> {
    return this.readModel(async (trainer) => {
      const s = await decodePriorSamples(trainer, count, seed);
      const r = { ...s, codes: own(s.codes), images: own(s.images) };
      return Comlink.transfer(r, [r.codes.buffer, r.images.buffer]);
    });
  }

  traverse(digit: number, values: number[]): Promise<Traversal> {
    return this.readModel(async (trainer) => {
      const t = await traverse(trainer, this.requireData(), digit, values);
      const r = { ...t, images: own(t.images) };
      return Comlink.transfer(r, [r.images.buffer, r.code.buffer]);
    });
  }

  comparePlain(epochs: number, side: number): Promise<PlainComparison | undefined> {
    return this.readModel(async (trainer) => {
      const r = await comparePlain(this.requireData(), trainer.config, epochs, side, () => this.trainer !== trainer);
      if (!r) return undefined;
      const out = { ...r, boxGrid: own(r.boxGrid), quantileGrid: own(r.quantileGrid) };
      return Comlink.transfer(out, [out.boxGrid.buffer, out.quantileGrid.buffer]);
    });
  }

  setDecodeLabel(digit: number): Promise<void> {
    return this.readModel(async (trainer) => {
      trainer.setDecodeLabel(digit);
      this.decodeLabel = digit;
    });
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
        if (this.requireViews().codesDue(performance.now())) await this.requireViews().publishCodes(trainer);
        await this.apps?.workDue(trainer);
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
    this.lastProgressAt = this.lastTestAt = -Infinity;
    this.views?.restart();
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
    await this.requireViews().publishReconstructions(trainer);
    await this.requireViews().publishDenoising(trainer);
    await this.requireViews().publishSensitivity(trainer);
    await this.requireViews().publishEngineMeasures(trainer);
    await this.requireViews().publishSparsity(trainer);
    await this.vq?.publish(trainer);
    const now = performance.now();
    this.lastTestAt = now;
    this.testInterval = Math.max(VIEW_INTERVAL_MS, (now - t0) / TEST_MAX_SHARE);
    this.postProgress(trainer, { testLoss: m.testLoss, testSquaredError: m.testSquaredError });
  }

  /** What the page shows of a fresh model (step 0): reconstructions, codes and the test metrics. */
  private async publishViews(trainer: Trainer): Promise<void> {
    await this.requireViews().publishReconstructions(trainer);
    await this.requireViews().publishCodes(trainer);
    await this.requireViews().publishDenoising(trainer);
    await this.requireViews().publishSensitivity(trainer);
    await this.requireViews().publishEngineMeasures(trainer);
    await this.requireViews().publishSparsity(trainer);
    await this.vq?.publish(trainer);
  }

  /**
   * The backend for this model's kind (kindBackend.ts): the chosen one, or the next checked one
   * when it lacks what the kind needs; the page hears which and why.
   */
  private async activateBackendFor(config: LabConfig): Promise<void> {
    if (!this.report) return;
    this.kindBackends ??= new KindBackends(this.report);
    const before = tf.getBackend();
    const choice = await this.kindBackends.activate(config.model);
    if (choice.backend === before) return;
    this.emit({ type: 'backend', report: choice.report });
    if (choice.moved) {
      this.emitError({ kind: 'backend', message: choice.moved, hint: `The lab trains this model on ${choice.backend} instead; other models go back to ${this.report.chosen}.` });
    }
  }

  private requestPcaBaseline(trainer: Trainer): void {
    const { model, train } = trainer.config;
    this.pca?.request(
      { trainIndices: trainer.trainIndices, trainSize: train.trainSize, seed: train.seed, codeSize: model.codeSize, normalDigits: train.normalDigits },
      (scores) => {
        if (this.trainer !== trainer) return;
        this.emit({
          type: 'pcaBaseline',
          codeSize: scores.codeSize,
          testSquaredError: scores.testSquaredError,
          testLoss: lossOf(scores, model.loss),
        });
        if (scores.map) this.views?.publishPcaMap(scores.map);
      },
    );
  }

  private currentMap(trainer: Trainer) {
    return this.requireViews().currentMap(trainer.config.model.codeSize);
  }

  private requireViews(): LabViews {
    if (!this.views) throw new Error('The lab worker has not been initialised yet (init() first).');
    return this.views;
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
