/**
 * The order in which the trainer visits its training subset: a fresh seeded permutation of the
 * subset each epoch, consumed in order, batches running on across epoch boundaries.
 */
import { createRng, deriveSeed, shuffleInPlace } from '../data/rng';

export class BatchOrder {
  private readonly rng: () => number;
  private order: Int32Array = new Int32Array(0);
  private cursor = 0;

  /**
   * @param subsetSize rows of the training subset (batches hold indices 0..subsetSize-1)
   * @param batchSize rows per batch
   * @param seed the run's seed (the order uses its own derived stream)
   */
  constructor(
    private readonly subsetSize: number,
    private batchSize: number,
    seed: number,
  ) {
    this.rng = createRng(deriveSeed(seed, 2));
  }

  /**
   * The next batch of subset rows: continues through the current permutation and starts a new
   * one when it runs out, so every batch has the same size (one compiled shape on GPUs).
   * @returns [batchSize] row indices; may be a view that stays valid (permutations are never reused)
   */
  next(): Int32Array {
    const size = this.batchSize;
    if (this.cursor + size <= this.order.length) {
      const batch = this.order.subarray(this.cursor, this.cursor + size);
      this.cursor += size;
      return batch;
    }
    const batch = new Int32Array(size);
    let filled = 0;
    while (filled < size) {
      if (this.cursor >= this.order.length) this.newPermutation();
      const take = Math.min(size - filled, this.order.length - this.cursor);
      batch.set(this.order.subarray(this.cursor, this.cursor + take), filled);
      this.cursor += take;
      filled += take;
    }
    return batch;
  }

  /**
   * From the next batch on, batches of `batchSize` rows. The stream of rows goes on where it
   * was: the next batch starts with the row after the last one handed out.
   */
  setBatchSize(batchSize: number): void {
    this.batchSize = batchSize;
  }

  /** Moves on by `batches` batches, to exactly where as many next() calls would leave it. */
  skip(batches: number): void {
    this.skipSamples(batches * this.batchSize);
  }

  /** Moves on by `samples` rows of the stream (the samples a run has seen, at any batch sizes). */
  skipSamples(samples: number): void {
    let remaining = samples;
    while (remaining > 0) {
      if (this.cursor >= this.order.length) this.newPermutation();
      const take = Math.min(remaining, this.order.length - this.cursor);
      this.cursor += take;
      remaining -= take;
    }
  }

  private newPermutation(): void {
    // A fresh array (not an in-place reshuffle): earlier batches may still be views of the old one.
    const order = new Int32Array(this.subsetSize);
    for (let i = 0; i < order.length; i++) order[i] = i;
    this.order = shuffleInPlace(order, this.rng);
    this.cursor = 0;
  }
}
