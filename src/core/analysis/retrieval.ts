/**
 * Retrieval quality of a code: use each item as a query, fetch its nearest items in code space,
 * and count how many share the query's label (digit class, or a passage's genre). The curve of
 * that share against the number retrieved is Fig. 4 of Hinton & Salakhutdinov (2006), where
 * the codes of a deep autoencoder are compared with LSA codes of the same size.
 */
import { type DistanceMetric, nearestNeighbours, rowNorms } from './knn';

/** The numbers retrieved along the x axis of Hinton & Salakhutdinov's Fig. 4 (2^j - 1). */
export const RETRIEVAL_COUNTS: readonly number[] = [1, 3, 7, 15, 31, 63, 127, 255, 511, 1023];

/**
 * precision@k of one ranked result list: the share of its first k entries whose label equals
 * the query's.
 * @param rankedLabels labels of the retrieved items, best first (at least k of them)
 */
export function precisionAtK(rankedLabels: ArrayLike<number>, queryLabel: number, k: number): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k=${k} must be a positive integer`);
  if (rankedLabels.length < k) throw new RangeError(`precision@${k} needs ${k} results, got ${rankedLabels.length}`);
  let same = 0;
  for (let i = 0; i < k; i++) if (rankedLabels[i] === queryLabel) same++;
  return same / k;
}

/**
 * Mean precision@k of queries searched against a separate reference set (e.g. 1,000 test
 * digits against the training set, in pixels, PCA codes or autoencoder codes).
 * @param reference [nRef, dims] row-major, nRef = referenceLabels.length >= k
 * @param queries [nQuery, dims] row-major, nQuery = queryLabels.length >= 1
 */
export function meanPrecisionAtK(
  reference: Float32Array,
  referenceLabels: ArrayLike<number>,
  queries: Float32Array,
  queryLabels: ArrayLike<number>,
  dims: number,
  k: number,
  metric: DistanceMetric = 'euclidean',
): number {
  checkPoints(reference, referenceLabels.length, dims);
  checkPoints(queries, queryLabels.length, dims);
  if (queryLabels.length < 1) throw new RangeError('precision@k needs at least one query');
  if (!Number.isInteger(k) || k < 1 || k > referenceLabels.length) {
    throw new RangeError(`k=${k} must be an integer in 1..${referenceLabels.length} (the reference set)`);
  }
  const norms = metric === 'cosine' ? rowNorms(reference, dims) : undefined;
  const ranked = new Int32Array(k);
  let sum = 0;
  for (let q = 0; q < queryLabels.length; q++) {
    const query = queries.subarray(q * dims, (q + 1) * dims);
    const { indices } = nearestNeighbours(reference, dims, query, k, metric, { norms });
    for (let i = 0; i < k; i++) ranked[i] = referenceLabels[indices[i]];
    sum += precisionAtK(ranked, queryLabels[q], k);
  }
  return sum / queryLabels.length;
}

export interface RetrievalCurve {
  /** Numbers retrieved, as asked. */
  counts: number[];
  /** [counts.length] mean over the queries of the share of the retrieved items with the query's label. */
  fraction: Float64Array;
  /** How many queries were averaged. */
  queries: number;
}

export interface RetrievalOptions {
  /** Distance in code space; cosine (the angle between codes) as in Hinton & Salakhutdinov. */
  metric?: DistanceMetric;
  /** Indices of the items used as queries (all items when left out). */
  queries?: ArrayLike<number>;
  /**
   * [n] a group per item (e.g. the document a passage was cut from): items in the query's own
   * group are never retrieved, so passages of one document cannot vouch for each other.
   */
  groups?: ArrayLike<number>;
}

/**
 * The retrieval curve, leave-one-out: each query item retrieves its nearest items among the
 * others (ranked by distance, then index). When `groups` leaves a query fewer candidates than a
 * count, the share at that count is taken over the candidates there are.
 * @param points [n, dims] row-major codes, n = labels.length
 * @param counts numbers retrieved, each in 1..n-1
 */
export function retrievalCurve(
  points: Float32Array,
  labels: ArrayLike<number>,
  dims: number,
  counts: readonly number[],
  options: RetrievalOptions = {},
): RetrievalCurve {
  const n = labels.length;
  checkPoints(points, n, dims);
  if (n < 2) throw new RangeError('retrieval needs at least two items');
  if (counts.length === 0) throw new RangeError('no counts to measure at');
  for (const c of counts) {
    if (!Number.isInteger(c) || c < 1 || c > n - 1) throw new RangeError(`count ${c} must be an integer in 1..${n - 1}`);
  }
  const { metric = 'cosine', groups } = options;
  if (groups && groups.length !== n) throw new RangeError(`${groups.length} groups for ${n} items`);
  const queryIndices = options.queries ?? Array.from({ length: n }, (_, i) => i);
  const maxCount = Math.max(...counts);
  const norms = metric === 'cosine' ? rowNorms(points, dims) : undefined;
  const fraction = new Float64Array(counts.length);
  const sameSoFar = new Int32Array(maxCount + 1); // sameSoFar[r] = same-label items among the first r
  let queries = 0;
  for (let qi = 0; qi < queryIndices.length; qi++) {
    const q = queryIndices[qi];
    if (!Number.isInteger(q) || q < 0 || q >= n) throw new RangeError(`query index ${q} is not in 0..${n - 1}`);
    const group = groups?.[q];
    const skip = groups ? (i: number) => groups[i] === group : (i: number) => i === q;
    const query = points.subarray(q * dims, (q + 1) * dims);
    const { indices } = nearestNeighbours(points, dims, query, maxCount, metric, { skip, norms });
    const found = indices.length;
    if (found === 0) continue; // Every other item is in the query's group: nothing to judge.
    for (let r = 0; r < found; r++) sameSoFar[r + 1] = sameSoFar[r] + (labels[indices[r]] === labels[q] ? 1 : 0);
    counts.forEach((c, j) => {
      const r = Math.min(c, found);
      fraction[j] += sameSoFar[r] / r;
    });
    queries++;
  }
  if (queries > 0) for (let j = 0; j < fraction.length; j++) fraction[j] /= queries;
  else fraction.fill(Number.NaN);
  return { counts: [...counts], fraction, queries };
}

/**
 * The retrieval fraction of a code that knows nothing: retrieving at random, a query expects the
 * share of the OTHER items that carry its label. Averaged over all items as queries.
 */
export function chanceRetrievalFraction(labels: ArrayLike<number>): number {
  const n = labels.length;
  if (n < 2) throw new RangeError('retrieval needs at least two items');
  const sizes = new Map<number, number>();
  for (let i = 0; i < n; i++) sizes.set(labels[i], (sizes.get(labels[i]) ?? 0) + 1);
  let sum = 0;
  // Each of the m items of a label expects (m - 1) / (n - 1).
  for (const m of sizes.values()) sum += (m * (m - 1)) / (n - 1);
  return sum / n;
}

function checkPoints(points: Float32Array, n: number, dims: number): void {
  if (!Number.isInteger(dims) || dims < 1) throw new RangeError(`dims=${dims} must be a positive integer`);
  if (points.length !== n * dims) {
    throw new RangeError(`${points.length} coordinates are not ${n} labelled items x ${dims} dims`);
  }
}
