/**
 * Which points of the latent scatter are drawn in what order, and which get a numeral: pure
 * functions on arrays, tested in Node.
 */

/**
 * Drawing order: points go in CHUNKS slices of index order (the test set is shuffled, so no
 * label is always on top), sorted by label inside each slice so the fill colour changes about
 * 10 * CHUNKS times per frame instead of once per point.
 */
const CHUNKS = 8;

/** Indices 0..n-1 in CHUNKS slices of index order, each slice sorted by label (counting sort). */
export function drawingOrder(labels: Uint8Array, n: number): Uint32Array {
  const order = new Uint32Array(n);
  const size = Math.max(1, Math.ceil(n / CHUNKS));
  let o = 0;
  for (let start = 0; start < n; start += size) {
    const end = Math.min(n, start + size);
    const counts = new Uint32Array(257);
    for (let i = start; i < end; i++) counts[labels[i] + 1]++;
    for (let l = 1; l < 257; l++) counts[l] += counts[l - 1];
    for (let i = start; i < end; i++) order[o + counts[labels[i]]++] = i;
    o += end - start;
  }
  return order;
}

/**
 * Greedy placement of non-overlapping numerals: takes `candidates` in order and keeps a point
 * when no kept point lies within `gap` CSS pixels (a hash grid of `gap`-sized cells, so each
 * test looks at 9 cells), until `max` are kept.
 * @param xs screen x of every point, indexed by point (only candidates are read)
 * @param ys screen y of every point
 * @returns the kept point indices, in candidate order
 */
export function placeNumerals(xs: ArrayLike<number>, ys: ArrayLike<number>, candidates: Iterable<number>, gap: number, max: number): number[] {
  const kept: number[] = [];
  const cells = new Map<string, number[]>();
  const gap2 = gap * gap;
  for (const i of candidates) {
    if (kept.length >= max) break;
    const cx = Math.floor(xs[i] / gap);
    const cy = Math.floor(ys[i] / gap);
    let free = true;
    for (let dx = -1; dx <= 1 && free; dx++) {
      for (let dy = -1; dy <= 1 && free; dy++) {
        for (const j of cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          const ex = xs[j] - xs[i];
          const ey = ys[j] - ys[i];
          if (ex * ex + ey * ey < gap2) {
            free = false;
            break;
          }
        }
      }
    }
    if (!free) continue;
    kept.push(i);
    const key = `${cx},${cy}`;
    const cell = cells.get(key);
    if (cell) cell.push(i);
    else cells.set(key, [i]);
  }
  return kept;
}
