/**
 * The Trainer: the training loop of trainerCore.ts and the reads of the model it trains, each
 * in one tf.tidy with one read-back (or chunks of 1,000 digits with one read-back each): test
 * metrics, codes, decodes and reconstructions, and the kinds' own figures (the engine's live
 * measures, the denoising PSNRs, the code's sensitivity and activity, the conv feature maps,
 * the conditional decoder's labels).
 */
import * as tf from '@tensorflow/tfjs';
import { codeActivationOf, IMAGE_SIZE, type NoiseType } from '../config';
import { asConditional, type ConditionalEngine } from '../kinds/conditional/engine';
import type { ConvEngine } from '../kinds/conv/engine';
import type { FeatureMap } from '../kinds/conv/layout';
import { PROBE_SEED, sensitivityScores, sensitivitySums, type SensitivityScores } from '../kinds/mlp/contractive';
import type { MlpAutoencoder } from '../kinds/mlp/model';
import { activityScores, activitySums, encoderFeatures, type ActivityScores } from '../kinds/mlp/sparsity';
import { forEachChunk } from './chunks';
import type { Engine } from './engine';
import { evaluationSums, outputFromLogits } from './losses';
import { denoisingRows, denoisingSums, psnrFromMse, TEST_NOISE_SEED, type DenoisingScores, type Reconstructor } from './noise';
import { EvaluationStopped, readAndDispose, TrainerCore } from './trainerCore';
import type { TestMetrics } from './types';

export { EvaluationStopped, type SettingsChange } from './trainerCore';

export class Trainer extends TrainerCore {
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
    const count = which === 'live' ? this.resident.liveTestImages.shape[0] : this.resident.mnist.testCount;
    let lossSum = 0;
    let squaredErrorSum = 0;
    await forEachChunk(
      count,
      (start, n) => {
        const x = this.resident.testChunk(start, n);
        return evaluationSums(engine.reconstructLogits(x, this.resident.testLabelChunk(start, n)), x, spec);
      },
      (values) => {
        lossSum += values[0];
        squaredErrorSum += values[1];
      },
      this.staleCheck('The model was reset during the test evaluation.', options.stopIf),
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
    const sums = tf.tidy(() => denoisingSums(this.reconstructor(), this.resident.liveTestImages, spec, TEST_NOISE_SEED));
    const [noisy, output] = await readAndDispose(sums);
    const pixels = this.resident.liveTestImages.shape[0] * IMAGE_SIZE;
    return { noisyPsnr: psnrFromMse(noisy / pixels), outputPsnr: psnrFromMse(output / pixels), count: this.resident.liveTestImages.shape[0] };
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
    const sums = await readAndDispose(tf.tidy(() => sensitivitySums(mlp, this.resident.liveTestImages, PROBE_SEED)));
    return sensitivityScores(sums, this.resident.liveTestImages.shape[0]);
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
    const values = await readAndDispose(tf.tidy(() => engine.measure!(this.resident.liveTestImages, this.resident.liveTestLabels)));
    return Object.fromEntries(engine.measureNames.map((name, i) => [name, values[i]]));
  }

  /**
   * Code activity on the live test digits (sparsity.ts: mean activation, fraction of active
   * units, dead units, histogram; a sigmoid code's histogram spans [0, 1]). One read-back.
   */
  async evaluateActivity(): Promise<ActivityScores> {
    this.assertAlive();
    const top = codeActivationOf(this.config.model) === 'sigmoid' ? 1 : undefined;
    const sums = await readAndDispose(tf.tidy(() => activitySums(this.engine.encode(this.resident.liveTestImages), top)));
    return activityScores(sums, this.resident.liveTestImages.shape[0], this.codeSize);
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
    return readAndDispose(tf.tidy(() => tf.mean(this.engine.encode(this.resident.liveTestImages), 0)));
  }

  /**
   * A kind's own read of its engine (vqViews.ts: code indices, codebook use): fn runs inside
   * tf.tidy on the engine and the resident live test digits [live, 784]; one read-back.
   */
  async readEngine(fn: (engine: Engine, liveTest: tf.Tensor2D) => tf.Tensor): Promise<Float32Array | Int32Array> {
    this.assertAlive();
    const engine = this.engine;
    return readAndDispose(tf.tidy(() => fn(engine, this.resident.liveTestImages)));
  }

  /**
   * A kind's own reads that need its engine for longer than one tensor (the VAE's ELBO over a
   * test set, the quality tables' grids): fn gets the live engine, frees what it makes and keeps
   * nothing of it past its promise. Throws if the model was replaced (reset, import) meanwhile.
   */
  async withEngine<T>(fn: (engine: Engine) => T | Promise<T>): Promise<T> {
    this.assertAlive();
    const generation = this.generation;
    const result = await fn(this.engine);
    if (generation !== this.generation) throw new EvaluationStopped('The model was replaced while its engine was read.');
    return result;
  }

  /** [n, 784] images in [0, 1] -> [n, codeSize] codes. */
  async encode(images: Float32Array, n: number): Promise<Float32Array> {
    this.assertAlive();
    const x = this.inputTensor(images, n, IMAGE_SIZE, 'images');
    return readAndDispose(tf.tidy(() => this.engine.encode(x())));
  }

  /**
   * [rows, codeSize] codes of a set already resident on the device: the training subset
   * ([trainSize] rows, in trainIndices order) or the live test subset (the first 1,000 test
   * digits). Nothing is uploaded; encoded in chunks of 1,000 with one read-back each.
   */
  async encodeResident(which: 'train' | 'liveTest'): Promise<Float32Array> {
    this.assertAlive();
    const x = which === 'train' ? this.resident.trainImages : this.resident.liveTestImages;
    const model = this.engine;
    const codeSize = this.codeSize;
    const codes = new Float32Array(x.shape[0] * codeSize);
    await forEachChunk(
      x.shape[0],
      (start, n) => model.encode(tf.slice(x, [start, 0], [n, IMAGE_SIZE])),
      (chunk, start) => codes.set(chunk, start * codeSize),
      this.staleCheck('The model was reset while its codes were computed.'),
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
    const errors = new Float32Array(this.resident.mnist.testCount);
    await forEachChunk(
      this.resident.mnist.testCount,
      (start, n) => {
        const x = this.resident.testChunk(start, n);
        const logits = engine.reconstructLogits(x, this.resident.testLabelChunk(start, n));
        return tf.sum(tf.squaredDifference(x, outputFromLogits(logits, spec)), 1);
      },
      (perImage, start) => errors.set(perImage, start),
      this.staleCheck('The model was reset while the test digits were scored.'),
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
}
