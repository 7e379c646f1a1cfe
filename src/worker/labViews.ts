/**
 * What the page sees of the model, computed in the lab worker: the showcase reconstructions,
 * the scatter's codes and their 2-D map, the lessons' live measurements (5-NN accuracy of the
 * map, the code radius) and the test metrics on all 10,000 digits.
 *
 * The training loop (lab.worker.ts) decides when; this module decides what, and how much a
 * refresh may cost (a share of the wall time).
 */
import { codeRadius } from '../core/analysis/codeRadius';
import { knnLeaveOneOutAccuracy } from '../core/analysis/knn';
import { IMAGE_SIZE, modelSetting } from '../core/config';
import { imagesToFloat, showcaseIndices } from '../core/data/dataset';
import { FEATURE_COUNT, mostActiveUnits } from '../core/kinds/mlp/sparsity';
import type { Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';
import type { TestSampleEvent } from './api';
import { codesEvent, paddedExtent, type CodeMap } from './codeMap';
import { MAP_KNN_K, type PcaMap } from './pcaBaseline';
import type { Emit, RunChannel } from './runChannel';

/** Codes (and the measurements on them) are refreshed at most this often... */
export const VIEW_INTERVAL_MS = 1000;
/** ...and take at most about this share of the wall time. */
const CODES_MAX_SHARE = 0.06;
/** The lessons' code radius: the norm within which this share of the codes lie. */
const CODE_RADIUS_QUANTILE = 0.95;

/** The array itself if it owns its whole buffer (so the buffer can be transferred), else a copy. */
export function own(a: Float32Array): Float32Array {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : a.slice();
}

export class LabViews {
  /** [n, 784] in [0, 1]: the first n test digits, drawn on the scatter; labels [n]. */
  readonly scatter: { images: Float32Array; labels: Uint8Array; n: number };
  /** [10, 784] in [0, 1]: one test digit per class, whose reconstructions stream. */
  private readonly showcase: { images: Float32Array; n: number };
  private codeMap?: CodeMap;
  private lastCodesAt = -Infinity;
  private codesInterval = VIEW_INTERVAL_MS;
  /** Step of the last full-test evaluation of the current model (no repeat while paused). */
  private fullTestStep = -1;

  private readonly emit: Emit;
  /** The first test digits and their labels, for the page to draw (testSample()). */
  private readonly sample: { images: Uint8Array; labels: Uint8Array; showcase: number[] };

  constructor(
    data: MnistData,
    scatterSize: number,
    private readonly channel: RunChannel,
  ) {
    this.emit = channel.emit;
    const n = Math.min(scatterSize, data.testCount);
    this.scatter = {
      images: imagesToFloat(data.testImages.subarray(0, n * IMAGE_SIZE), null),
      labels: data.testLabels.slice(0, n),
      n,
    };
    const showcase = showcaseIndices(data.testLabels);
    this.showcase = { images: imagesToFloat(data.testImages, showcase), n: showcase.length };
    this.sample = { images: data.testImages.slice(0, n * IMAGE_SIZE), labels: data.testLabels.slice(0, n), showcase };
  }

  /** The scatter's digits for the page to draw itself: sent once, after init (its buffers move to the page). */
  testSample(): TestSampleEvent {
    return { type: 'testSample', ...this.sample, n: this.scatter.n };
  }

  /** A new model or a reset: the next refresh comes at once and fits a fresh map. */
  restart(): void {
    this.codeMap = undefined;
    this.lastCodesAt = -Infinity;
    this.fullTestStep = -1;
  }

  codesDue(now: number): boolean {
    return now - this.lastCodesAt >= this.codesInterval;
  }

  async publishReconstructions(trainer: Trainer): Promise<void> {
    const pixels = own(await trainer.reconstruct(this.showcase.images, this.showcase.n));
    this.emit({ type: 'reconstructions', pixels, n: this.showcase.n }, [pixels.buffer]);
  }

  /** The scatter's codes and map, then the measurements on them (same codes, same moment). */
  async publishCodes(trainer: Trainer): Promise<void> {
    const t0 = performance.now();
    const { n, labels } = this.scatter;
    const codeSize = trainer.config.model.codeSize;
    const codes = await trainer.encode(this.scatter.images, n);
    const { event, map } = codesEvent(codes, n, codeSize, this.codeMap);
    this.codeMap = map;
    // Measured before the points' buffer is transferred away.
    const knnAccuracy = n >= 2 ? knnLeaveOneOutAccuracy(event.points, labels, 2, MAP_KNN_K) : NaN;
    const codeRadius95 = n >= 1 ? codeRadius(codes, n, codeSize, CODE_RADIUS_QUANTILE) : NaN;
    event.points = own(event.points);
    this.emit(event, [event.points.buffer, event.codeMin.buffer, event.codeMax.buffer]);
    this.emit({ type: 'measurements', step: trainer.step, epoch: trainer.epoch, knnAccuracy, codeRadius95, n });
    const now = performance.now();
    this.lastCodesAt = now;
    this.codesInterval = Math.max(VIEW_INTERVAL_MS, (now - t0) / CODES_MAX_SHARE);
  }

  /** Denoising models only: noisy and denoised showcase digits and the live test PSNRs. */
  async publishDenoising(trainer: Trainer): Promise<void> {
    if (modelSetting(trainer.config.model, 'noise') === 'none') return;
    const { n } = this.showcase;
    const rows = await trainer.denoise(this.showcase.images, n);
    const scores = await trainer.evaluateDenoising();
    const noisy = rows.slice(0, n * IMAGE_SIZE);
    const denoised = rows.slice(n * IMAGE_SIZE, 2 * n * IMAGE_SIZE);
    this.emit(
      { type: 'denoising', step: trainer.step, epoch: trainer.epoch, noisy, denoised, n, ...scores },
      [noisy.buffer, denoised.buffer],
    );
  }

  /** Encoders with at most one hidden layer (where the contractive penalty exists): the code's sensitivity. */
  async publishSensitivity(trainer: Trainer): Promise<void> {
    if (trainer.config.model.kind !== 'mlp' || trainer.config.model.encoderLayers.length > 1) return;
    const scores = await trainer.evaluateSensitivity();
    this.emit({ type: 'sensitivity', step: trainer.step, epoch: trainer.epoch, ...scores });
  }

  /** The model kind's own live figures (engine.ts measure: ELBO, perplexity, ...), if it has any. */
  async publishEngineMeasures(trainer: Trainer): Promise<void> {
    const values = await trainer.measureEngine();
    if (values) this.emit({ type: 'engineMeasures', step: trainer.step, epoch: trainer.epoch, kind: trainer.config.model.kind, values });
  }

  /** Models with a non-linear code or a sparsity penalty: the code's activity and the encoder's features. */
  async publishSparsity(trainer: Trainer): Promise<void> {
    const model = trainer.config.model;
    if (model.kind !== 'mlp' || (model.codeActivation === 'linear' && model.sparsity === 'none')) return;
    const scores = await trainer.evaluateActivity();
    // No hidden layer: the code units' own features, the most active first (dead units would
    // show only their initial noise); else the first hidden layer's first units.
    const featureLayer = model.encoderLayers.length === 0 ? 'code' : 'hidden';
    const units = featureLayer === 'code' ? mostActiveUnits(await trainer.unitActivity()) : FEATURE_COUNT;
    const features = own(await trainer.encoderFeatures(units));
    const featureCount = features.length / IMAGE_SIZE;
    this.emit(
      { type: 'sparsity', step: trainer.step, epoch: trainer.epoch, ...scores, features, featureCount, featureLayer },
      [features.buffer, scores.histogram.buffer],
    );
  }

  /** The PCA-2 map the PCA worker fitted for a run's training subset, sent as that run's (`emit`). */
  publishPcaMap(map: PcaMap, emit: Emit): void {
    const points = map.points.slice();
    emit(
      { type: 'pcaMap', points, n: map.n, knnAccuracy: map.knnAccuracy, extent: paddedExtent(points, map.n) },
      [points.buffer],
    );
  }

  /**
   * Test metrics on all test digits, once per step count (a pause after a pause measures nothing
   * new), sent as the run's that was current when it began.
   * @param stopIf see Trainer.evaluateTest: a stopped evaluation publishes nothing.
   */
  async publishFullTest(trainer: Trainer, stopIf?: () => boolean): Promise<void> {
    if (trainer.step === this.fullTestStep) return;
    const step = trainer.step;
    const emit = this.channel.pin();
    const m = await trainer.evaluateTest('full', { stopIf });
    this.fullTestStep = step;
    emit({ type: 'fullTest', step, testLoss: m.testLoss, testSquaredError: m.testSquaredError, count: m.count });
  }

  /** The map clicks and sliders decode through: the last fitted one, or the code itself. */
  currentMap(codeSize: number): CodeMap {
    if (this.codeMap && this.codeMap.codeSize === codeSize) return this.codeMap;
    if (codeSize <= 2) return { codeSize, projected: false };
    throw new Error('The code map is not ready yet.');
  }
}
