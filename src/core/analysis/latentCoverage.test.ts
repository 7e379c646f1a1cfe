import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { boxCellEdges, emptyCellShare, priorCellEdges } from './latentCoverage';

const share = (codes: number[][], xEdges: number[], yEdges: number[], dims?: [number, number]) => {
  const before = tf.memory().numTensors;
  const s = tf.tidy(() => emptyCellShare(tf.tensor2d(codes), xEdges, yEdges, dims));
  const v = s.dataSync()[0];
  s.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return v;
};

describe('latent grid cells', () => {
  it('prior edges split N(0, 1) into equal-mass cells', () => {
    expect(priorCellEdges(2)).toEqual([0]);
    const four = priorCellEdges(4);
    expect(four[0]).toBeCloseTo(-0.6745, 4);
    expect(four[1]).toBeCloseTo(0, 9);
    expect(four[2]).toBeCloseTo(0.6745, 4);
    expect(priorCellEdges(1)).toEqual([]);
    expect(() => priorCellEdges(0)).toThrow(RangeError);
  });

  it('box edges split the range evenly', () => {
    expect(boxCellEdges(0, 10, 5)).toEqual([2, 4, 6, 8]);
    expect(() => boxCellEdges(1, 1, 3)).toThrow(RangeError);
  });

  it('counts the cells no code falls in (outer cells reach to infinity)', () => {
    // 2 x 2 cells split at 0: (-1,-1) bottom-left, (1,1) top-right, (0.1,-5) bottom-right; top-left empty.
    expect(share([[-1, -1], [1, 1], [0.1, -5]], [0], [0])).toBeCloseTo(0.25, 6);
    // Every code in one cell of 3 x 2 = 6: five empty.
    expect(share([[9, 9], [50, 7]], [0, 1], [0])).toBeCloseTo(5 / 6, 6);
    // All four cells hit.
    expect(share([[-1, -1], [1, 1], [1, -1], [-1, 1]], [0], [0])).toBe(0);
  });

  it('reads the two dimensions it is given', () => {
    // Code [a, b, c]: grid over dims 2 and 0. Cells by (c > 0, a > 0): (0,0), (1,1) hit; two empty.
    expect(share([[-1, 5, -1], [1, -5, 1]], [0], [0], [2, 0])).toBeCloseTo(0.5, 6);
    expect(() => share([[1, 2]], [0], [0], [0, 2])).toThrow(RangeError);
  });
});
