/**
 * Similar-image search (lecture 001/002): a query image is compared with every image of a
 * reference set, either as its 784 pixels or as a short code (PCA's or the encoder's), and the
 * nearest ones are returned. Two numbers judge a representation: precision@k (the share of the
 * k retrieved images that show the query's digit) and what a search costs, the memory of the
 * reference set (n x dims float32 numbers) and the time per query (proportional to dims).
 *
 * Brute force over the whole reference set (knn.ts's nearestNeighbours), measured in chunks of
 * queries so a caller in a worker can yield between chunks and keep training.
 */
import { nearestNeighbours } from './knn';
import { precisionAtK } from './retrieval';

/** Bytes a reference set of n codes of `dims` float32 numbers holds (4 bytes a number). */
export function searchBytes(n: number, dims: number): number {
  return n * dims * Float32Array.BYTES_PER_ELEMENT;
}

export interface SearchScore {
  /** Mean precision@k over the queries measured, in [0, 1]. */
  precision: number;
  /** Queries measured. */
  queries: number;
  k: number;
  /** Numbers per image in this representation (784 for pixels, the code size for codes). */
  dims: number;
  /** Images in the reference set searched. */
  reference: number;
  /** Memory of the reference set, bytes (searchBytes). */
  bytes: number;
  /** Wall-clock milliseconds per query, searching the whole reference set. */
  msPerQuery: number;
}

/**
 * Mean precision@k of a set of queries against a reference set, measured a chunk of queries at
 * a time (advance()), so the cost can be spread between training steps.
 */
export class PrecisionTally {
  private next = 0;
  private sum = 0;
  private ms = 0;
  private readonly ranked: Int32Array;

  /**
   * @param reference [nRef, dims] row-major, nRef = referenceLabels.length >= k
   * @param queries [nQuery, dims] row-major, nQuery = queryLabels.length >= 1
   */
  constructor(
    private readonly reference: Float32Array,
    private readonly referenceLabels: ArrayLike<number>,
    private readonly queries: Float32Array,
    private readonly queryLabels: ArrayLike<number>,
    readonly dims: number,
    readonly k: number,
  ) {
    if (!Number.isInteger(dims) || dims < 1) throw new RangeError(`dims=${dims} must be a positive integer`);
    if (reference.length !== referenceLabels.length * dims) {
      throw new RangeError(`${reference.length} reference numbers are not ${referenceLabels.length} images x ${dims}`);
    }
    if (queries.length !== queryLabels.length * dims) {
      throw new RangeError(`${queries.length} query numbers are not ${queryLabels.length} images x ${dims}`);
    }
    if (queryLabels.length < 1) throw new RangeError('a search needs at least one query');
    if (!Number.isInteger(k) || k < 1 || k > referenceLabels.length) {
      throw new RangeError(`k=${k} must be an integer in 1..${referenceLabels.length} (the reference set)`);
    }
    this.ranked = new Int32Array(k);
  }

  get done(): boolean {
    return this.next >= this.queryLabels.length;
  }

  /** Queries measured so far. */
  get measured(): number {
    return this.next;
  }

  /** Searches the next `count` queries (fewer at the end); returns true when all are done. */
  advance(count: number): boolean {
    const { reference, referenceLabels, queries, queryLabels, dims, k, ranked } = this;
    const end = Math.min(queryLabels.length, this.next + Math.max(1, Math.floor(count)));
    const t0 = performance.now();
    for (let q = this.next; q < end; q++) {
      const { indices } = nearestNeighbours(reference, dims, queries.subarray(q * dims, (q + 1) * dims), k);
      for (let i = 0; i < k; i++) ranked[i] = referenceLabels[indices[i]];
      this.sum += precisionAtK(ranked, queryLabels[q], k);
    }
    this.ms += performance.now() - t0;
    this.next = end;
    return this.done;
  }

  /** The score of the queries measured so far (all of them once done). */
  score(): SearchScore {
    const n = this.next;
    const reference = this.referenceLabels.length;
    return {
      precision: n > 0 ? this.sum / n : Number.NaN,
      queries: n,
      k: this.k,
      dims: this.dims,
      reference,
      bytes: searchBytes(reference, this.dims),
      msPerQuery: n > 0 ? this.ms / n : Number.NaN,
    };
  }
}

/** Runs a tally to the end in one go (tests, the quality script). */
export function searchScore(
  reference: Float32Array,
  referenceLabels: ArrayLike<number>,
  queries: Float32Array,
  queryLabels: ArrayLike<number>,
  dims: number,
  k: number,
): SearchScore {
  const tally = new PrecisionTally(reference, referenceLabels, queries, queryLabels, dims, k);
  tally.advance(queryLabels.length);
  return tally.score();
}
