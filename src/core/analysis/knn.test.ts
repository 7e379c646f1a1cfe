import { describe, expect, it } from 'vitest';
import { knnAccuracy, knnLeaveOneOutAccuracy, nearestNeighbours, rowNorms } from './knn';

/** The definition, checked the slow way: sort all candidates by (distance, index), then vote. */
function bruteForcePredict(
  ref: Float32Array,
  refLabels: number[],
  query: Float32Array,
  q: number,
  dims: number,
  k: number,
  skip: number,
): number {
  const candidates: { dist: number; index: number }[] = [];
  for (let r = 0; r < refLabels.length; r++) {
    if (r === skip) continue;
    let dist = 0;
    for (let j = 0; j < dims; j++) dist += (ref[r * dims + j] - query[q * dims + j]) ** 2;
    candidates.push({ dist, index: r });
  }
  candidates.sort((a, b) => a.dist - b.dist || a.index - b.index);
  const nearest = candidates.slice(0, k).map((c) => refLabels[c.index]);
  const counts = new Map<number, number>();
  for (const label of nearest) counts.set(label, (counts.get(label) ?? 0) + 1);
  const most = Math.max(...counts.values());
  return nearest.find((label) => counts.get(label) === most) ?? Number.NaN;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** CPU milliseconds spent in fn (user + system): steadier than wall time on a shared machine. */
function cpuMs<T>(fn: () => T): { result: T; ms: number } {
  const before = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000 };
}

describe('knnAccuracy, worked by hand', () => {
  // Training points on the x axis: 0 and 1 are digit 0, 3 and 4 are digit 1, 10 is digit 2.
  const train = new Float32Array([0, 0, 1, 0, 3, 0, 4, 0, 10, 0]);
  const trainLabels = [0, 0, 1, 1, 2];
  const test = new Float32Array([0.4, 0, 2.1, 0, 1.9, 0, 8, 0, 3.6, 0.5]);
  const testLabels = [0, 0, 1, 2, 1];

  it('k = 1: the nearest neighbour', () => {
    // 0.4 -> 0 ✓; 2.1 -> 3 (1) ✗; 1.9 -> 1 (0) ✗; 8 -> 10 (2) ✓; (3.6, 0.5) -> 4 (1) ✓
    expect(knnAccuracy(train, trainLabels, test, testLabels, 2, 1)).toBeCloseTo(3 / 5, 12);
  });

  it('k = 3: the majority', () => {
    // 0.4: 0,0,1 -> 0 ✓; 2.1: 1,0,1 -> 1 ✗; 1.9: 0,1,0 -> 0 ✗; 8: 2,1,1 -> 1 ✗; (3.6, 0.5): 1,1,0 -> 1 ✓
    expect(knnAccuracy(train, trainLabels, test, testLabels, 2, 3)).toBeCloseTo(2 / 5, 12);
  });

  it('k = 2: a tied vote goes to the nearest neighbour', () => {
    // 0.4: 0,0 ✓; 2.1: 1,0 -> 1 ✗; 1.9: 0,1 -> 0 ✗; 8: 2,1 -> 2 ✓; (3.6, 0.5): 1,1 ✓
    expect(knnAccuracy(train, trainLabels, test, testLabels, 2, 2)).toBeCloseTo(3 / 5, 12);
  });

  it('a tie is broken by the nearest tied label, not by which label reached the count first', () => {
    // From 0.1 the neighbours in order are labels 7 (0.1), 3 (0.9), 3 (1.6), 7 (1.9): 2 votes each.
    const points = new Float32Array([0, 1, -1.5, 2]);
    const labels = [7, 3, 3, 7];
    expect(knnAccuracy(points, labels, new Float32Array([0.1]), [7], 1, 4)).toBe(1);
    expect(knnAccuracy(points, labels, new Float32Array([0.1]), [3], 1, 4)).toBe(0);
  });

  it('clamps k to the training set and refuses bad input', () => {
    // k = 5 and k = 9 both use all five points; 0.4 and (3.6, 0.5) win their ties, the others lose.
    expect(knnAccuracy(train, trainLabels, test, testLabels, 2, 9)).toBeCloseTo(2 / 5, 12);
    expect(knnAccuracy(train, trainLabels, test, testLabels, 2, 5)).toBeCloseTo(2 / 5, 12);
    expect(() => knnAccuracy(train, trainLabels, test, testLabels, 2, 0)).toThrow(RangeError);
    expect(() => knnAccuracy(train, trainLabels, test, testLabels, 3, 1)).toThrow(RangeError);
  });

  it('leave-one-out: each point against the others', () => {
    // Points 0, 1 (label 0), 3, 4 (label 1), 10 (label 2), k = 1:
    // 0 -> 1 ✓; 1 -> 0 ✓; 3 -> 4 ✓; 4 -> 3 ✓; 10 -> 4 (1) ✗
    expect(knnLeaveOneOutAccuracy(train, trainLabels, 2, 1)).toBeCloseTo(4 / 5, 12);
    // k = 2: 0 -> 1 (0), 3 (1): tie, nearest 0 ✓; 1 -> 0 (0), 3 (1) ✓ (0 is nearer);
    // 3 -> 4 (1), 1 (0) ✓; 4 -> 3 (1), 1 (0) ✓; 10 -> 4 (1), 3 (1) ✗
    expect(knnLeaveOneOutAccuracy(train, trainLabels, 2, 2)).toBeCloseTo(4 / 5, 12);
    expect(() => knnLeaveOneOutAccuracy(new Float32Array(2), [1], 2, 1)).toThrow(RangeError);
  });

  it('equals brute force on random points with many exact distance ties', () => {
    const rnd = lcg(17);
    for (const dims of [1, 2, 3]) {
      for (const k of [1, 2, 3, 4, 7]) {
        const n = 120;
        // Integer coordinates in a small grid: many equal distances and duplicate points.
        const ref = Float32Array.from({ length: n * dims }, () => Math.floor(rnd() * 6));
        const refLabels = Array.from({ length: n }, () => Math.floor(rnd() * 4));
        const query = Float32Array.from({ length: 40 * dims }, () => Math.floor(rnd() * 6));
        const queryLabels = Array.from({ length: 40 }, () => Math.floor(rnd() * 4));
        let correct = 0;
        for (let q = 0; q < 40; q++) if (bruteForcePredict(ref, refLabels, query, q, dims, k, -1) === queryLabels[q]) correct++;
        expect(knnAccuracy(ref, refLabels, query, queryLabels, dims, k)).toBe(correct / 40);
        let looCorrect = 0;
        for (let q = 0; q < n; q++) if (bruteForcePredict(ref, refLabels, ref, q, dims, k, q) === refLabels[q]) looCorrect++;
        expect(knnLeaveOneOutAccuracy(ref, refLabels, dims, k)).toBe(looCorrect / n);
      }
    }
  });

  it('treats NaN coordinates (a diverged code) as infinitely far, without stopping the search', () => {
    const points = new Float32Array([Number.NaN, 0, 0, 0, 1, 0, 10, 0]);
    const labels = [5, 0, 0, 2];
    // 0 -> 1 ✓ and 1 -> 0 ✓; 10 -> 1 (0) ✗; the NaN point -> index 1 (0) ✗.
    expect(knnLeaveOneOutAccuracy(points, labels, 2, 1)).toBeCloseTo(2 / 4, 12);
  });

  it('scores 5,000 test points against 10,000 in 2-D (correct and logs its CPU time; speed belongs in the benchmark)', () => {
    const n = 10000;
    const m = 5000;
    // Two well separated clusters: near-perfect accuracy expected.
    const pts = (count: number, offset: number) => {
      const p = new Float32Array(count * 2);
      for (let i = 0; i < count; i++) {
        p[2 * i] = (i % 2) * 10 + Math.sin(i * 12.9898 + offset);
        p[2 * i + 1] = Math.cos(i * 78.233 + offset);
      }
      return p;
    };
    const labels = (count: number) => Array.from({ length: count }, (_, i) => i % 2);
    const { result: accuracy, ms } = cpuMs(() => knnAccuracy(pts(n, 0), labels(n), pts(m, 1), labels(m), 2, 5));
    console.log(`knnAccuracy 5,000 x 10,000 in 2-D, k = 5: ${ms.toFixed(0)} ms of CPU`);
    expect(accuracy).toBe(1);
    // Leave-one-out on 20,000 points: brute force would be 400 million distances (seconds).
    const loo = cpuMs(() => knnLeaveOneOutAccuracy(pts(20000, 2), labels(20000), 2, 5));
    console.log(`knnLeaveOneOutAccuracy 20,000 in 2-D, k = 5: ${loo.ms.toFixed(0)} ms of CPU`);
    expect(loo.result).toBe(1);
  });
});

describe('nearestNeighbours, worked by hand', () => {
  it('euclidean: nearest first, equal distances ranked by index', () => {
    // From (0, 0): p0 (0, 0) -> 0; p1 (3, 4) -> 5; p2 (1, 0) -> 1; p3 (0, -2) -> 2; p4 (1, 0) -> 1.
    const points = new Float32Array([0, 0, 3, 4, 1, 0, 0, -2, 1, 0]);
    const { indices, distances } = nearestNeighbours(points, 2, [0, 0], 3, 'euclidean');
    expect(Array.from(indices)).toEqual([0, 2, 4]);
    expect(Array.from(distances)).toEqual([0, 1, 1]);
    // k past n returns all five; skipping the query itself (index 0) leaves the others.
    expect(Array.from(nearestNeighbours(points, 2, [0, 0], 9).indices)).toEqual([0, 2, 4, 3, 1]);
    const others = nearestNeighbours(points, 2, [0, 0], 2, 'euclidean', { skip: (i) => i === 0 });
    expect(Array.from(others.indices)).toEqual([2, 4]);
  });

  it('cosine: 1 - cos of the angle; a zero vector is at distance 1', () => {
    // Query (2, 0). p0 (1, 0): cos 1 -> 0; p1 (0, 2): cos 0 -> 1; p2 (-3, 0): cos -1 -> 2;
    // p3 (1, 1): cos 1/√2 -> 1 - 0.70710678 = 0.29289322; p4 (0, 0): -> 1; p5 (2, 0): -> 0.
    const points = new Float32Array([1, 0, 0, 2, -3, 0, 1, 1, 0, 0, 2, 0]);
    const { indices, distances } = nearestNeighbours(points, 2, [2, 0], 6, 'cosine');
    expect(Array.from(indices)).toEqual([0, 5, 3, 1, 4, 2]);
    const expected = [0, 0, 1 - Math.SQRT1_2, 1, 1, 2];
    expected.forEach((d, i) => expect(distances[i]).toBeCloseTo(d, 7));
    // Precomputed norms give the same answer: |p| = 1, 2, 3, √2, 0, 2.
    const norms = rowNorms(points, 2);
    [1, 2, 3, Math.SQRT2, 0, 2].forEach((len, i) => expect(norms[i]).toBeCloseTo(len, 7));
    expect(Array.from(nearestNeighbours(points, 2, [2, 0], 3, 'cosine', { norms }).indices)).toEqual([0, 5, 3]);
    // A zero query has no direction: every point is at distance 1, so the order is by index.
    expect(Array.from(nearestNeighbours(points, 2, [0, 0], 3, 'cosine').indices)).toEqual([0, 1, 2]);
  });

  it('NaN coordinates rank last; bad sizes are refused', () => {
    const points = new Float32Array([Number.NaN, 0, 5, 0, 1, 0]);
    const { indices, distances } = nearestNeighbours(points, 2, [0, 0], 3);
    expect(Array.from(indices)).toEqual([2, 1, 0]);
    expect(distances[2]).toBe(Infinity);
    expect(() => nearestNeighbours(points, 2, [0], 1)).toThrow(RangeError);
    expect(() => nearestNeighbours(points, 4, [0, 0, 0, 0], 1)).toThrow(RangeError);
    expect(() => nearestNeighbours(points, 2, [0, 0], 0)).toThrow(RangeError);
  });

  it('equals sorting all points by (distance, index), for every k, with many ties', () => {
    const rnd = lcg(5);
    for (const metric of ['euclidean', 'cosine'] as const) {
      for (const dims of [1, 3]) {
        const n = 90;
        const points = Float32Array.from({ length: n * dims }, () => Math.floor(rnd() * 5) - 2);
        for (let q = 0; q < 10; q++) {
          const query = Array.from({ length: dims }, () => Math.floor(rnd() * 5) - 2);
          const qn = Math.hypot(...query);
          const all = Array.from({ length: n }, (_, i) => {
            const row = Array.from(points.subarray(i * dims, (i + 1) * dims));
            // Integer sums of squares: equal distances are exactly equal here.
            if (metric === 'euclidean') return { i, d: Math.sqrt(row.reduce((s, v, j) => s + (v - query[j]) ** 2, 0)) };
            const scale = Math.hypot(...row) * qn;
            return { i, d: scale > 0 ? 1 - row.reduce((s, v, j) => s + v * query[j], 0) / scale : 1 };
          });
          all.sort((a, b) => a.d - b.d || a.i - b.i);
          for (const k of [1, 4, 17, 90]) {
            const got = nearestNeighbours(points, dims, query, k, metric);
            // Ranks agree exactly where distances differ by more than rounding.
            const want = all.slice(0, k);
            for (let r = 0; r < k; r++) expect(got.distances[r]).toBeCloseTo(want[r].d, 6);
            if (metric === 'euclidean') expect(Array.from(got.indices)).toEqual(want.map((w) => w.i));
          }
        }
      }
    }
  });
});
