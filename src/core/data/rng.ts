/**
 * A small seeded random number generator (mulberry32) so that training subsets, batch order
 * and weight initialisation are the same for the same seed on every machine and backend.
 */

/** Uniform numbers in [0, 1), deterministic for a given 32-bit seed. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates shuffle of `a` in place; returns `a`. */
export function shuffleInPlace(a: Int32Array, rng: () => number): Int32Array {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

/** A random permutation of 0..n-1. */
export function shuffledIndices(n: number, rng: () => number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return shuffleInPlace(a, rng);
}

/**
 * `size` distinct indices drawn from 0..total-1, sorted ascending, the same for the same seed.
 * With size === total it is simply 0..total-1.
 */
export function seededSubset(total: number, size: number, seed: number): Int32Array {
  if (!Number.isInteger(size) || size < 0 || size > total) {
    throw new RangeError(`subset size ${size} must be an integer in 0..${total}`);
  }
  // Partial Fisher-Yates: the first `size` slots of a shuffle are a uniform sample.
  const rng = createRng(seed);
  const a = new Int32Array(total);
  for (let i = 0; i < total; i++) a[i] = i;
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(rng() * (total - i));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a.slice(0, size).sort();
}

/** A 32-bit seed derived from another (for independent streams from one user seed). */
export function deriveSeed(seed: number, stream: number): number {
  return createRng((seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0)() * 4294967296 >>> 0;
}
