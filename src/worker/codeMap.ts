/**
 * The 2-D map of the code space that the scatter, the grid and clicks share.
 *
 * - code size 2: the map is the code itself;
 * - code size 1: x is the code, y is 0 (a strip); a map point decodes through x only;
 * - code size > 2: the codes' first two principal components (fitted on the scatter's codes):
 *   point = (code - mean) · [pc1, pc2], and back, code = mean + x pc1 + y pc2.
 *
 * Plain math on Float32Arrays, no tfjs: runs in Node for tests.
 */
import { fitPca, pcaProject, pcaReconstruct, type Pca } from '../core/analysis/pca';
import { fitPcaIterative } from '../core/analysis/pcaIterative';
import type { CodesEvent } from './api';

export interface CodeMap {
  codeSize: number;
  projected: boolean;
  /** For code size > 2: the PCA of the codes, k = 2. */
  pca?: Pca;
}

/**
 * Codes wider than this (the sparse lesson's 1000 numbers) are mapped by subspace iteration on
 * the first LARGE_CODE_FIT_ROWS codes, warm-started from the previous map: exact PCA of 2,000
 * codes of 1000 numbers took 3.7 s of the lab worker's time per refresh.
 */
export const EXACT_MAP_MAX_CODE = 64;
const LARGE_CODE_FIT_ROWS = 500;

/** Relative padding of the extent on each side, so edge points are not on the border. */
const EXTENT_PAD = 0.05;

/**
 * Fits the map to the codes of the scatter's digits.
 * @param codes [n, codeSize]
 * @param previous the map of the previous update: principal axes keep their sign, so the
 *   scatter does not flip from one update to the next.
 */
export function fitCodeMap(codes: Float32Array, n: number, codeSize: number, previous?: CodeMap): CodeMap {
  if (codeSize <= 2) return { codeSize, projected: false };
  const warm = previous?.pca && previous.codeSize === codeSize ? previous.pca : undefined;
  const pca =
    codeSize > EXACT_MAP_MAX_CODE
      ? fitPcaIterative(codes, Math.min(n, LARGE_CODE_FIT_ROWS), codeSize, 2, { start: warm })
      : fitPca(codes, n, codeSize, 2);
  if (previous?.pca && previous.codeSize === codeSize) alignSigns(pca, previous.pca);
  return { codeSize, projected: true, pca };
}

/** Negates each component whose direction opposes the previous fit's. */
function alignSigns(pca: Pca, previous: Pca): void {
  const d = pca.d;
  for (let c = 0; c < pca.k; c++) {
    let dot = 0;
    for (let i = 0; i < d; i++) dot += pca.components[c * d + i] * previous.components[c * d + i];
    if (dot < 0) for (let i = 0; i < d; i++) pca.components[c * d + i] = -pca.components[c * d + i];
  }
}

/** [n, codeSize] codes -> [n, 2] map points. */
export function codesToPoints(map: CodeMap, codes: Float32Array, n: number): Float32Array {
  if (map.pca) return pcaProject(map.pca, codes, n);
  if (map.codeSize === 2) return codes.slice(0, 2 * n);
  const points = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) points[2 * i] = codes[i];
  return points;
}

/** [n, 2] map points -> [n, codeSize] codes (the inverse projection for code size > 2). */
export function pointsToCodes(map: CodeMap, points: Float32Array, n: number): Float32Array {
  if (map.pca) return pcaReconstruct(map.pca, points, n);
  if (map.codeSize === 2) return points.slice(0, 2 * n);
  const codes = new Float32Array(n);
  for (let i = 0; i < n; i++) codes[i] = points[2 * i];
  return codes;
}

/** Bounding box of [n, 2] points, padded by 5% of its size on each side (±1 around a flat axis). */
export function paddedExtent(points: Float32Array, n: number): CodesEvent['extent'] {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = points[2 * i];
    const y = points[2 * i + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < xMin) xMin = x;
    if (x > xMax) xMax = x;
    if (y < yMin) yMin = y;
    if (y > yMax) yMax = y;
  }
  const pad = (lo: number, hi: number): [number, number] => {
    if (!(lo <= hi)) return [-1, 1];
    const span = hi - lo;
    return span > 1e-9 ? [lo - EXTENT_PAD * span, hi + EXTENT_PAD * span] : [lo - 1, hi + 1];
  };
  [xMin, xMax] = pad(xMin, xMax);
  [yMin, yMax] = pad(yMin, yMax);
  return { xMin, xMax, yMin, yMax };
}

/** Per code dimension: min and max over the rows of [n, codeSize] (the sliders' ranges). */
export function codeRanges(codes: Float32Array, n: number, codeSize: number): { codeMin: Float32Array; codeMax: Float32Array } {
  const codeMin = new Float32Array(codeSize).fill(Infinity);
  const codeMax = new Float32Array(codeSize).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < codeSize; j++) {
      const v = codes[i * codeSize + j];
      if (v < codeMin[j]) codeMin[j] = v;
      if (v > codeMax[j]) codeMax[j] = v;
    }
  }
  for (let j = 0; j < codeSize; j++) {
    if (!(codeMin[j] <= codeMax[j])) {
      codeMin[j] = -1;
      codeMax[j] = 1;
    }
  }
  return { codeMin, codeMax };
}

/** Everything the scatter needs from one set of codes, and the map to decode clicks with. */
export function codesEvent(codes: Float32Array, n: number, codeSize: number, previous?: CodeMap): { event: Omit<CodesEvent, 'runId'>; map: CodeMap } {
  const map = fitCodeMap(codes, n, codeSize, previous);
  const points = codesToPoints(map, codes, n);
  const { codeMin, codeMax } = codeRanges(codes, n, codeSize);
  return {
    map,
    event: { type: 'codes', points, n, codeSize, projected: map.projected, extent: paddedExtent(points, n), codeMin, codeMax },
  };
}
