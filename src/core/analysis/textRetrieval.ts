/**
 * Text retrieval on the Brown passages, the same way for the autoencoder's codes and LSA's:
 * the retrieval curve of Hinton & Salakhutdinov (2006, Fig. 4) and the nearest passages of a
 * typed query. Distances are cosines between codes, as theirs.
 *
 * How the curve is measured here: 1,000 passages spread evenly over the corpus are the queries;
 * each retrieves its nearest passages among all passages of OTHER documents (passages of its
 * own document share names and topic words and would vouch for each other), and the curve is
 * the share of the retrieved passages with the query's genre, against the number retrieved.
 * Both models are fitted on all passages without their genres, so no label leaks into a code.
 */
import { nearestNeighbours, rowNorms } from './knn';
import { RETRIEVAL_COUNTS, retrievalCurve, type RetrievalCurve } from './retrieval';

/** Passages used as queries for the curve. */
export const TEXT_QUERY_COUNT = 1000;
/** Numbers retrieved along the curve's x axis (2^j - 1, as Fig. 4), up to 1,023. */
export const TEXT_RETRIEVAL_COUNTS: readonly number[] = RETRIEVAL_COUNTS;
/** The number retrieved that the lesson's claim reads. */
export const CLAIM_RETRIEVED = 15;

/** `count` passage indices spread evenly over 0..n-1 (all of them when n <= count). */
export function textQueryIndices(n: number, count = TEXT_QUERY_COUNT): Int32Array {
  const m = Math.min(n, count);
  return Int32Array.from({ length: m }, (_, i) => Math.floor((i * n) / m));
}

/**
 * The retrieval curve of passage codes (see the file comment).
 * @param codes [n, dims] row-major, n = genre.length
 * @param genre [n] the label a retrieved passage must share
 * @param document [n] passages of the query's own document are never retrieved
 */
export function passageRetrievalCurve(
  codes: Float32Array,
  dims: number,
  genre: ArrayLike<number>,
  document: ArrayLike<number>,
  counts: readonly number[] = TEXT_RETRIEVAL_COUNTS,
): RetrievalCurve {
  const n = genre.length;
  const usable = counts.filter((c) => c <= n - 1);
  return retrievalCurve(codes, genre, dims, usable, { metric: 'cosine', groups: document, queries: textQueryIndices(n) });
}

/** The curve's value at `count` retrieved, or undefined if it was not measured there. */
export function fractionAt(curve: { counts: readonly number[]; fraction: ArrayLike<number> }, count: number): number | undefined {
  const i = curve.counts.indexOf(count);
  return i < 0 ? undefined : curve.fraction[i];
}

export interface PassageHits {
  /** [k] passage indices, nearest first. */
  indices: Int32Array;
  /** [k] cosine similarity of each to the query code (1 = same direction). */
  similarity: Float64Array;
}

/**
 * The k passages whose codes are nearest to a query code by angle.
 * @param codes [n, dims]  @param query [dims]; a zero query (no known word) matches nothing
 */
export function nearestPassages(codes: Float32Array, dims: number, query: ArrayLike<number>, k: number, norms?: Float64Array): PassageHits {
  let length = 0;
  for (let j = 0; j < dims; j++) length += query[j] * query[j];
  if (!(length > 0)) return { indices: new Int32Array(0), similarity: new Float64Array(0) };
  const { indices, distances } = nearestNeighbours(codes, dims, query, k, 'cosine', { norms: norms ?? rowNorms(codes, dims) });
  return { indices: Int32Array.from(indices), similarity: Float64Array.from(distances, (d) => 1 - d) };
}
