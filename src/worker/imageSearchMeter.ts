/**
 * The similar-image search in the lab worker: precision@10 of the autoencoder's codes (the
 * first 1,000 test digits as queries, the run's training subset as the reference set) and the
 * neighbours of one query the page picks, in pixels and in codes.
 *
 * A measurement round encodes the resident training subset and queries (one read-back per
 * 1,000 images), then searches a chunk of queries per call of work(), so the training loop
 * goes on between chunks; rounds take at most about SEARCH_MAX_SHARE of the wall time.
 * The pixel and PCA figures come from SearchBaselines (a plain worker of their own).
 */
import { PrecisionTally } from '../core/analysis/imageSearch';
import { nearestNeighbours } from '../core/analysis/knn';
import { IMAGE_SIZE } from '../core/config';
import { imagesToFloat, LIVE_TEST_SIZE } from '../core/data/dataset';
import type { Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';
import type { SearchHits, SearchQuery, SearchResult } from './api';
import type { Emit } from './runChannel';
import { SearchBaselines } from './searchBaselines';

/** Neighbours per query in the measured precision (precision@10). */
export const SEARCH_K = 10;
/** Queries searched per work() call: about 10-40 ms for 10,000 codes of 32 numbers. */
const QUERIES_PER_CHUNK = 100;
/** Rounds start at most this often... */
const SEARCH_INTERVAL_MS = 2000;
/** ...and take about this share of the wall time (encoding included)... */
const SEARCH_MAX_SHARE = 0.15;
/**
 * ...but come at least this often, so the claim follows training on a loaded machine (a round
 * measured 0.7 ms a query in Node, 3.7 ms in a page sharing two cores with the pixel search).
 */
const SEARCH_MAX_INTERVAL_MS = 10_000;

interface Round {
  trainer: Trainer;
  tally: PrecisionTally;
  step: number;
  epoch: number;
  startedAt: number;
  busyMs: number;
}

export class ImageSearchMeter {
  private watching = false;
  private round?: Round;
  private lastRoundAt = -Infinity;
  private interval = SEARCH_INTERVAL_MS;
  /** The codes of the training subset at one step, for neighbour queries. */
  private codes?: { trainer: Trainer; step: number; codes: Float32Array };
  /** [trainSize, 784] float pixels of the training subset, built on the first neighbour query. */
  private pixels?: { trainer: Trainer; pixels: Float32Array };
  private readonly baselines: SearchBaselines;
  /** [m] labels of the queries: the first m test digits. */
  private readonly queryLabels: Uint8Array;

  /**
   * @param emit sends an event of the current run
   * @param onError the pixel and PCA searches failed (the failure's text)
   * @param pin an emit bound to the run current now (the baselines answer later, from their own worker)
   */
  constructor(
    private readonly data: MnistData,
    private readonly emit: Emit,
    onError: (detail: string) => void,
    private readonly pin: () => Emit = () => emit,
  ) {
    const m = Math.min(LIVE_TEST_SIZE, data.testCount);
    this.queryLabels = data.testLabels.slice(0, m);
    const queries = { images: data.testImages.subarray(0, m * IMAGE_SIZE), labels: this.queryLabels };
    this.baselines = new SearchBaselines(data.trainImages, data.trainLabels, queries, SEARCH_K, onError);
  }

  get on(): boolean {
    return this.watching;
  }

  /** The page starts or stops watching; a start measures the current model at once. */
  watch(on: boolean, trainer?: Trainer): void {
    this.watching = on;
    if (!on) {
      this.round = undefined;
      this.baselines.stop();
      return;
    }
    if (trainer) this.restart(trainer);
  }

  /** A new model, a reset or an import: the next round comes at once; the baselines are asked for again. */
  restart(trainer: Trainer): void {
    this.round = undefined;
    this.codes = undefined;
    if (this.pixels?.trainer !== trainer) this.pixels = undefined;
    this.lastRoundAt = -Infinity;
    if (!this.watching) return;
    const { train, model } = trainer.config;
    const codeSize = model.codeSize;
    const emit = this.pin();
    this.baselines.request(
      { trainIndices: trainer.trainIndices, trainSize: train.trainSize, seed: train.seed, codeSize, normalDigits: train.normalDigits },
      (r) => emit({ type: 'imageSearch', representation: r.representation, score: r.score, complete: r.complete, codeSize }),
    );
  }

  /** True when work() has something to do now. */
  due(now: number): boolean {
    return this.watching && (this.round !== undefined || now - this.lastRoundAt >= this.interval);
  }

  /** Starts a round (encoding the subset and the queries) or searches its next chunk of queries. */
  async work(trainer: Trainer): Promise<void> {
    if (!this.watching) return;
    const t0 = performance.now();
    let round = this.round;
    if (!round || round.trainer !== trainer) {
      const step = trainer.step;
      const epoch = trainer.epoch;
      const codes = await trainer.encodeResident('train');
      const queries = await trainer.encodeResident('liveTest');
      const labels = Uint8Array.from(trainer.trainIndices, (i) => this.data.trainLabels[i]);
      this.codes = { trainer, step, codes };
      const tally = new PrecisionTally(codes, labels, queries, this.queryLabels, trainer.codeSize, SEARCH_K);
      round = { trainer, tally, step, epoch, startedAt: t0, busyMs: 0 };
      this.round = round;
    } else {
      round.tally.advance(QUERIES_PER_CHUNK);
    }
    const now = performance.now();
    round.busyMs += now - t0;
    if (!round.tally.done) return;
    this.round = undefined;
    this.lastRoundAt = now;
    this.interval = Math.min(SEARCH_MAX_INTERVAL_MS, Math.max(SEARCH_INTERVAL_MS, round.busyMs / SEARCH_MAX_SHARE));
    const codeSize = trainer.codeSize;
    this.emit({ type: 'imageSearch', representation: 'autoencoder', score: round.tally.score(), complete: true, codeSize, step: round.step, epoch: round.epoch });
  }

  /** A whole round now (after step(), while paused). */
  async measureNow(trainer: Trainer): Promise<void> {
    if (!this.watching) return;
    this.round = undefined;
    do await this.work(trainer);
    while (this.round);
  }

  /** The k nearest training digits of the query, in pixels and in the current model's codes. */
  async neighbours(trainer: Trainer, query: SearchQuery, k: number): Promise<SearchResult> {
    if (!Number.isInteger(k) || k < 1 || k > trainer.trainIndices.length) {
      throw new RangeError(`k=${k} neighbours must be a whole number in 1..${trainer.trainIndices.length}`);
    }
    let image: Float32Array;
    let queryLabel = -1;
    if ('testIndex' in query) {
      const i = query.testIndex;
      if (!Number.isInteger(i) || i < 0 || i >= this.data.testCount) {
        throw new RangeError(`test digit ${i} does not exist (0..${this.data.testCount - 1})`);
      }
      image = imagesToFloat(this.data.testImages, [i]);
      queryLabel = this.data.testLabels[i];
    } else {
      if (!(query.image instanceof Float32Array) || query.image.length !== IMAGE_SIZE) {
        throw new RangeError(`a query image has ${IMAGE_SIZE} pixels`);
      }
      image = query.image.slice();
    }
    if (this.pixels?.trainer !== trainer) {
      this.pixels = { trainer, pixels: imagesToFloat(this.data.trainImages, trainer.trainIndices) };
    }
    if (this.codes?.trainer !== trainer || this.codes.step !== trainer.step) {
      this.codes = { trainer, step: trainer.step, codes: await trainer.encodeResident('train') };
    }
    const { step, codes } = this.codes;
    const queryCode = await trainer.encode(image, 1);
    return {
      queryLabel,
      query: image,
      pixels: this.hits(trainer, nearestNeighbours(this.pixels.pixels, IMAGE_SIZE, image, k)),
      code: this.hits(trainer, nearestNeighbours(codes, trainer.codeSize, queryCode, k)),
      reference: trainer.trainIndices.length,
      codeSize: trainer.codeSize,
      step,
    };
  }

  /** Subset rows -> training-set indices, labels and pixels. */
  private hits(trainer: Trainer, found: { indices: Int32Array; distances: Float64Array }): SearchHits {
    const indices = Int32Array.from(found.indices, (r) => trainer.trainIndices[r]);
    const images = new Uint8Array(indices.length * IMAGE_SIZE);
    indices.forEach((i, j) => images.set(this.data.trainImages.subarray(i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE), j * IMAGE_SIZE));
    return { indices, labels: Uint8Array.from(indices, (i) => this.data.trainLabels[i]), distances: found.distances, images };
  }

  dispose(): void {
    this.baselines.dispose();
  }
}
