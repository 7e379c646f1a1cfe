/**
 * Work over many rows in chunks, one small read-back per chunk: bounds the device memory an
 * evaluation needs and lets other calls run between chunks (each read-back is an await).
 */
import * as tf from '@tensorflow/tfjs';

/** Rows per chunk of an evaluation or encoding. */
export const CHUNK_ROWS = 1000;

/**
 * For start = 0, chunkRows, ... < rows (CHUNK_ROWS unless the model's digits are heavy,
 * Trainer.limitChunkRows): `compute(start, n)` runs inside a tf.tidy, its result is
 * read back and freed, then `use(values, start, n)` gets the values. `check()` runs before each
 * chunk and after each read-back and throws to give up (a reset model, a stop request).
 */
export async function forEachChunk(
  rows: number,
  compute: (start: number, n: number) => tf.Tensor,
  use: (values: Float32Array, start: number, n: number) => void,
  check: () => void,
  chunkRows = CHUNK_ROWS,
): Promise<void> {
  const size = Math.max(1, Math.floor(chunkRows));
  for (let start = 0; start < rows; start += size) {
    check();
    const n = Math.min(size, rows - start);
    const result = tf.tidy(() => compute(start, n));
    let values: Float32Array;
    try {
      values = (await result.data()) as Float32Array;
    } finally {
      result.dispose();
    }
    check();
    use(values, start, n);
  }
}
