/**
 * The training loop of the lab, its state and its bookkeeping: an autoencoder of any kind (an
 * Engine, core/kinds/engines.ts) trained on a seeded subset of MNIST with a custom loop (no
 * tf.layers), so each step is one tf.tidy and the loss stays on the device until read. The
 * live settings change between steps (applySettings); snapshots take and restore the run.
 * The reads of a trained model (test metrics, codes, decodes, the kinds' own figures) are the
 * Trainer's (trainer.ts), built on this.
 *
 * Owned tensors: the run's digits (residentData.ts), the engine's variables, the optimizer's
 * slots and one scalar that accumulates the batch losses.
 */
import * as tf from '@tensorflow/tfjs';
import type { LabConfig } from '../config';
import { createEngine, engineWeightLayout } from '../kinds/engines';
import { settingsDiff } from '../settings/diff';
import { BatchOrder } from './batchOrder';
import { detectDivergence } from './divergence';
import type { Engine } from './engine';
import { asConditional } from '../kinds/conditional/engine';
import { createOptimizer, disposeOptimizer, loadOptimizerSlots, optimizerSlots, setOptimizerSettings } from './optimizers';
import { ResidentData } from './residentData';
import { analyseSnapshot, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, SnapshotError, type ModelSnapshot } from './snapshot';
import type { Divergence, MnistData, TrainMetrics } from './types';

/**
 * What applySettings did: the live settings it changed (from the next step on), or, when a
 * setting that shapes the model differs, the paths that need a new model (nothing changed).
 */
export type SettingsChange = { applied: true; changed: string[] } | { applied: false; rebuild: string[] };

export class TrainerCore {
  /** The run's config; its live settings change with applySettings. */
  private current: LabConfig;
  /** The run's digits on the device. */
  protected readonly resident: ResidentData;
  protected engine: Engine;
  private optimizer: tf.Optimizer;
  /** Sum of the batch losses since the last read, kept on the device. Scalar. */
  private lossSum: tf.Scalar;
  private stepsSinceRead = 0;
  private stepCount = 0;
  /** Training images seen; counted apart from steps because the batch size may change (applySettings, an import). */
  private samples = 0;
  private batches: BatchOrder;
  private bestLoss = Infinity;
  private lastTrainLoss = Number.NaN;
  /** Bumped by reset() and dispose(), so an async read can tell the model changed under it. */
  protected generation = 0;
  private disposed = false;
  /** Conditional autoencoder: the digit decode() draws (setDecodeLabel), kept across resets. */
  protected decodeLabel = 0;

  /**
   * @param config a config that passed checkConfig where it entered (the worker, a link, a
   *   file): the Trainer trusts it and does not check it again
   */
  constructor(data: MnistData, config: LabConfig) {
    this.current = structuredClone(config);
    this.resident = new ResidentData(data, this.current);
    this.engine = this.freshModel();
    this.optimizer = createOptimizer(this.config.train);
    this.lossSum = tf.scalar(0);
    this.batches = new BatchOrder(this.resident.trainCount, this.config.train.batchSize, this.config.train.seed);
  }

  /** Indices into the 60,000 training digits of this run's training subset, ascending. */
  get trainIndices(): Int32Array {
    return this.resident.trainIndices;
  }

  /**
   * Training loss per pixel of drawing the subset's mean image: where an untrained model
   * starts (its output bias is the mean image) and the yardstick for an exploding loss.
   */
  get meanImageLoss(): number {
    return this.resident.meanImageLoss;
  }

  /** The run's config now (a copy is kept: changing the one passed in changes nothing). */
  get config(): LabConfig {
    return this.current;
  }

  get step(): number {
    return this.stepCount;
  }

  get samplesSeen(): number {
    return this.samples;
  }

  /** Passes over the training subset, fractional. */
  get epoch(): number {
    return this.samplesSeen / this.resident.trainCount;
  }

  /** Numbers per code (the bottleneck width). */
  get codeSize(): number {
    return this.config.model.codeSize;
  }

  /**
   * Runs n optimizer steps synchronously. Each step gathers a batch [batchSize, 784] and its
   * labels [batchSize] from the resident training subset, lets the engine minimise its kind's
   * objective (engine.ts trainStep: reconstruction plus the kind's terms) and adds the batch's
   * per-pixel reconstruction loss to the on-device sum. Nothing is read back here.
   */
  steps(n: number): void {
    this.assertAlive();
    const engine = this.engine;
    const { model, train } = this.config;
    const { batchSize, seed } = train;
    for (let i = 0; i < n; i++) {
      const batch = this.nextBatch();
      const nextSum = tf.tidy(() => {
        const rows = tf.tensor1d(batch, 'int32');
        const x = tf.gather(this.resident.trainImages, rows);
        const labels = tf.gather(this.resident.trainLabels, rows);
        const reconstruction = engine.trainStep(x, { model, step: this.stepCount, seed, optimizer: this.optimizer, labels });
        return tf.add(this.lossSum, reconstruction) as tf.Scalar;
      });
      this.lossSum.dispose();
      this.lossSum = nextSum;
      this.stepCount++;
      this.samples += batchSize;
      this.stepsSinceRead++;
    }
  }

  /**
   * The mean training loss per pixel since the previous read (one await of a scalar), and
   * whether training diverged (see detectDivergence: NaN or infinite, or exploding far above
   * the best read so far).
   */
  async readTrainMetrics(): Promise<TrainMetrics & { divergence?: Divergence }> {
    this.assertAlive();
    const sum = this.lossSum;
    const n = this.stepsSinceRead;
    const step = this.stepCount;
    const samplesSeen = this.samples;
    const generation = this.generation;
    // Swap in a fresh accumulator first, so steps taken during the await are not lost.
    this.lossSum = tf.scalar(0);
    this.stepsSinceRead = 0;
    const total = (await sum.data())[0];
    sum.dispose();
    const metrics = {
      step,
      epoch: samplesSeen / this.resident.trainCount,
      samplesSeen,
      trainLoss: n > 0 ? total / n : this.lastTrainLoss,
    };
    if (n === 0 || generation !== this.generation) return metrics;
    this.lastTrainLoss = metrics.trainLoss;
    const { learningRate } = this.config.train;
    const divergence = detectDivergence(metrics.trainLoss, step, this.bestLoss, learningRate, this.meanImageLoss);
    if (Number.isFinite(metrics.trainLoss)) this.bestLoss = Math.min(this.bestLoss, metrics.trainLoss);
    return divergence ? { ...metrics, divergence } : metrics;
  }

  /**
   * Takes `next` without rebuilding the model when only live settings differ (the settings
   * table's `live` rows: learning rate, momentum, batch size, the penalty weights, the noise
   * level): they apply from the next step on, and the weights, the optimizer's slots, the step
   * count and the batch order (by the samples seen) carry on. When a setting that shapes the
   * model differs, nothing changes and the answer names it: build a new Trainer.
   * @param next a config that passed checkConfig
   */
  applySettings(next: LabConfig): SettingsChange {
    this.assertAlive();
    const diff = settingsDiff(this.config, next);
    if (diff.rebuild.length > 0) return { applied: false, rebuild: diff.rebuild };
    if (diff.live.length === 0) return { applied: true, changed: [] };
    this.current = structuredClone(next);
    setOptimizerSettings(this.optimizer, next.train);
    this.batches.setBatchSize(next.train.batchSize);
    return { applied: true, changed: diff.live };
  }

  /** Re-initialises weights, optimizer state and batch order from the seed; step = 0. */
  reset(): void {
    this.assertAlive();
    this.replaceModel(this.freshModel(), createOptimizer(this.config.train), 0, 0);
  }

  private freshModel(): Engine {
    return createEngine(this.config.model, this.config.train.seed, this.resident.outputBias);
  }

  /**
   * Frees the model, optimizer and loss sum and takes these instead, with the counters and the
   * batch order of a run that has taken `step` steps. Bumps the generation (pending reads see it).
   */
  private replaceModel(model: Engine, optimizer: tf.Optimizer, step: number, samples: number): void {
    this.generation++;
    this.engine.dispose();
    disposeOptimizer(this.optimizer);
    this.lossSum.dispose();
    this.engine = model;
    // A reset or an imported model draws the same chosen digit in the grid as before.
    const conditional = asConditional(model);
    if (conditional) conditional.decodeLabel = this.decodeLabel;
    this.optimizer = optimizer;
    this.lossSum = tf.scalar(0);
    this.stepsSinceRead = 0;
    this.stepCount = step;
    this.samples = samples;
    const { batchSize, seed } = this.config.train;
    this.batches = new BatchOrder(this.resident.trainCount, batchSize, seed);
    // Where the samples seen left the order (the batch size may have changed along the way).
    this.batches.skipSamples(samples);
    this.bestLoss = Infinity;
    this.lastTrainLoss = Number.NaN;
  }

  /**
   * The model as plain data, for IndexedDB or a file (encodeSnapshot). The weights are taken at
   * one instant: cloned synchronously (the clones share the data, nothing is copied on the
   * device), then read back, so steps() running during the read do not mix into them.
   * @param options.optimizer include the optimizer's slots (default true): a restored run then
   *   continues exactly as it would have (Adam's moments and bias correction), at the price of
   *   a snapshot 3x the size of the weights for Adam and RMSprop, 2x for momentum.
   */
  async exportState(options: { optimizer?: boolean } = {}): Promise<ModelSnapshot> {
    this.assertAlive();
    const generation = this.generation;
    const withOptimizer = options.optimizer ?? true;
    let slots: tf.Variable[] = [];
    let step = this.stepCount;
    for (let attempt = 0; withOptimizer; attempt++) {
      step = this.stepCount;
      slots = await optimizerSlots(this.optimizer);
      if (generation !== this.generation) throw new Error('The model was reset during the export.');
      // A step during getWeights' yield may have made new slots: list them again.
      if (step === this.stepCount) break;
      if (attempt === 4) throw new Error('Training kept running during the export; pause it and try again.');
    }
    step = this.stepCount;
    const samplesSeen = this.samples;
    const iterations = this.optimizer.iterations;
    const variables = [...this.engine.variables, ...slots];
    const clones = tf.tidy(() => variables.map((v) => tf.clone(v)));
    let values: Float32Array[];
    try {
      // Copied: some backends hand out their own storage.
      values = (await Promise.all(clones.map((c) => c.data()))).map((v) => new Float32Array(v as Float32Array));
    } finally {
      clones.forEach((c) => c.dispose());
    }
    const layout = engineWeightLayout(this.config.model);
    const { optimizer } = this.config.train;
    const weights = layout.map((l, i) => ({ name: l.name, shape: [...l.shape], data: values[i] }));
    const snapshot: ModelSnapshot = {
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      config: structuredClone(this.config),
      step,
      samplesSeen,
      weights,
    };
    if (withOptimizer) {
      snapshot.optimizer = {
        name: optimizer,
        iterations,
        slots: slots.map((v, i) => ({ name: `${optimizer}/${i}`, shape: [...v.shape], data: values[layout.length + i] })),
      };
    }
    return snapshot;
  }

  /**
   * Loads a snapshot's weights (and its optimizer state, when it fits) and counters in place of
   * the current model; the batch order continues where that many steps would have left it.
   * A snapshot that does not fit this architecture is refused with a SnapshotError listing what
   * differs (see checkSnapshot); nothing changes then.
   * @returns what the page should mention (loss, penalty or training settings that differ)
   */
  async importState(value: unknown): Promise<{ warnings: string[] }> {
    this.assertAlive();
    const a = analyseSnapshot(value, this.config);
    if (!a.ok) {
      const problems = a.issues.filter((i) => i.severity === 'refuse').map((i) => i.message);
      throw new SnapshotError(problems.join(' '), problems);
    }
    const s = a.snapshot;
    const generation = this.generation;
    // Built beside the live model and swapped in only when complete.
    const model = this.freshModel();
    tf.tidy(() => model.variables.forEach((v, i) => v.assign(tf.tensor(s.weights[i].data, s.weights[i].shape))));
    const optimizer = createOptimizer(this.config.train);
    try {
      if (a.loadOptimizer && s.optimizer) await loadOptimizerSlots(optimizer, s.optimizer.iterations, s.optimizer.slots);
      if (this.disposed || generation !== this.generation) throw new Error('The model was reset during the import.');
    } catch (e) {
      model.dispose();
      disposeOptimizer(optimizer);
      throw e;
    }
    this.replaceModel(model, optimizer, s.step, s.samplesSeen);
    return { warnings: a.issues.filter((i) => i.severity === 'warn').map((i) => i.message) };
  }

  /** Frees every tensor and variable the trainer owns. The trainer is unusable afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.generation++;
    this.engine.dispose();
    disposeOptimizer(this.optimizer);
    this.lossSum.dispose();
    this.resident.dispose();
  }

  /** The next training batch [batchSize] of subset rows (exportCode.test.ts reads it too). */
  private nextBatch(): Int32Array {
    return this.batches.next();
  }

  /** A thunk so the tensor is created inside the caller's tidy. */
  protected inputTensor(values: Float32Array, n: number, width: number, what: string): () => tf.Tensor2D {
    if (!Number.isInteger(n) || n < 0 || values.length < n * width) {
      throw new RangeError(`${what}: expected ${n} rows of ${width} values, got ${values.length} values`);
    }
    return () => tf.tensor2d(values.subarray(0, n * width), [n, width]);
  }

  /** Values for the page: a linear output is clamped to [0, 1] (metrics use the raw output). */
  protected toDisplay(output: tf.Tensor2D): tf.Tensor2D {
    return this.config.model.outputActivation === 'linear' ? tf.clipByValue(output, 0, 1) : output;
  }

  /** A check for forEachChunk: throws once the model was reset (or stopIf says stop). */
  protected staleCheck(resetMessage: string, stopIf?: () => boolean): () => void {
    const generation = this.generation;
    return () => {
      if (generation !== this.generation) throw new EvaluationStopped(resetMessage);
      if (stopIf?.()) throw new EvaluationStopped();
    };
  }

  protected assertAlive(): void {
    if (this.disposed) throw new Error('This trainer was disposed.');
  }
}

/** A test evaluation given up: its stopIf said so, or the model was reset under it. */
export class EvaluationStopped extends Error {
  constructor(message = 'The test evaluation was stopped.') {
    super(message);
    this.name = 'EvaluationStopped';
  }
}

/** Reads a tensor back and frees it. */
export async function readAndDispose(t: tf.Tensor): Promise<Float32Array> {
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}
