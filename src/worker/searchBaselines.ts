/**
 * The similar-image search's reference figures, pixels and PCA codes, measured in a plain
 * worker of their own (search.worker.ts, no tfjs) so that the slow pixel search (1,000
 * queries x 10,000 images x 784 numbers: seconds of JavaScript) runs beside training, not in
 * its way. One measurement at a time; a newer request for another training subset or code size
 * ends the older one (terminate); finished scores are cached.
 */
import { PrecisionTally, searchScore, type SearchScore } from '../core/analysis/imageSearch';
import { fitPca, pcaProject } from '../core/analysis/pca';
import { IMAGE_SIZE } from '../core/config';
import { imagesToFloat } from '../core/data/dataset';

/** Queries per partial pixel score: the table fills while the pixel search runs. */
export const PIXEL_PARTIAL_QUERIES = 200;

/** Message to search.worker.ts. */
export interface SearchRequest {
  id: number;
  /** [n, 784] uint8 training subset and its [n] labels: the reference set. */
  train: Uint8Array;
  trainLabels: Uint8Array;
  /** [m, 784] uint8 queries and their [m] labels. */
  queries: Uint8Array;
  queryLabels: Uint8Array;
  /** PCA components = the autoencoder's code size. */
  codeSize: number;
  /** Neighbours per query (precision@k). */
  k: number;
}

export type SearchReply =
  | { id: number; representation: 'pixels' | 'pca'; score: SearchScore; complete: boolean }
  | { id: number; error: string };

/**
 * What search.worker.ts computes, as a plain function (so Node tests can run it): PCA first
 * (a fit of a few seconds, then a fast search), then pixels with partial scores.
 */
export function measureSearchBaselines(r: SearchRequest, post: (reply: SearchReply) => void): void {
  const n = r.trainLabels.length;
  const m = r.queryLabels.length;
  const reference = imagesToFloat(r.train, null);
  const queries = imagesToFloat(r.queries, null);
  const pca = fitPca(reference, n, IMAGE_SIZE, r.codeSize);
  const pcaScore = searchScore(pcaProject(pca, reference, n), r.trainLabels, pcaProject(pca, queries, m), r.queryLabels, r.codeSize, r.k);
  post({ id: r.id, representation: 'pca', score: pcaScore, complete: true });
  const tally = new PrecisionTally(reference, r.trainLabels, queries, r.queryLabels, IMAGE_SIZE, r.k);
  while (!tally.advance(PIXEL_PARTIAL_QUERIES)) post({ id: r.id, representation: 'pixels', score: tally.score(), complete: false });
  post({ id: r.id, representation: 'pixels', score: tally.score(), complete: true });
}

export interface SearchBaselineKey {
  /** The run's training subset: indices into the 60,000 training digits. */
  trainIndices: Int32Array;
  /** Identifies the subset, with the seed (the subset is a function of size and seed). */
  trainSize: number;
  seed: number;
  codeSize: number;
  /** The digits the subset is drawn from, when not all ten. */
  normalDigits?: readonly number[];
}

type Result = { representation: 'pixels' | 'pca'; score: SearchScore; complete: boolean };
const keyText = (k: SearchBaselineKey) => `${k.trainSize}:${k.seed}:${k.codeSize}${k.normalDigits ? `:${k.normalDigits.join(',')}` : ''}`;

export class SearchBaselines {
  private worker?: Worker;
  private running?: { key: string; id: number };
  private nextId = 1;
  private readonly cache = new Map<string, Result[]>();
  private listener?: { key: string; fn: (r: Result) => void };

  /**
   * @param trainImages [60000, 784] uint8 and trainLabels [60000]: all training digits
   * @param queries [m, 784] uint8 query digits and their labels
   */
  constructor(
    private readonly trainImages: Uint8Array,
    private readonly trainLabels: Uint8Array,
    private readonly queries: { images: Uint8Array; labels: Uint8Array },
    private readonly k: number,
    /** The searches failed: the failure's text (the page words the message). */
    private readonly onError: (detail: string) => void,
  ) {}

  /** Calls `done` with each score for `key` (cached ones at once), until the next request. */
  request(key: SearchBaselineKey, done: (r: Result) => void): void {
    const text = keyText(key);
    this.listener = { key: text, fn: done };
    const cached = this.cache.get(text);
    if (cached && cached.some((r) => r.representation === 'pixels' && r.complete)) {
      cached.forEach(done);
      return;
    }
    if (this.running?.key === text) {
      cached?.forEach(done);
      return;
    }
    this.cancel();
    this.start(key, text);
  }

  /** Stops listening (the page no longer watches); a measurement in progress is ended. */
  stop(): void {
    this.listener = undefined;
    this.cancel();
  }

  private start(key: SearchBaselineKey, text: string): void {
    const n = key.trainIndices.length;
    const train = new Uint8Array(n * IMAGE_SIZE);
    const trainLabels = new Uint8Array(n);
    for (let r = 0; r < n; r++) {
      const i = key.trainIndices[r];
      train.set(this.trainImages.subarray(i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE), r * IMAGE_SIZE);
      trainLabels[r] = this.trainLabels[i];
    }
    const queries = this.queries.images.slice();
    const queryLabels = this.queries.labels.slice();
    const id = this.nextId++;
    this.running = { key: text, id };
    this.cache.delete(text);
    const request: SearchRequest = { id, train, trainLabels, queries, queryLabels, codeSize: key.codeSize, k: this.k };
    this.ensureWorker().postMessage(request, [train.buffer, trainLabels.buffer, queries.buffer, queryLabels.buffer]);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' });
    worker.onmessage = (e: MessageEvent<SearchReply>) => this.onReply(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.cancel();
      this.onError(e.message || 'the search worker failed');
    };
    this.worker = worker;
    return worker;
  }

  private onReply(reply: SearchReply): void {
    const running = this.running;
    if (!running || reply.id !== running.id) return;
    if ('error' in reply) {
      this.running = undefined;
      this.onError(reply.error);
      return;
    }
    const result: Result = { representation: reply.representation, score: reply.score, complete: reply.complete };
    const kept = (this.cache.get(running.key) ?? []).filter((r) => r.representation !== result.representation);
    this.cache.set(running.key, [...kept, result]);
    if (result.representation === 'pixels' && result.complete) this.running = undefined;
    if (this.listener?.key === running.key) this.listener.fn(result);
  }

  private cancel(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.running = undefined;
  }

  dispose(): void {
    this.stop();
  }
}
