/**
 * The text-retrieval lesson's autoencoders in the lab worker (which owns tfjs and the backend):
 * two TextRuns over the Brown passages, the map (2-number code) and the retrieval code (10
 * numbers), trained in alternating chunks of ~40 ms by a loop of their own, started and paused
 * by the lesson's panel (never by the MNIST controls). Between chunks it yields a task, so the
 * MNIST loop, decodes and queries are served. The map and both retrieval curves are measured
 * with a capped share of the time (MEASURE_SHARE), and at once when loaded, paused or reset.
 */
import type { PassageCorpus } from '../core/data/brownPassages';
import { encodeText, vocabularyIndex } from '../core/data/textCorpus';
import { chanceRetrievalFraction } from '../core/analysis/retrieval';
import { nearestPassages, passageRetrievalCurve, textQueryIndices, TEXT_RETRIEVAL_COUNTS } from '../core/analysis/textRetrieval';
import { rowNorms } from '../core/analysis/knn';
import { unigramCrossEntropy } from '../core/kinds/text/model';
import { TextRun, type TextRunConfig } from '../core/kinds/text/run';
import type { WorkerEvent } from './api';
import type { TextCorpusInfo, TextLoadResult, TextQueryResult } from './apiText';
import { loadPassages, TextDataError } from './textData';
import { tick } from './runMeter';

type Emit = (e: WorkerEvent, transfer?: Transferable[]) => void;

/** Hidden widths, 2000 -> 250 -> code: measured in Node, one layer of 250 learns fastest at this budget (quality/textRetrieval). */
export const TEXT_ENCODER_LAYERS = [250];
/** Learning rates (Adam): the 10-number code, and the map (a 2-number code is less stable at 0.003). */
const RETRIEVAL_RATE = 0.003;
const MAP_RATE = 0.001;
const BATCH = 64;
const CHUNK_MS = 40;
const PROGRESS_MS = 100;
/** At most this share of the wall time goes to the measurements while training. */
const MEASURE_SHARE = 0.2;
const MIN_MEASURE_MS = 2000;

export function textRunConfigs(seed: number): { retrieval: TextRunConfig; map: TextRunConfig } {
  const model = (codeSize: number) => ({ encoderLayers: [...TEXT_ENCODER_LAYERS], codeSize, hiddenActivation: 'relu' as const });
  return {
    retrieval: { model: model(10), learningRate: RETRIEVAL_RATE, batchSize: BATCH, seed },
    map: { model: model(2), learningRate: MAP_RATE, batchSize: BATCH, seed },
  };
}

export class TextRetrievalLab {
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private stepsPerChunk = 2;
  private lastMeasureAt = -Infinity;
  private measureInterval = MIN_MEASURE_MS;
  /** Codes of the last measurement (queries are answered in them). */
  private codes?: { step: number; retrieval: Float32Array; norms: Float64Array; map: Float32Array };
  private readonly index: Map<string, number>;
  private lastLoss = { retrieval: Number.NaN, map: Number.NaN, passagesPerSec: 0 };

  private constructor(
    private readonly corpus: PassageCorpus,
    private readonly retrieval: TextRun,
    private readonly map: TextRun,
    private readonly emit: Emit,
    private readonly emitError: (detail: string) => void,
  ) {
    this.index = vocabularyIndex(corpus.vocabulary);
  }

  /** Loads the passages (a TextDataError names the file and the fix) and builds both runs. */
  static async load(dataUrl: string, emit: Emit, emitError: (detail: string) => void, seed = 1, fetchImpl: typeof fetch = fetch): Promise<TextRetrievalLab> {
    const corpus = await loadPassages(dataUrl, fetchImpl);
    const configs = textRunConfigs(seed);
    const d = corpus.vocabulary.length;
    return new TextRetrievalLab(corpus, new TextRun(corpus.bags, d, configs.retrieval), new TextRun(corpus.bags, d, configs.map), emit, emitError);
  }

  info(): TextCorpusInfo {
    const c = this.corpus;
    return {
      source: c.source,
      size: c.size,
      vocabularySize: c.vocabulary.length,
      genres: c.genres,
      genre: c.genre.slice(),
      counts: TEXT_RETRIEVAL_COUNTS.filter((k) => k < c.size),
      queries: textQueryIndices(c.size).length,
      chance: chanceRetrievalFraction(c.genre),
      encoderLayers: [...TEXT_ENCODER_LAYERS],
      unigramLoss: unigramCrossEntropy(c.bags, c.vocabulary.length),
    };
  }

  get isRunning(): boolean {
    return this.running;
  }

  train(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  async pause(): Promise<void> {
    const was = this.running;
    this.running = false;
    await this.loopDone;
    if (was) {
      this.progress(this.lastLoss.retrieval, this.lastLoss.map, this.lastLoss.passagesPerSec);
      await this.measure();
    }
  }

  async reset(): Promise<void> {
    await this.pause();
    this.retrieval.reset();
    this.map.reset();
    this.codes = undefined;
    this.lastLoss = { retrieval: Number.NaN, map: Number.NaN, passagesPerSec: 0 };
    this.progress(Number.NaN, Number.NaN, 0);
    await this.measure();
  }

  /** Measures now (a fresh panel asks for it); the codes that queries use are refreshed. */
  async measure(): Promise<void> {
    const t0 = performance.now();
    const [retrieval, map] = [await this.retrieval.encodeAll(), await this.map.encodeAll()];
    const { genre, document } = this.corpus;
    const retrievalCurve = passageRetrievalCurve(retrieval, 10, genre, document);
    const mapCurve = passageRetrievalCurve(map, 2, genre, document);
    this.codes = { step: this.retrieval.step, retrieval, norms: rowNorms(retrieval, 10), map };
    const ms = performance.now() - t0;
    const mapPoints = map.slice();
    this.emit(
      {
        type: 'textMeasure',
        step: this.retrieval.step,
        epoch: this.retrieval.epoch,
        mapPoints,
        retrieval: { codeSize: 10, fraction: retrievalCurve.fraction },
        map: { codeSize: 2, fraction: mapCurve.fraction },
        ms,
      },
      [mapPoints.buffer],
    );
    this.lastMeasureAt = performance.now();
    this.measureInterval = Math.max(MIN_MEASURE_MS, ms / MEASURE_SHARE);
  }

  /** A typed query through the current encoders: its point on the map and its k nearest passages. */
  async query(text: string, k: number): Promise<TextQueryResult> {
    if (!this.codes || this.codes.step !== this.retrieval.step) await this.measure();
    const codes = this.codes!;
    const { vocabulary } = this.corpus;
    const encoded = encodeText(text, vocabulary, this.index);
    const result: TextQueryResult = { known: encoded.known, unknown: encoded.unknown, hits: [], step: codes.step };
    if (encoded.known.length === 0) return result;
    const code = await this.retrieval.encodeRows(encoded.row, 1);
    const point = await this.map.encodeRows(encoded.row, 1);
    result.point = [point[0], point[1]];
    const hits = nearestPassages(codes.retrieval, 10, code, k, codes.norms);
    result.hits = Array.from(hits.indices, (index, i) => ({
      index,
      genre: this.corpus.genre[index],
      document: this.corpus.documents[this.corpus.document[index]],
      snippet: this.corpus.snippet[index],
      similarity: hits.similarity[i],
    }));
    return result;
  }

  dispose(): void {
    this.running = false;
    this.retrieval.dispose();
    this.map.dispose();
  }

  private async loop(): Promise<void> {
    let lastProgress = performance.now();
    let losses = { retrieval: 0, map: 0, reads: 0, passages: 0, ms: 0 };
    try {
      while (this.running) {
        const t0 = performance.now();
        const n = this.stepsPerChunk;
        this.retrieval.steps(n);
        this.map.steps(n);
        const [r, m] = await Promise.all([this.retrieval.readTrainMetrics(), this.map.readTrainMetrics()]);
        const ms = performance.now() - t0;
        // Aim each chunk at CHUNK_MS (at least one step each).
        this.stepsPerChunk = Math.max(1, Math.min(64, Math.round((n * CHUNK_MS) / Math.max(ms, 1))));
        losses = { retrieval: losses.retrieval + r.loss, map: losses.map + m.loss, reads: losses.reads + 1, passages: losses.passages + 2 * n * BATCH, ms: losses.ms + ms };
        const now = performance.now();
        if (now - lastProgress >= PROGRESS_MS) {
          this.lastLoss = { retrieval: losses.retrieval / losses.reads, map: losses.map / losses.reads, passagesPerSec: (1000 * losses.passages) / losses.ms };
          this.progress(this.lastLoss.retrieval, this.lastLoss.map, this.lastLoss.passagesPerSec);
          losses = { retrieval: 0, map: 0, reads: 0, passages: 0, ms: 0 };
          lastProgress = now;
        }
        if (now - this.lastMeasureAt >= this.measureInterval) await this.measure();
        await tick();
      }
    } catch (e) {
      this.running = false;
      this.emitError(e instanceof Error ? e.message : String(e));
      this.progress(this.lastLoss.retrieval, this.lastLoss.map, this.lastLoss.passagesPerSec);
    }
  }

  private progress(loss: number, mapLoss: number, passagesPerSec: number): void {
    this.emit({
      type: 'textProgress',
      step: this.retrieval.step,
      epoch: this.retrieval.epoch,
      loss,
      mapLoss,
      passagesPerSec,
      running: this.running,
    });
  }
}

/**
 * The lab worker's handle on the text models: built once, when the panel first asks; a failed
 * load (a missing passages file) is forgotten, so the next ask tries again.
 */
export class LabText {
  private lab?: Promise<TextRetrievalLab>;

  constructor(
    private readonly emit: Emit,
    private readonly emitError: (detail: string) => void,
  ) {}

  /** The corpus, or (a missing or broken passages file) the file and the fix, for the panel to word; MNIST goes on. */
  async load(dataUrl: string): Promise<TextLoadResult> {
    this.lab ??= TextRetrievalLab.load(dataUrl, this.emit, this.emitError);
    let lab: TextRetrievalLab;
    try {
      lab = await this.lab;
    } catch (e) {
      this.lab = undefined;
      if (e instanceof TextDataError) return { ok: false, problem: e.problem, hint: e.hint };
      throw e;
    }
    await lab.measure();
    return { ok: true, info: lab.info() };
  }

  async train(on: boolean): Promise<void> {
    const lab = await this.require();
    if (on) lab.train();
    else await lab.pause();
  }

  async reset(): Promise<void> {
    await (await this.require()).reset();
  }

  async query(text: string, k: number): Promise<TextQueryResult> {
    return (await this.require()).query(text, k);
  }

  private require(): Promise<TextRetrievalLab> {
    if (!this.lab) throw new Error('The text-retrieval models are not loaded yet (textLoad() first).');
    return this.lab;
  }
}
