/**
 * Holes in the code space: how many cells of the latent grid no encoded digit falls in.
 *
 * The decoder only ever learns from codes of training digits (a VAE: from samples around
 * them). A grid cell that no digit's code falls in is a hole: there the decoder extrapolates,
 * and what it draws there was never asked of it. For the VAE's grid at the prior's quantiles
 * (core/models/prior.ts) each cell holds 1/side² of the prior's mass, so if the codes follow
 * the prior, as the KL term pushes them to, every cell gets its share of digits; a plain
 * autoencoder's codes leave gaps between the clusters of its map.
 *
 * A cell is the rectangle between consecutive edges in each of two code dimensions; the outer
 * cells reach to infinity, so every code falls in exactly one cell.
 */
import * as tf from '@tensorflow/tfjs';
import { probit } from '../models/priorCodes';

/**
 * The inner edges of side equal-mass cells of N(0, 1): Φ⁻¹(i / side) for i = 1..side-1.
 * @returns [side - 1] ascending
 */
export function priorCellEdges(side: number): number[] {
  if (!Number.isInteger(side) || side < 1) throw new RangeError(`grid side ${side} must be a positive integer`);
  return Array.from({ length: side - 1 }, (_, i) => probit((i + 1) / side));
}

/**
 * The inner edges of side equal-width cells over [min, max] (the lab's grid over the codes'
 * own range).
 * @returns [side - 1] ascending
 */
export function boxCellEdges(min: number, max: number, side: number): number[] {
  if (!(max > min)) throw new RangeError(`box [${min}, ${max}] is empty`);
  return Array.from({ length: side - 1 }, (_, i) => min + ((i + 1) * (max - min)) / side);
}

/**
 * Share of the grid's cells that none of the codes falls in (0 = no holes, 1 = all empty).
 * @param codes [n, codeSize] (n >= 1)
 * @param xEdges inner edges along code[dims[0]] (columns), ascending; side = length + 1
 * @param yEdges inner edges along code[dims[1]] (rows), ascending
 * @returns a scalar in [0, 1]; the caller owns it
 */
export function emptyCellShare(
  codes: tf.Tensor2D,
  xEdges: readonly number[],
  yEdges: readonly number[],
  dims: [number, number] = [0, 1],
): tf.Scalar {
  const [n, codeSize] = codes.shape;
  if (n < 1) throw new RangeError('emptyCellShare needs at least one code');
  if (dims.some((d) => d < 0 || d >= codeSize) || dims[0] === dims[1]) {
    throw new RangeError(`grid dimensions ${dims} must be two different code numbers below ${codeSize}`);
  }
  return tf.tidy(() => {
    // Cell number along an axis = how many inner edges lie below the code number: [n] int32.
    const cellAlong = (dim: number, edges: readonly number[]): tf.Tensor1D => {
      const values = tf.reshape(tf.slice(codes, [0, dim], [n, 1]), [n, 1]);
      if (edges.length === 0) return tf.zeros([n], 'int32');
      return tf.sum(tf.cast(tf.greater(values, tf.tensor2d([...edges], [1, edges.length])), 'int32'), 1) as tf.Tensor1D;
    };
    const columns = xEdges.length + 1;
    const cells = columns * (yEdges.length + 1);
    const cell = tf.add(tf.mul(cellAlong(dims[1], yEdges), tf.scalar(columns, 'int32')), cellAlong(dims[0], xEdges)) as tf.Tensor1D;
    // [cells]: 1 where at least one code falls in the cell.
    const occupied = tf.max(tf.oneHot(cell, cells), 0);
    return tf.sub(1, tf.mean(tf.cast(occupied, 'float32'))) as tf.Scalar;
  });
}
