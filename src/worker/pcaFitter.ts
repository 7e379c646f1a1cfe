/**
 * Runs PCA baseline fits in pca.worker.ts for the lab worker: one fit at a time, a newer
 * request for a different subset or code size terminates the older fit, results are cached
 * (switching the loss or resetting does not refit).
 */
import { IMAGE_SIZE } from '../core/config';
import type { PcaBaselineScores, PcaFitReply, PcaFitRequest } from './pcaBaseline';

export interface PcaFitKey {
  /** The run's training subset: indices into the 60,000 training digits. */
  trainIndices: Int32Array;
  /** Identifies the subset (it is a function of size and seed). */
  trainSize: number;
  seed: number;
  codeSize: number;
  /** The digits the subset is drawn from (anomaly detection), when not all ten. */
  normalDigits?: readonly number[];
}

const keyText = (k: PcaFitKey) => `${k.trainSize}:${k.seed}:${k.codeSize}${k.normalDigits ? `:${k.normalDigits.join(',')}` : ''}`;

export class PcaFitter {
  private worker?: Worker;
  private running?: { key: string; id: number };
  private nextId = 1;
  private readonly cache = new Map<string, PcaBaselineScores>();
  private readonly listeners = new Map<string, (s: PcaBaselineScores) => void>();

  /**
   * @param trainImages [60000, 784] uint8, all training digits
   * @param testImages [m, 784] uint8, the live test subset
   * @param scatter [s, 784] uint8 scatter digits and labels, placed on the PCA-2 map with each fit
   */
  constructor(
    private readonly trainImages: Uint8Array,
    private readonly testImages: Uint8Array,
    /** The fit failed: the failure's text (the page words the message). */
    private readonly onError: (detail: string) => void,
    private readonly scatter?: { images: Uint8Array; labels: Uint8Array; n: number },
  ) {}

  /** Calls `done` with the scores for `key`, now if cached, else when the fit ends (unless superseded). */
  request(key: PcaFitKey, done: (s: PcaBaselineScores) => void): void {
    const text = keyText(key);
    const cached = this.cache.get(text);
    this.listeners.clear();
    if (cached) {
      done(cached);
      return;
    }
    this.listeners.set(text, done);
    if (this.running?.key === text) return;
    if (this.running) this.cancel();
    this.start(key, text);
  }

  private start(key: PcaFitKey, text: string): void {
    const n = key.trainIndices.length;
    const train = new Uint8Array(n * IMAGE_SIZE);
    for (let r = 0; r < n; r++) {
      const from = key.trainIndices[r] * IMAGE_SIZE;
      train.set(this.trainImages.subarray(from, from + IMAGE_SIZE), r * IMAGE_SIZE);
    }
    const test = this.testImages.slice();
    const id = this.nextId++;
    this.running = { key: text, id };
    const worker = this.ensureWorker();
    const scatter = this.scatter && { images: this.scatter.images.slice(), labels: this.scatter.labels.slice(), n: this.scatter.n };
    const request: PcaFitRequest = { id, train, n, test, m: test.length / IMAGE_SIZE, k: key.codeSize, scatter };
    const transfer = [train.buffer, test.buffer, ...(scatter ? [scatter.images.buffer, scatter.labels.buffer] : [])];
    worker.postMessage(request, transfer);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./pca.worker.ts', import.meta.url), { type: 'module', name: 'pca' });
    worker.onmessage = (e: MessageEvent<PcaFitReply>) => this.onReply(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.cancel();
      this.onError(e.message || 'the PCA worker failed');
    };
    this.worker = worker;
    return worker;
  }

  private onReply(reply: PcaFitReply): void {
    const running = this.running;
    if (!running || reply.id !== running.id) return;
    this.running = undefined;
    if ('error' in reply) {
      this.onError(reply.error);
      return;
    }
    this.cache.set(running.key, reply.scores);
    const listener = this.listeners.get(running.key);
    this.listeners.delete(running.key);
    listener?.(reply.scores);
  }

  /** Stops the fit in progress: a synchronous fit can only be stopped by ending its worker. */
  private cancel(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.running = undefined;
  }

  dispose(): void {
    this.cancel();
    this.listeners.clear();
  }
}
