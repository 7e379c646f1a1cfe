/**
 * The lab worker: owns tfjs, MNIST and the Trainer, and exposes LabApi (api.ts) via comlink.
 *
 * This file holds the calls that replace or move the model (init, configure, train, pause,
 * step, reset, import), serialised by one lock, and starts each run the page asks for
 * (apiRun.ts: the announcement, then every event stamped with the run's id, runChannel.ts).
 * The training loop lives in labLoop.ts; the calls that only read the model in labReads.ts;
 * what the page sees of the model in labViews.ts; each lesson's own parts beside them
 * (labVq, labApplications, vaeViews, pretrainRun, textRetrievalLab).
 */
import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import type { LabConfig } from '../core/config';
import { message } from '../core/messages';
import { EvaluationStopped, Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';
import { SnapshotError, type ModelSnapshot } from '../core/train/snapshot';
import type { BackendReport, ErrorEvent, ImportResult, InitOptions, InitResult, LabApi, RunRequest } from './api';
import { destroyWebGpuDevice, errorText, explain, watchDeviceLoss } from './backends';
import { loadData, pcaFitterFor, startBackend } from './labStart';
import { LabViews } from './labViews';
import { lossOf } from './pcaBaseline';
import type { PcaFitter } from './pcaFitter';
import { LabApplications } from './labApplications';
import { KindBackends } from './kindBackend';
import type { PretrainConfig } from './apiPretraining';
import { PretrainRun } from './pretrainRun';
import type { TextLoadResult } from './apiText';
import { LabText } from './textRetrievalLab';
import { LabVq } from './labVq';
import { TrainingLoop } from './labLoop';
import { LabReads } from './labReads';
import { RunChannel, type Listener } from './runChannel';

const NOT_READY = 'The lab worker has not been initialised yet (init() first).';

/**
 * A call's failure the page has already heard as an error event: the call rejects with it, and
 * the page's bridge (state/labConnection.ts `expected`) does not report it a second time.
 */
class ReportedError extends Error {
  constructor(cause: unknown) {
    super(errorText(cause));
    this.name = 'ReportedError';
  }
}

/** What init() builds once MNIST is loaded and the backend chosen. */
interface Parts {
  data: MnistData;
  report: BackendReport;
  views: LabViews;
  pca: PcaFitter;
  apps: LabApplications;
  vq: LabVq;
  loop: TrainingLoop;
  kindBackends: KindBackends;
  /** The pretraining lesson's run: its own model and loop, independent of the Trainer and the lock. */
  pretrain: PretrainRun;
}

class Lab implements LabApi {
  private readonly channel = new RunChannel();
  private parts?: Parts;
  private trainer?: Trainer;
  private dataUrl?: string;
  /** The text-retrieval lesson's autoencoders, built when its panel first asks (textLoad). */
  private readonly text = new LabText(
    (e, transfer) => this.channel.post(e, transfer),
    (detail) => this.emitError({ kind: 'internal', message: message('internal.textStopped', {}, detail) }),
  );
  private readonly reads = new LabReads({
    readModel: (fn) => this.readModel(fn),
    data: () => this.require().data,
    codeMap: (trainer) => this.require().views.currentMap(trainer.config.model.codeSize),
    apps: () => this.require().apps,
    vq: () => this.require().vq,
    isCurrent: (trainer) => this.trainer === trainer,
  });
  /** The full test of the paused model running outside the lock (fullTestInBackground). */
  private fullTestDone: Promise<void> = Promise.resolve();
  /** Serialises the calls that replace or move the model (init, configure, step, reset, train, pause, import). */
  private lock: Promise<unknown> = Promise.resolve();

  constructor() {
    self.addEventListener('unhandledrejection', (e) => {
      e.preventDefault();
      this.emitError({ kind: 'internal', message: message('internal.unexpected', {}, errorText(e.reason)) });
    });
  }

  subscribe(listener: Listener): void {
    this.channel.subscribe(listener);
  }

  private emitError(e: Omit<ErrorEvent, 'type'>): void {
    this.channel.post({ type: 'error', ...e });
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
      const backend = await startBackend(data, options, report);
      watchDeviceLoss((reason) => {
        void this.parts?.loop.stop();
        this.emitError({ kind: 'backend', message: message('backend.deviceLost', {}, reason), lostBackend: 'webgpu' });
      });
      const channel = this.channel;
      const views = new LabViews(data, options.scatterSize, channel);
      const apps = new LabApplications(data, channel, (detail) => this.emitError({ kind: 'internal', message: message('internal.searchFailed', {}, detail) }));
      const vq = new LabVq(data, channel.emit);
      this.parts = {
        data,
        report: backend,
        views,
        apps,
        vq,
        pca: pcaFitterFor(data, views.scatter, (detail) => this.emitError({ kind: 'internal', message: message('internal.pcaFailed', {}, detail) })),
        loop: new TrainingLoop({ channel, views, vq, apps, emitError: (e) => this.emitError(e) }),
        kindBackends: new KindBackends(backend),
        pretrain: new PretrainRun(data, (e) => channel.post(e)),
      };
      const sample = views.testSample();
      channel.post(sample, [sample.images.buffer, sample.labels.buffer]);
      channel.post({ type: 'backend', report: backend });
      return { backend, trainCount: data.trainCount, testCount: data.testCount };
    });
  }

  configure(config: LabConfig, run: RunRequest): Promise<void> {
    return this.exclusive(async () => {
      if (this.channel.stale(run)) return;
      // Trusted: the page validated it where it entered (link, editor, file, saved model).
      const parts = this.require();
      await parts.loop.stop();
      this.trainer?.dispose();
      this.trainer = undefined;
      await this.activateBackendFor(config);
      let trainer: Trainer;
      try {
        trainer = new Trainer(parts.data, config);
        if (config.model.kind === 'conditional') trainer.setDecodeLabel(this.reads.decodeLabel);
      } catch (e) {
        this.emitError({ kind: 'internal', message: message('internal.buildFailed', {}, errorText(e)) });
        throw new ReportedError(e);
      }
      this.trainer = trainer;
      await this.startFreshRun(run, trainer);
    });
  }

  train(): Promise<void> {
    return this.exclusive(async () => this.require().loop.start(this.requireTrainer()));
  }

  pause(): Promise<void> {
    return this.exclusive(async () => {
      const { loop, vq } = this.require();
      const wasRunning = loop.isRunning;
      await loop.stop();
      if (!wasRunning) return;
      this.channel.emit({ type: 'status', state: 'paused' });
      // The VQ-VAE's codes of the exact paused model (its panel decodes the reader's edits with it).
      if (this.trainer) await vq.publish(this.trainer);
      // The map is left as it was (a refresh here moved it under a grid click in core-lab, and
      // publishing it before 'paused' left the step shown behind the model's): it can lag the
      // paused model by one refresh; step() publishes codes and measurements of the exact model.
      if (this.trainer) this.fullTestInBackground(this.trainer);
    });
  }

  /**
   * The full 10,000-digit test metrics of a paused model, outside the lock: decodes and clicks
   * need not wait for it (on a software GPU it takes tens of seconds). It gives way (publishes
   * nothing) once training resumes or the model changes; its event carries the run it measured.
   */
  private fullTestInBackground(trainer: Trainer): void {
    const { loop, views } = this.require();
    const step = trainer.step;
    const stopIf = () => loop.isRunning || this.trainer !== trainer || trainer.step !== step;
    this.fullTestDone = views.publishFullTest(trainer, stopIf).catch((e) => {
      if (!(e instanceof EvaluationStopped) && !stopIf()) this.emitError({ kind: 'internal', message: message('internal.fullTestFailed', {}, errorText(e)) });
    });
  }

  step(steps = 1): Promise<void> {
    return this.exclusive(async () => {
      const trainer = this.requireTrainer();
      const { loop } = this.require();
      await loop.stop();
      if (!(await loop.stepExactly(trainer, Math.max(1, Math.floor(steps))))) return;
      this.channel.emit({ type: 'status', state: 'paused' });
      this.fullTestInBackground(trainer);
    });
  }

  reset(run: RunRequest): Promise<void> {
    return this.exclusive(async () => {
      if (this.channel.stale(run)) return;
      const trainer = this.requireTrainer();
      await this.require().loop.stop();
      trainer.reset();
      await this.startFreshRun(run, trainer);
    });
  }

  importModel(snapshot: ModelSnapshot, run: RunRequest): Promise<ImportResult> {
    return this.exclusive(async () => {
      if (this.channel.stale(run)) return { ok: false, problems: [], superseded: true };
      const trainer = this.requireTrainer();
      const { loop, apps } = this.require();
      await loop.stop();
      let result: ImportResult;
      try {
        const { warnings } = await trainer.importState(snapshot);
        result = { ok: true, warnings, step: trainer.step, epoch: trainer.epoch, samplesSeen: trainer.samplesSeen };
      } catch (e) {
        if (!(e instanceof SnapshotError)) throw e;
        // Refused: the model stays, under the requested run (the page already shows that id).
        result = { ok: false, problems: e.problems };
      }
      this.beginRun(run, trainer);
      this.channel.emit({ type: 'status', state: 'paused' });
      await loop.publishViews(trainer);
      await apps.restart(trainer);
      return result;
    });
  }

  /** Starts run `run` on a fresh model (configure, reset): step 0, the PCA baseline, every view. */
  private async startFreshRun(run: RunRequest, trainer: Trainer): Promise<void> {
    const { loop, apps } = this.require();
    this.beginRun(run, trainer);
    this.channel.emit({ type: 'status', state: 'idle' });
    this.requestPcaBaseline(trainer);
    await loop.publishViews(trainer);
    await apps.restart(trainer);
  }

  /** Announces run `run` of `trainer`'s model; every later event carries its id. */
  private beginRun(run: RunRequest, trainer: Trainer): void {
    this.require().loop.restartClock();
    this.channel.begin(run, { config: trainer.config, step: trainer.step, epoch: trainer.epoch, samplesSeen: trainer.samplesSeen });
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

  async backendReport(): Promise<BackendReport> {
    return this.require().report;
  }

  async memory(): Promise<{ numTensors: number; numBytes: number }> {
    // Counted once a background full test and the page's reads are over (their tensors would count otherwise).
    await this.fullTestDone;
    await this.reads.idle();
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
    return this.exclusive(async () => {
      const { apps, loop } = this.require();
      await apps.watchSearch(on, this.trainer, !loop.isRunning);
    });
  }

  watchAnomaly(on: boolean): Promise<void> {
    return this.exclusive(async () => {
      const { apps, loop } = this.require();
      await apps.watchAnomaly(on, this.trainer, !loop.isRunning);
    });
  }

  // ---- reads of the model (labReads.ts) ----
  decodeCodes: LabApi['decodeCodes'] = (codes, n) => this.reads.decodeCodes(codes, n);
  decodeMapPoints: LabApi['decodeMapPoints'] = (points, n) => this.reads.decodeMapPoints(points, n);
  mapPointsToCodes: LabApi['mapPointsToCodes'] = (points, n) => this.reads.mapPointsToCodes(points, n);
  encode: LabApi['encode'] = (images, n) => this.reads.encode(images, n);
  exportModel: LabApi['exportModel'] = () => this.reads.exportModel();
  searchNeighbours: LabApi['searchNeighbours'] = (query, k) => this.reads.searchNeighbours(query, k);
  embeddingInputs: LabApi['embeddingInputs'] = (n) => this.reads.embeddingInputs(n);
  featureMaps: LabApi['featureMaps'] = (testIndex) => this.reads.featureMaps(testIndex);
  decodeIndices: LabApi['decodeIndices'] = (indices, n) => this.reads.decodeIndices(indices, n);
  decodeWithLabels: LabApi['decodeWithLabels'] = (codes, labels, n) => this.reads.decodeWithLabels(codes, labels, n);
  styleSwap: LabApi['styleSwap'] = (image) => this.reads.styleSwap(image);
  setDecodeLabel: LabApi['setDecodeLabel'] = (digit) => this.reads.setDecodeLabel(digit);
  decodePriorGrid: LabApi['decodePriorGrid'] = (side) => this.reads.decodePriorGrid(side);
  samplePrior: LabApi['samplePrior'] = (count, seed) => this.reads.samplePrior(count, seed);
  traverse: LabApi['traverse'] = (digit, values) => this.reads.traverse(digit, values);
  comparePlain: LabApi['comparePlain'] = (epochs, side) => this.reads.comparePlain(epochs, side);
  inspectUnit: LabApi['inspectUnit'] = (digit, layer, unit) => this.reads.inspectUnit(digit, layer, unit);
  digitLoss: LabApi['digitLoss'] = (digit) => this.reads.digitLoss(digit);
  firstLayerWeights: LabApi['firstLayerWeights'] = (count) => this.reads.firstLayerWeights(count);

  // ---- the pretraining lesson (pretrainRun.ts): its own run and loop, not the lock's ----
  configurePretraining = (config: PretrainConfig) => this.require().pretrain.configure(config);
  startPretraining = () => this.require().pretrain.start();
  pausePretraining = () => this.require().pretrain.pause();
  resetPretraining = () => this.require().pretrain.reset();

  // ---- the text-retrieval lesson (textRetrievalLab.ts): its own runs and loop, not the lock's ----
  async textLoad(): Promise<TextLoadResult> {
    await this.lock; // init first: the backend must be chosen
    if (!this.parts || !this.dataUrl) throw new Error(NOT_READY);
    return this.text.load(this.dataUrl);
  }

  textTrain = (on: boolean) => this.text.train(on);
  textReset = () => this.text.reset();
  textQuery = (query: string, k: number) => this.text.query(query, k);

  /**
   * The backend for this model's kind (kindBackend.ts): the chosen one, or the next checked one
   * when it lacks what the kind needs; the page hears which and why.
   */
  private async activateBackendFor(config: LabConfig): Promise<void> {
    const { kindBackends, report } = this.require();
    const before = tf.getBackend();
    let choice;
    try {
      choice = await kindBackends.activate(config.model);
    } catch (e) {
      this.emitError({ kind: 'backend', message: message('backend.noneForKind', { kind: config.model.kind }, errorText(e)) });
      throw new ReportedError(e);
    }
    if (choice.backend === before) return;
    this.channel.post({ type: 'backend', report: choice.report });
    if (choice.moved) {
      this.emitError({
        kind: 'backend',
        message: message('backend.kindMoved', { kind: config.model.kind, usual: report.chosen }, choice.moved),
        hint: message('hint.kindMoved', { backend: choice.backend, usual: report.chosen }),
      });
    }
  }

  private requestPcaBaseline(trainer: Trainer): void {
    const { model, train } = trainer.config;
    const { pca, views } = this.require();
    // The fit ends in another worker, maybe after the next run began: its events carry this run's id.
    const emit = this.channel.pin();
    pca.request(
      { trainIndices: trainer.trainIndices, trainSize: train.trainSize, seed: train.seed, codeSize: model.codeSize, normalDigits: train.normalDigits },
      (scores) => {
        emit({ type: 'pcaBaseline', codeSize: scores.codeSize, testSquaredError: scores.testSquaredError, testLoss: lossOf(scores, model.loss) });
        if (scores.map) views.publishPcaMap(scores.map, emit);
      },
    );
  }

  private require(): Parts {
    if (!this.parts) throw new Error(NOT_READY);
    return this.parts;
  }

  private requireTrainer(): Trainer {
    if (!this.trainer) throw new Error('No model yet: configure() first.');
    return this.trainer;
  }
}

Comlink.expose(new Lab());
