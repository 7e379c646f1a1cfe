/**
 * The training loop of the lab: an autoencoder of any kind (an Engine, engines.ts) trained on a
 * seeded subset of MNIST with a custom loop (no tf.layers), so each step is one tf.tidy and the
 * loss stays on the device until the worker asks for it.
 *
 * Owned tensors: the training subset [trainSize, 784] and its labels [trainSize], the live test
 * subset [1000, 784] and its labels, the engine's variables, the optimizer's slots and one
 * scalar that accumulates the batch losses.
 */
import * as tf from '@tensorflow/tfjs';
import { checkConfig, codeActivationOf, IMAGE_SIZE, type LabConfig, type NoiseType } from '../config';
import { imagesToFloat, LIVE_TEST_SIZE, pixelMoments } from '../data/dataset';
import { trainingSubset } from '../data/normalSubset';
import { outputBiasForMean, type MlpAutoencoder } from '../models/mlp';
import { BatchOrder } from './batchOrder';
import { asConditional, type ConditionalEngine } from './conditionalEngine';
import { forEachChunk } from './chunks';
import { evaluationRows } from '../cost/costEstimate';
import { GradientSum, partRanges } from './cutStep';
import { detectDivergence } from './divergence';
import type { FeatureMap } from '../kinds/conv/layout';
import type { ConvEngine } from './convEngine';
import type { Engine } from './engine';
import { createEngine, engineWeightLayout } from './engines';
import { evaluationSums, meanImageLoss, outputFromLogits } from './losses';
import { PROBE_SEED, sensitivityScores, sensitivitySums, type SensitivityScores } from './contractive';
import { denoisingRows, denoisingSums, psnrFromMse, TEST_NOISE_SEED, type DenoisingScores, type Reconstructor } from './noise';
import { activityScores, activitySums, encoderFeatures, type ActivityScores } from './sparsity';
import { createOptimizer, disposeOptimizer, loadOptimizerSlots, optimizerSlots } from './optimizers';
import {
  analyseSnapshot,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  SnapshotError,
  type ModelSnapshot,
} from './snapshot';
import type { Divergence, MnistData, TestMetrics, TrainMetrics } from './types';


export class Trainer {
  readonly config: LabConfig;
  /** Indices into the 60,000 training digits of this run's training subset, ascending. */
  readonly trainIndices: Int32Array;
  /**
   * Training loss per pixel of drawing the subset's mean image: where an untrained model
   * starts (its output bias is the mean image) and the yardstick for an exploding loss.
   */
  readonly meanImageLoss: number;
  private readonly data: MnistData;
  /** [trainSize, 784] pixels in [0, 1], resident on the backend: a step uploads only indices. */
  private readonly trainImages: tf.Tensor2D;
  /** [trainSize] int32 digit labels of the training subset (a conditional decoder reads them). */
  private readonly trainLabels: tf.Tensor1D;
  /** [min(1000, testCount), 784]: the first test digits, for the live test curve. */
  private readonly liveTestImages: tf.Tensor2D;
  /** [min(1000, testCount)] int32 labels of the live test digits (for the engines' measures). */
  private readonly liveTestLabels: tf.Tensor1D;
  /** [784] initial output bias: the decoder starts out drawing the subset's mean image. */
  private readonly outputBias: Float32Array;
  private engine: Engine;
  private optimizer: tf.Optimizer;
  /** Sum of the batch losses since the last read, kept on the device. Scalar. */
  private lossSum: tf.Scalar;
  private stepsSinceRead = 0;
  private stepCount = 0;
  /** Training images seen; counted apart from steps because an imported model may come with another batch size. */
  private samples = 0;
  private batches: BatchOrder;
  private bestLoss = Infinity;
  private lastTrainLoss = Number.NaN;
  /** Bumped by reset() and dispose(), so an async read can tell the model changed under it. */
  private generation = 0;
  private disposed = false;
  /** Conditional autoencoder: the digit decode() draws (setDecodeLabel), kept across resets. */
  private decodeLabel = 0;
  /** Rows of an evaluation or encoding chunk: as many as fit the memory (core/cost), fewer on a slow backend. */
  private chunkRows: number;

  constructor(data: MnistData, config: LabConfig) {
    const checked = checkConfig(config);
    if (!checked.ok) {
      throw new Error(`Invalid configuration: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    }
    this.config = checked.config;
    this.data = data;
    const { trainSize, seed } = this.config.train;
    if (trainSize > data.trainCount) {
      throw new Error(`trainSize ${trainSize} is larger than the ${data.trainCount} training digits`);
    }
    // All ten digits: the seeded subset of before; fewer (anomaly detection): only those digits.
    this.trainIndices = trainingSubset(data.trainLabels.subarray(0, data.trainCount), trainSize, seed, this.config.train.normalDigits);
    const pixels = imagesToFloat(data.trainImages, this.trainIndices);
    const moments = pixelMoments(pixels);
    this.outputBias = outputBiasForMean(moments.mean, this.config.model.outputActivation);
    this.meanImageLoss = meanImageLoss(moments.mean, moments.meanSquare, this.config.model);
    this.trainImages = tf.tensor2d(pixels, [this.trainIndices.length, IMAGE_SIZE]);
    this.trainLabels = tf.tensor1d(Int32Array.from(this.trainIndices, (i) => data.trainLabels[i]), 'int32');
    const live = Math.min(LIVE_TEST_SIZE, data.testCount);
    this.liveTestImages = tf.tensor2d(imagesToFloat(data.testImages.subarray(0, live * IMAGE_SIZE), null), [
      live,
      IMAGE_SIZE,
    ]);
    this.liveTestLabels = tf.tensor1d(Int32Array.from(data.testLabels.subarray(0, live)), 'int32');
    this.chunkRows = evaluationRows(this.config.model);
    this.engine = this.freshModel();
    this.optimizer = createOptimizer(this.config.train);
    this.lossSum = tf.scalar(0);
    this.batches = new BatchOrder(this.trainIndices.length, this.config.train.batchSize, seed);
  }

  get step(): number {
    return this.stepCount;
  }

  get samplesSeen(): number {
    return this.samples;
  }

  /** Passes over the training subset, fractional. */
  get epoch(): number {
    return this.samplesSeen / this.trainIndices.length;
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
    const { batchSize, seed } = this.config.train;
    for (let i = 0; i < n; i++) {
      const batch = this.nextBatch();
      const nextSum = tf.tidy(() => {
        const rows = tf.tensor1d(batch, 'int32');
        const x = tf.gather(this.trainImages, rows);
        const labels = tf.gather(this.trainLabels, rows);
        const reconstruction = engine.trainStep(x, { step: this.stepCount, seed, optimizer: this.optimizer, labels });
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
   * One step over the next batch cut into `parts` (cutStep.ts): each `next()` computes one part's
   * gradients; the last applies their sum and counts the step. `return()` before the end
   * abandons the step: its sums are freed and the model is as it was (the batch is skipped).
   */
  *cutStep(parts: number): Generator<void, void, void> {
    this.assertAlive();
    const engine = this.engine;
    const { seed } = this.config.train;
    const batch = this.nextBatch();
    const sum = new GradientSum();
    let loss = tf.keep(tf.scalar(0));
    try {
      for (const [start, end] of partRanges(batch.length, parts)) {
        sum.weight = (end - start) / batch.length;
        const next = tf.tidy(() => {
          const rows = tf.tensor1d(batch.subarray(start, end), 'int32');
          const reconstruction = engine.trainStep(tf.gather(this.trainImages, rows), { step: this.stepCount, seed, optimizer: sum, labels: tf.gather(this.trainLabels, rows) });
          return tf.keep(tf.add(loss, tf.mul(reconstruction, sum.weight)) as tf.Scalar);
        });
        loss.dispose();
        loss = next;
        yield;
      }
      sum.applyTo(this.optimizer);
      const lossSum = tf.add(this.lossSum, loss) as tf.Scalar;
      this.lossSum.dispose();
      this.lossSum = lossSum;
      this.stepCount++;
      this.samples += batch.length;
      this.stepsSinceRead++;
    } finally {
      sum.dispose();
      loss.dispose();
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
      epoch: samplesSeen / this.trainIndices.length,
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
   * Loss per pixel and squared error per image on the test set, from the raw model output.
   * 'live' = the first 1,000 test digits (resident on the device), 'full' = all 10,000.
   * Evaluated in chunks of 1,000 with one small read-back each.
   * @param options.stopIf checked before each chunk: true ends the evaluation with
   *   EvaluationStopped (a background evaluation gives way when training resumes).
   */
  async evaluateTest(which: 'live' | 'full', options: { stopIf?: () => boolean } = {}): Promise<TestMetrics> {
    this.assertAlive();
    const spec = this.config.model;
    const engine = this.engine;
    const count = which === 'live' ? this.liveTestImages.shape[0] : this.data.testCount;
    let lossSum = 0;
    let squaredErrorSum = 0;
    await forEachChunk(
      count,
      (start, n) => {
        const x = this.testChunk(start, n);
        return evaluationSums(engine.reconstructLogits(x, this.testLabelChunk(start, n)), x, spec);
      },
      (values) => {
        lossSum += values[0];
        squaredErrorSum += values[1];
      },
      this.staleCheck('The model was reset during the test evaluation.', options.stopIf),
      this.chunkRows,
    );
    return { testLoss: lossSum / (count * IMAGE_SIZE), testSquaredError: squaredErrorSum / count, count };
  }

  /**
   * Denoising: PSNR of the noisy and of the denoised live test digits against the clean ones
   * (noise.ts: pooled MSE, pixels in [0, 1], the fixed test noise). One read-back.
   */
  async evaluateDenoising(): Promise<DenoisingScores> {
    this.assertAlive();
    const spec = this.denoisingSpec();
    const sums = tf.tidy(() => denoisingSums(this.reconstructor(), this.liveTestImages, spec, TEST_NOISE_SEED));
    const [noisy, output] = await readAndDispose(sums);
    const pixels = this.liveTestImages.shape[0] * IMAGE_SIZE;
    return { noisyPsnr: psnrFromMse(noisy / pixels), outputPsnr: psnrFromMse(output / pixels), count: this.liveTestImages.shape[0] };
  }

  /** Denoising: [n, 784] clean images -> [2n, 784]: n noisy versions (fixed test noise), then the n outputs. */
  async denoise(images: Float32Array, n: number): Promise<Float32Array> {
    this.assertAlive();
    const spec = this.denoisingSpec();
    const x = this.inputTensor(images, n, IMAGE_SIZE, 'images');
    return readAndDispose(tf.tidy(() => denoisingRows(this.reconstructor(), x(), spec, TEST_NOISE_SEED + 1)));
  }

  /**
   * How far the code moves under a small fixed input perturbation, on the live test digits
   * (contractive.ts: sensitivity, closed-form Jacobian norm, code spread). One read-back.
   */
  async evaluateSensitivity(): Promise<SensitivityScores> {
    this.assertAlive();
    const mlp = this.mlpModel('The code sensitivity is measured for the dense (MLP) autoencoder.');
    const sums = await readAndDispose(tf.tidy(() => sensitivitySums(mlp, this.liveTestImages, PROBE_SEED)));
    return sensitivityScores(sums, this.liveTestImages.shape[0]);
  }

  /** Convolutional models: every layer's activations for one image [784] (models/conv.ts featureMaps). */
  async featureMaps(image: Float32Array): Promise<FeatureMap[]> {
    this.assertAlive();
    const conv = (this.engine as Partial<ConvEngine>).conv;
    if (!conv) throw new Error(`Feature maps are drawn for the convolutional autoencoder; this model is a ${this.config.model.kind} one.`);
    return conv.featureMaps(image);
  }

  /** Names of the kind's own live figures (engine.ts measureNames); empty for a plain MLP. */
  get measureNames(): readonly string[] {
    return this.engine.measureNames ?? [];
  }

  /**
   * The kind's own live figures on the live test digits (engine.ts measure), by name, in one
   * read-back; undefined for a kind without any.
   */
  async measureEngine(): Promise<Record<string, number> | undefined> {
    this.assertAlive();
    const engine = this.engine;
    if (!engine.measure || !engine.measureNames?.length) return undefined;
    const values = await readAndDispose(tf.tidy(() => engine.measure!(this.liveTestImages, this.liveTestLabels)));
    return Object.fromEntries(engine.measureNames.map((name, i) => [name, values[i]]));
  }

  /**
   * Code activity on the live test digits (sparsity.ts: mean activation, fraction of active
   * units, dead units, histogram; a sigmoid code's histogram spans [0, 1]). One read-back.
   */
  async evaluateActivity(): Promise<ActivityScores> {
    this.assertAlive();
    const top = codeActivationOf(this.config.model) === 'sigmoid' ? 1 : undefined;
    const sums = await readAndDispose(tf.tidy(() => activitySums(this.engine.encode(this.liveTestImages), top)));
    return activityScores(sums, this.liveTestImages.shape[0], this.codeSize);
  }

  /** Incoming weights of units of the first encoder layer, [m, 784] (sparsity.ts). @param units indices, or the first `count` */
  async encoderFeatures(units?: Int32Array | number): Promise<Float32Array> {
    this.assertAlive();
    const mlp = this.mlpModel('Encoder features are drawn for the dense (MLP) autoencoder.');
    return readAndDispose(tf.tidy(() => encoderFeatures(mlp, units)));
  }

  /** [codeSize] mean activation of each code unit over the live test digits. */
  async unitActivity(): Promise<Float32Array> {
    this.assertAlive();
    return readAndDispose(tf.tidy(() => tf.mean(this.engine.encode(this.liveTestImages), 0)));
  }

  /**
   * A kind's own read of its engine (vqViews.ts: code indices, codebook use): fn runs inside
   * tf.tidy on the engine and the resident live test digits [live, 784]; one read-back.
   */
  async readEngine(fn: (engine: Engine, liveTest: tf.Tensor2D) => tf.Tensor): Promise<Float32Array | Int32Array> {
    this.assertAlive();
    const engine = this.engine;
    return readAndDispose(tf.tidy(() => fn(engine, this.liveTestImages)));
  }

  /** [n, 784] images in [0, 1] -> [n, codeSize] codes. */
  /**
   * Keeps evaluation and encoding chunks to `rows` digits at most (a slow backend's share of
   * time: each chunk is one synchronous computation, and the worker answers only between them).
   */
  limitChunkRows(rows: number): void {
    this.chunkRows = Math.max(1, Math.min(this.chunkRows, Math.floor(rows)));
  }

  /**
   * [n, 784] images in [0, 1] -> [n, codeSize] codes, in chunks (the map's 5,000 digits of a heavy
   * model would not fit, or would hold the worker, in one piece). `stopIf` as in evaluateTest.
   */
  async encode(images: Float32Array, n: number, options: { stopIf?: () => boolean } = {}): Promise<Float32Array> {
    this.assertAlive();
    const x = this.inputTensor(images, n, IMAGE_SIZE, 'images')();
    const engine = this.engine;
    const codeSize = this.codeSize;
    const codes = new Float32Array(n * codeSize);
    try {
      await forEachChunk(
        n,
        (start, rows) => engine.encode(tf.slice(x, [start, 0], [rows, IMAGE_SIZE])),
        (chunk, start) => codes.set(chunk, start * codeSize),
        this.staleCheck('The model was reset while its codes were computed.', options.stopIf),
        this.chunkRows,
      );
    } finally {
      x.dispose();
    }
    return codes;
  }

  /**
   * [rows, codeSize] codes of a set already resident on the device: the training subset
   * ([trainSize] rows, in trainIndices order) or the live test subset (the first 1,000 test
   * digits). Nothing is uploaded; encoded in chunks of 1,000 with one read-back each.
   */
  async encodeResident(which: 'train' | 'liveTest'): Promise<Float32Array> {
    this.assertAlive();
    const x = which === 'train' ? this.trainImages : this.liveTestImages;
    const model = this.engine;
    const codeSize = this.codeSize;
    const codes = new Float32Array(x.shape[0] * codeSize);
    await forEachChunk(
      x.shape[0],
      (start, n) => model.encode(tf.slice(x, [start, 0], [n, IMAGE_SIZE])),
      (chunk, start) => codes.set(chunk, start * codeSize),
      this.staleCheck('The model was reset while its codes were computed.'),
      this.chunkRows,
    );
    return codes;
  }

  /**
   * [testCount] squared error per image, sum over 784 pixels of (x - x̂)², of every test digit
   * (the anomaly score), from the raw model output; in chunks of 1,000 with one read-back each.
   */
  async testSquaredErrors(): Promise<Float32Array> {
    this.assertAlive();
    const engine = this.engine;
    const spec = this.config.model;
    const errors = new Float32Array(this.data.testCount);
    await forEachChunk(
      this.data.testCount,
      (start, n) => {
        const x = this.testChunk(start, n);
        const logits = engine.reconstructLogits(x, this.testLabelChunk(start, n));
        return tf.sum(tf.squaredDifference(x, outputFromLogits(logits, spec)), 1);
      },
      (perImage, start) => errors.set(perImage, start),
      this.staleCheck('The model was reset while the test digits were scored.'),
      this.chunkRows,
    );
    return errors;
  }

  /** [n, codeSize] codes -> [n, 784] images in [0, 1], in one batched call. */
  async decode(codes: Float32Array, n: number): Promise<Float32Array> {
    this.assertAlive();
    const c = this.inputTensor(codes, n, this.codeSize, 'codes');
    return readAndDispose(tf.tidy(() => this.toDisplay(this.engine.decode(c()))));
  }

  /**
   * Conditional autoencoder: [n, codeSize] codes, each drawn as the digit labels[i] -> [n, 784]
   * images in [0, 1] (the style swap), in one batched call.
   */
  async decodeWithLabels(codes: Float32Array, labels: ArrayLike<number>, n: number): Promise<Float32Array> {
    this.assertAlive();
    const engine = this.conditionalEngine();
    if (labels.length !== n || !Array.from(labels).every((d) => Number.isInteger(d) && d >= 0 && d <= 9)) {
      throw new RangeError(`decodeWithLabels needs ${n} digit labels 0-9`);
    }
    const c = this.inputTensor(codes, n, this.codeSize, 'codes');
    const y = Int32Array.from(labels);
    return readAndDispose(tf.tidy(() => this.toDisplay(engine.decodeWithLabels(c(), tf.tensor1d(y, 'int32')))));
  }

  /** Conditional autoencoder: the digit 0-9 that decode (the grid, the sliders) draws. */
  setDecodeLabel(digit: number): void {
    this.assertAlive();
    if (!(Number.isInteger(digit) && digit >= 0 && digit <= 9)) throw new RangeError(`the label ${digit} is not a digit 0-9`);
    this.conditionalEngine().decodeLabel = digit;
    this.decodeLabel = digit;
  }

  /** [n, 784] images in [0, 1] -> [n, 784] reconstructions in [0, 1]. */
  async reconstruct(images: Float32Array, n: number): Promise<Float32Array> {
    this.assertAlive();
    const x = this.inputTensor(images, n, IMAGE_SIZE, 'images');
    return readAndDispose(tf.tidy(() => this.toDisplay(this.reconstructor().reconstruct(x()))));
  }

  /** Re-initialises weights, optimizer state and batch order from the seed; step = 0. */
  reset(): void {
    this.assertAlive();
    this.replaceModel(this.freshModel(), createOptimizer(this.config.train), 0, 0);
  }

  private freshModel(): Engine {
    return createEngine(this.config.model, this.config.train.seed, this.outputBias);
  }

  /** The engine's reconstruction in its output activation (a conv decoder uses the input's switches). */
  private reconstructor(): Reconstructor {
    const engine = this.engine;
    const spec = this.config.model;
    return { reconstruct: (x) => outputFromLogits(engine.reconstructLogits(x), spec) };
  }

  /** The input noise of a denoising model (a dense or conv kind with noise); throws for any other. */
  private denoisingSpec(): { noise: NoiseType; noiseLevel: number } {
    const spec = this.config.model;
    if (!('noise' in spec) || spec.noise === 'none') throw new Error('This model is not a denoising autoencoder (noise is none).');
    return spec;
  }

  private conditionalEngine(): ConditionalEngine {
    const engine = asConditional(this.engine);
    if (!engine) throw new Error(`Decoding with labels needs the conditional autoencoder; this model is a ${this.config.model.kind} autoencoder.`);
    return engine;
  }

  /** The MLP behind the engine, for the measurements that need its layers; throws for other kinds. */
  private mlpModel(why: string): MlpAutoencoder {
    const mlp = (this.engine as Partial<{ mlp: MlpAutoencoder }>).mlp;
    if (!mlp) throw new Error(`${why} This model is a ${this.config.model.kind} autoencoder.`);
    return mlp;
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
    this.batches = new BatchOrder(this.trainIndices.length, batchSize, seed);
    this.batches.skip(step);
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
    this.trainImages.dispose();
    this.trainLabels.dispose();
    this.liveTestImages.dispose();
    this.liveTestLabels.dispose();
  }

  /** The next training batch [batchSize] of subset rows (exportCode.test.ts reads it too). */
  private nextBatch(): Int32Array {
    return this.batches.next();
  }

  /** A thunk so the tensor is created inside the caller's tidy. */
  private inputTensor(values: Float32Array, n: number, width: number, what: string): () => tf.Tensor2D {
    if (!Number.isInteger(n) || n < 0 || values.length < n * width) {
      throw new RangeError(`${what}: expected ${n} rows of ${width} values, got ${values.length} values`);
    }
    return () => tf.tensor2d(values.subarray(0, n * width), [n, width]);
  }

  /** Values for the page: a linear output is clamped to [0, 1] (metrics use the raw output). */
  private toDisplay(output: tf.Tensor2D): tf.Tensor2D {
    return this.config.model.outputActivation === 'linear' ? tf.clipByValue(output, 0, 1) : output;
  }

  /**
   * Test digits [start, start + n) as [n, 784] pixels (call inside a tidy): a view of the
   * resident live subset where it covers them, else uploaded from the test set.
   */
  private testChunk(start: number, n: number): tf.Tensor2D {
    const live = this.liveTestImages.shape[0];
    if (start + n > live) {
      const pixels = imagesToFloat(this.data.testImages.subarray(start * IMAGE_SIZE, (start + n) * IMAGE_SIZE), null);
      return tf.tensor2d(pixels, [n, IMAGE_SIZE]);
    }
    return start === 0 && n === live ? this.liveTestImages : tf.slice(this.liveTestImages, [start, 0], [n, IMAGE_SIZE]);
  }

  /** [n] int32 labels of test digits start..start+n (for a conditional decoder; see testChunk). */
  private testLabelChunk(start: number, n: number): tf.Tensor1D {
    const live = this.liveTestLabels.shape[0];
    if (start + n > live) return tf.tensor1d(Int32Array.from(this.data.testLabels.subarray(start, start + n)), 'int32');
    return start === 0 && n === live ? this.liveTestLabels : tf.slice(this.liveTestLabels, [start], [n]);
  }

  /** A check for forEachChunk: throws once the model was reset (or stopIf says stop). */
  private staleCheck(resetMessage: string, stopIf?: () => boolean): () => void {
    const generation = this.generation;
    return () => {
      if (generation !== this.generation) throw new EvaluationStopped(resetMessage);
      if (stopIf?.()) throw new EvaluationStopped();
    };
  }

  private assertAlive(): void {
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

async function readAndDispose(t: tf.Tensor): Promise<Float32Array> {
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}
