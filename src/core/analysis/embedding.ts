/**
 * 2-D maps for the visualization lesson: UMAP (umap-js, the PAIR-code implementation) of any
 * points, raw pixels or an autoencoder's codes. The lecture's recipe: reduce the digits to a
 * small code with an autoencoder first, then run UMAP or t-SNE on the codes, which is cheaper
 * (32 numbers per digit instead of 784) and often separates the digits better.
 *
 * Pure JS on Float32Arrays, no tfjs: it runs in a worker of its own (or in Node for tests).
 */
import { UMAP } from 'umap-js';
import { createRng } from '../data/rng';

export interface UmapOptions {
  /** Neighbours that define the local structure (umap-js default 15). */
  nNeighbors?: number;
  /** How tightly points may pack on the map (umap-js default 0.1). */
  minDist?: number;
  /** Optimisation epochs; umap-js picks 500 below 10,000 points. */
  nEpochs?: number;
  /** Seeds every random choice: the same seed and data give the same map. */
  seed: number;
  /** Called every `progressEvery` epochs with (epochsDone, nEpochs); return false to stop early. */
  onProgress?: (done: number, total: number) => boolean | void;
  progressEvery?: number;
}

export interface UmapResult {
  /** [n, 2] row-major map coordinates (arbitrary units). */
  points: Float32Array;
  /** Epochs optimised (fewer than planned if onProgress stopped it). */
  epochs: number;
}

/** Why a set of points cannot be mapped, in words for the page; undefined when it can. */
export function umapInputProblem(data: Float32Array, n: number, dims: number, nNeighbors = 15): string | undefined {
  if (!Number.isInteger(n) || !Number.isInteger(dims) || dims < 1) return `bad shape [${n}, ${dims}]`;
  if (data.length !== n * dims) return `expected ${n} x ${dims} = ${n * dims} numbers, got ${data.length}`;
  if (n <= nNeighbors) return `UMAP needs more points (${n}) than neighbours (${nNeighbors})`;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) return `value ${i} (point ${Math.floor(i / dims)}) is ${data[i]}`;
  }
  return undefined;
}

/**
 * UMAP of n points to 2-D. Synchronous epochs in one loop (call it inside a worker); onProgress
 * lets the caller report progress or stop early.
 * @param data [n, dims] row-major
 */
export function umap2d(data: Float32Array, n: number, dims: number, options: UmapOptions): UmapResult {
  const nNeighbors = options.nNeighbors ?? 15;
  const problem = umapInputProblem(data, n, dims, nNeighbors);
  if (problem) throw new RangeError(`UMAP: ${problem}`);
  const rows: number[][] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = Array.from(data.subarray(i * dims, (i + 1) * dims));
  const model = new UMAP({
    nComponents: 2,
    nNeighbors,
    minDist: options.minDist ?? 0.1,
    nEpochs: options.nEpochs,
    random: createRng(options.seed),
  });
  const total = model.initializeFit(rows);
  const every = Math.max(1, options.progressEvery ?? 50);
  let epochs = 0;
  while (epochs < total) {
    model.step();
    epochs++;
    if (options.onProgress && (epochs % every === 0 || epochs === total)) {
      if (options.onProgress(epochs, total) === false) break;
    }
  }
  const embedding = model.getEmbedding();
  const points = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    points[2 * i] = embedding[i][0];
    points[2 * i + 1] = embedding[i][1];
  }
  return { points, epochs };
}
