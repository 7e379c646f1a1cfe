/**
 * Deconvolution (transposed convolution) on plain arrays, for the lesson and its tests: the
 * lecture's claim that "deconvolution is a convolution" made checkable on a few numbers.
 *
 * Definition (scatter): each input value x[i][j] stamps the kernel, scaled by x[i][j], onto
 * the output at (s i - padTop, s j - padLeft); overlapping stamps add up.
 * Claim: the same output is a plain convolution (correlation, no flip of the input) of the
 * spread-out input (s - 1 zeros between neighbours, k - 1 - pad zeros around) with the kernel
 * turned by 180 degrees.
 *
 * Arrays are row-major number[][] (rows of columns); one channel.
 */

export type Grid = number[][];

/** Zero grid of rows x cols. */
function zeros(rows: number, cols: number): Grid {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

/**
 * Transposed convolution by its definition: every input value stamps the scaled kernel.
 * @param x [h][w]  @param kernel [k][k]  @param stride s
 * @param outSize [rows, cols] of the output ([s h, s w] for 'same' padding)
 * @param padTop rows (and columns) of the stamped area cut off at the top and left
 * @returns [rows][cols]
 */
export function transposedConvolution(x: Grid, kernel: Grid, stride: number, outSize: [number, number], padTop: number): Grid {
  const k = kernel.length;
  const out = zeros(outSize[0], outSize[1]);
  x.forEach((row, i) =>
    row.forEach((v, j) => {
      for (let a = 0; a < k; a++) {
        for (let b = 0; b < k; b++) {
          const r = stride * i + a - padTop;
          const c = stride * j + b - padTop;
          if (r >= 0 && r < outSize[0] && c >= 0 && c < outSize[1]) out[r][c] += v * kernel[a][b];
        }
      }
    }),
  );
  return out;
}

/**
 * The spread-out input: s - 1 zeros between neighbouring values, `before` zeros above and to
 * the left, `after` below and to the right.
 * @param x [h][w] -> [before + s (h - 1) + 1 + after][same for w]
 */
export function spreadOut(x: Grid, stride: number, before: number, after: number): Grid {
  const h = x.length;
  const w = x[0].length;
  const out = zeros(before + stride * (h - 1) + 1 + after, before + stride * (w - 1) + 1 + after);
  x.forEach((row, i) => row.forEach((v, j) => (out[before + stride * i][before + stride * j] = v)));
  return out;
}

/** The kernel turned by 180 degrees: k[k-1-a][k-1-b]. */
export function rotate180(kernel: Grid): Grid {
  return kernel.map((row) => [...row].reverse()).reverse();
}

/** Plain 'valid' convolution as CNNs compute it (correlation): out[r][c] = sum x[r+a][c+b] k[a][b]. */
export function convolveValid(x: Grid, kernel: Grid): Grid {
  const k = kernel.length;
  const out = zeros(x.length - k + 1, x[0].length - k + 1);
  for (let r = 0; r < out.length; r++) {
    for (let c = 0; c < out[0].length; c++) {
      let sum = 0;
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) sum += x[r + a][c + b] * kernel[a][b];
      out[r][c] = sum;
    }
  }
  return out;
}

/**
 * Padding of the spread-out input that makes the convolution equal the transposed one:
 * before = k - 1 - padTop, after = outSide + padTop - s (h - 1) - 1 (derivation: the output
 * value at r collects x[i] k[r + padTop - s i]; index the spread-out input from the top).
 */
export function spreadPadding(inSide: number, outSide: number, k: number, stride: number, padTop: number): { before: number; after: number } {
  return { before: k - 1 - padTop, after: outSide + padTop - stride * (inSide - 1) - 1 };
}

/**
 * Transposed convolution computed as the lecture says: convolution over the spread-out input
 * with the turned kernel. Equals transposedConvolution (tested).
 */
export function deconvolutionAsConvolution(x: Grid, kernel: Grid, stride: number, outSide: number, padTop: number): Grid {
  const { before, after } = spreadPadding(x.length, outSide, kernel.length, stride, padTop);
  return convolveValid(spreadOut(x, stride, before, after), rotate180(kernel));
}

/**
 * TensorFlow's top padding of a 'same' convolution of an n-side input with stride s and a
 * k-side kernel (the transposed convolution undoes that convolution): floor(total / 2), the
 * odd one at the bottom.
 */
export function samePadTop(n: number, k: number, stride: number): number {
  const out = Math.ceil(n / stride);
  return Math.floor(Math.max((out - 1) * stride + k - n, 0) / 2);
}
