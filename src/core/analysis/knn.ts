/**
 * How well a code separates the digits: accuracy of a k-nearest-neighbour classifier that
 * labels each point by the majority label of its k nearest reference points (Euclidean
 * distance in the code space or its 2-D map).
 *
 * Exact search, the result of brute force: neighbours are ranked by (distance, index), a tied
 * vote goes to the tied label with the nearest neighbour. Candidates are visited outwards from
 * the query along the first coordinate, and the walk stops once that coordinate alone is farther
 * than the k-th best distance: for 5,000 points on a 2-D map that checks a few hundred
 * candidates per query instead of all of them, so the page can afford it.
 */

/**
 * Accuracy on a test set of a k-NN classifier fitted on a training set.
 * k larger than the training set is clamped to its size.
 * @param trainPoints [nTrain, dims] row-major, nTrain = trainLabels.length
 * @param testPoints [nTest, dims] row-major, nTest = testLabels.length
 * @returns fraction of test points whose predicted label equals their label, in [0, 1]
 */
export function knnAccuracy(
  trainPoints: Float32Array,
  trainLabels: ArrayLike<number>,
  testPoints: Float32Array,
  testLabels: ArrayLike<number>,
  dims: number,
  k: number,
): number {
  checkSizes(trainPoints, trainLabels.length, dims, k, 1);
  checkSizes(testPoints, testLabels.length, dims, k, 1);
  const search = new NeighbourSearch(trainPoints, trainLabels, dims, Math.min(k, trainLabels.length));
  let correct = 0;
  for (let t = 0; t < testLabels.length; t++) {
    if (search.predict(testPoints, t, -1) === testLabels[t]) correct++;
  }
  return correct / testLabels.length;
}

/**
 * Leave-one-out accuracy: each point is classified by its k nearest among the other points
 * (the "how well does the map separate the digits" number of a lesson). k is clamped to n - 1.
 * @param points [n, dims] row-major, n = labels.length >= 2
 */
export function knnLeaveOneOutAccuracy(
  points: Float32Array,
  labels: ArrayLike<number>,
  dims: number,
  k: number,
): number {
  checkSizes(points, labels.length, dims, k, 2);
  const search = new NeighbourSearch(points, labels, dims, Math.min(k, labels.length - 1));
  let correct = 0;
  for (let t = 0; t < labels.length; t++) {
    if (search.predict(points, t, t) === labels[t]) correct++;
  }
  return correct / labels.length;
}

function checkSizes(points: Float32Array, n: number, dims: number, k: number, minPoints: number): void {
  if (!Number.isInteger(dims) || dims < 1) throw new RangeError(`dims=${dims} must be a positive integer`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k=${k} must be a positive integer`);
  if (n < minPoints) throw new RangeError(`k-NN needs at least ${minPoints} point(s) here, got ${n}`);
  if (points.length < n * dims) {
    throw new RangeError(`${points.length} coordinates are fewer than ${n} labelled points x ${dims} dims`);
  }
}

/** The reference points sorted by their first coordinate, and the k best found so far for a query. */
class NeighbourSearch {
  /** Reference indices in order of (first coordinate, index). */
  private readonly order: Int32Array;
  /** First coordinate of order[i]. */
  private readonly firstCoordinate: Float64Array;
  private readonly bestDistance: Float64Array;
  private readonly bestIndex: Int32Array;
  private readonly votes = new Map<number, number>();

  constructor(
    private readonly points: Float32Array,
    private readonly labels: ArrayLike<number>,
    private readonly dims: number,
    private readonly k: number,
  ) {
    const n = labels.length;
    // A NaN coordinate (a diverged model's code) sorts last and is infinitely far away.
    const key = (i: number) => (Number.isNaN(points[i * dims]) ? Infinity : points[i * dims]);
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => key(a) - key(b) || a - b);
    this.order = Int32Array.from(order);
    this.firstCoordinate = Float64Array.from(order, key);
    this.bestDistance = new Float64Array(k);
    this.bestIndex = new Int32Array(k);
  }

  /** Predicted label of query row q of `queries`; reference index `skip` (or -1) is left out. */
  predict(queries: Float32Array, q: number, skip: number): number {
    const { points, dims, k, order, firstCoordinate, bestDistance, bestIndex } = this;
    const base = q * dims;
    const qx = queries[base];
    let found = 0;
    let right = lowerBound(firstCoordinate, qx);
    let left = right - 1;
    const n = order.length;
    while (left >= 0 || right < n) {
      // Step to whichever side is nearer along the first coordinate.
      const dl = left >= 0 ? qx - firstCoordinate[left] : Infinity;
      const dr = right < n ? firstCoordinate[right] - qx : Infinity;
      const fromLeft = dl <= dr;
      const gap = fromLeft ? dl : dr;
      // Every remaining candidate is at least `gap` away; equal to the worst could still win on index.
      if (found === k && gap * gap > bestDistance[k - 1]) break;
      const r = fromLeft ? order[left--] : order[right++];
      if (r === skip) continue;
      const p = r * dims;
      let dist = 0;
      for (let j = 0; j < dims; j++) {
        const diff = points[p + j] - queries[base + j];
        dist += diff * diff;
      }
      if (Number.isNaN(dist)) dist = Infinity;
      if (found === k && !before(dist, r, bestDistance[k - 1], bestIndex[k - 1])) continue;
      let slot = found < k ? found++ : k - 1;
      while (slot > 0 && before(dist, r, bestDistance[slot - 1], bestIndex[slot - 1])) {
        bestDistance[slot] = bestDistance[slot - 1];
        bestIndex[slot] = bestIndex[slot - 1];
        slot--;
      }
      bestDistance[slot] = dist;
      bestIndex[slot] = r;
    }
    return this.vote(found);
  }

  /** Majority label of the `found` best; among tied labels, the one whose neighbour is nearest. */
  private vote(found: number): number {
    const { votes, labels, bestIndex } = this;
    votes.clear();
    let most = 0;
    for (let i = 0; i < found; i++) {
      const label = labels[bestIndex[i]];
      const count = (votes.get(label) ?? 0) + 1;
      votes.set(label, count);
      most = Math.max(most, count);
    }
    for (let i = 0; i < found; i++) {
      const label = labels[bestIndex[i]];
      if (votes.get(label) === most) return label;
    }
    return Number.NaN; // No neighbour at all (not reachable with the size checks above).
  }
}

/** Ranking of neighbours: nearer first, then lower index. */
function before(dist: number, index: number, otherDist: number, otherIndex: number): boolean {
  return dist < otherDist || (dist === otherDist && index < otherIndex);
}

/** First position in the ascending array whose value is >= x. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How neighbours are measured: straight-line distance, or the angle between the vectors. */
export type DistanceMetric = 'euclidean' | 'cosine';

/** The k nearest points to one query, nearest first. */
export interface Neighbours {
  /** [found] point indices, ranked by (distance, index). */
  indices: Int32Array;
  /** [found] their distances: Euclidean length, or 1 - cosine similarity (0 = same direction, 2 = opposite). */
  distances: Float64Array;
}

export interface NeighbourOptions {
  /** Points for which this returns true are never retrieved (the query itself, its own document). */
  skip?: (index: number) => boolean;
  /** [n] row lengths from rowNorms(points, dims): pass them when calling per query in a loop (cosine only). */
  norms?: Float64Array;
}

/** [n] Euclidean length of each row of points ([n, dims] row-major). */
export function rowNorms(points: Float32Array, dims: number): Float64Array {
  if (!Number.isInteger(dims) || dims < 1) throw new RangeError(`dims=${dims} must be a positive integer`);
  const n = Math.floor(points.length / dims);
  const norms = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let sum = 0;
    for (let j = r * dims; j < (r + 1) * dims; j++) sum += points[j] * points[j];
    norms[r] = Math.sqrt(sum);
  }
  return norms;
}

/**
 * The k nearest points to a query, by brute force over all n = points.length / dims points
 * (exact; ties ranked by index). A bounded max-heap keeps the k best, so one query costs
 * O(n·dims + n·log k). Cosine distance is 1 - a·b / (|a|·|b|); a zero vector has no direction,
 * so its cosine similarity with anything is taken as 0 (distance 1). A NaN distance (a diverged
 * code) counts as infinitely far.
 * @param points [n, dims] row-major
 * @param query [dims]
 * @returns up to k neighbours (fewer when fewer points are left after `skip`)
 */
export function nearestNeighbours(
  points: Float32Array,
  dims: number,
  query: ArrayLike<number>,
  k: number,
  metric: DistanceMetric = 'euclidean',
  options: NeighbourOptions = {},
): Neighbours {
  if (!Number.isInteger(dims) || dims < 1) throw new RangeError(`dims=${dims} must be a positive integer`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k=${k} must be a positive integer`);
  if (query.length !== dims) throw new RangeError(`the query has ${query.length} coordinates, not dims = ${dims}`);
  if (points.length % dims !== 0) throw new RangeError(`${points.length} coordinates are not a whole number of ${dims}-dim points`);
  const n = points.length / dims;
  const { skip } = options;
  let norms: Float64Array | undefined;
  let queryNorm = 0;
  if (metric === 'cosine') {
    norms = options.norms ?? rowNorms(points, dims);
    if (norms.length !== n) throw new RangeError(`norms has ${norms.length} entries for ${n} points`);
    for (let j = 0; j < dims; j++) queryNorm += query[j] * query[j];
    queryNorm = Math.sqrt(queryNorm);
  }
  const heap = new WorstFirstHeap(Math.min(k, n));
  for (let r = 0; r < n; r++) {
    if (skip?.(r)) continue;
    const base = r * dims;
    let dist: number;
    if (norms) {
      let dot = 0;
      for (let j = 0; j < dims; j++) dot += points[base + j] * query[j];
      const scale = norms[r] * queryNorm;
      dist = scale > 0 ? 1 - dot / scale : 1;
    } else {
      let sum = 0;
      for (let j = 0; j < dims; j++) {
        const diff = points[base + j] - query[j];
        sum += diff * diff;
      }
      dist = Math.sqrt(sum);
    }
    heap.offer(Number.isNaN(dist) ? Infinity : dist, r);
  }
  return heap.sorted();
}

/** The k best (smallest (distance, index)) seen so far, with the worst of them at the root. */
class WorstFirstHeap {
  private readonly dist: Float64Array;
  private readonly index: Int32Array;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.dist = new Float64Array(capacity);
    this.index = new Int32Array(capacity);
  }

  offer(dist: number, index: number): void {
    const { dist: d, index: ix } = this;
    if (this.size < this.capacity) {
      // Sift up from the new leaf.
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(d[parent], ix[parent], dist, index)) break;
        d[i] = d[parent];
        ix[i] = ix[parent];
        i = parent;
      }
      d[i] = dist;
      ix[i] = index;
      return;
    }
    if (!before(dist, index, d[0], ix[0])) return;
    // Replace the root (the worst kept) and sift down.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const worse = right < this.size && before(d[left], ix[left], d[right], ix[right]) ? right : left;
      if (!before(dist, index, d[worse], ix[worse])) break;
      d[i] = d[worse];
      ix[i] = ix[worse];
      i = worse;
    }
    d[i] = dist;
    ix[i] = index;
  }

  /** Empties the heap into ranked order, nearest first. */
  sorted(): Neighbours {
    const found = this.size;
    const order = Array.from({ length: found }, (_, i) => i);
    order.sort((a, b) => this.dist[a] - this.dist[b] || this.index[a] - this.index[b]);
    const indices = Int32Array.from(order, (i) => this.index[i]);
    const distances = Float64Array.from(order, (i) => this.dist[i]);
    this.size = 0;
    return { indices, distances };
  }
}
