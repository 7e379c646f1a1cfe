/**
 * The applications' measurements in the lab worker (issue 5): the similar-image search
 * (imageSearchMeter.ts) and the anomaly scores (anomalyMeter.ts). Each runs only while the page
 * watches it, takes a capped share of the training loop's time, and measures a fresh, stepped
 * or loaded model at once. The lab worker calls these with its lock held where it must.
 */
import * as Comlink from 'comlink';
import type { Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';
import type { SearchQuery, SearchResult } from './api';
import { AnomalyMeter } from './anomalyMeter';
import { ImageSearchMeter } from './imageSearchMeter';
import type { RunChannel } from './runChannel';

export class LabApplications {
  private readonly search: ImageSearchMeter;
  private readonly anomaly: AnomalyMeter;

  /** @param onSearchError the pixel and PCA searches failed (the failure's text) */
  constructor(data: MnistData, channel: RunChannel, onSearchError: (detail: string) => void) {
    this.anomaly = new AnomalyMeter(data, channel.emit);
    this.search = new ImageSearchMeter(data, channel.emit, onSearchError, () => channel.pin());
  }

  /** The page starts or stops watching the search; an idle model (not training) is measured at once. */
  async watchSearch(on: boolean, trainer: Trainer | undefined, idle: boolean): Promise<void> {
    if (this.search.on === on) return;
    this.search.watch(on, trainer);
    if (on && trainer && idle) await this.search.measureNow(trainer);
  }

  async watchAnomaly(on: boolean, trainer: Trainer | undefined, idle: boolean): Promise<void> {
    if (this.anomaly.on === on) return;
    this.anomaly.watch(on);
    if (on && trainer && idle) await this.anomaly.work(trainer);
  }

  /** A query's nearest training digits in pixels and codes, its buffers transferred. */
  async neighbours(trainer: Trainer, query: SearchQuery, k: number): Promise<SearchResult> {
    const r = await this.search.neighbours(trainer, query, k);
    const buffers = [r.query.buffer, ...[r.pixels, r.code].flatMap((h) => [h.indices.buffer, h.labels.buffer, h.distances.buffer, h.images.buffer])];
    return Comlink.transfer(r, buffers);
  }

  /** Between training chunks: whatever is due (each meter keeps its own share of the time). */
  async workDue(trainer: Trainer): Promise<void> {
    if (this.search.due(performance.now())) await this.search.work(trainer);
    if (this.anomaly.due(performance.now())) await this.anomaly.work(trainer);
  }

  /** After a single step: the stepped model, measured at once where watched. */
  async measureNow(trainer: Trainer): Promise<void> {
    await this.search.measureNow(trainer);
    await this.anomaly.work(trainer);
  }

  /** A fresh or loaded model (configure, reset, import): measurements start again. */
  async restart(trainer: Trainer): Promise<void> {
    this.anomaly.restart();
    await this.anomaly.work(trainer);
    if (!this.search.on) return;
    this.search.restart(trainer);
    await this.search.measureNow(trainer);
  }
}
