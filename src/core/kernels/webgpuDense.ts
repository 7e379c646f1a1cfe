/**
 * WGSL programs of the fused dense layer (kernels.ts), run by tfjs-backend-webgpu's
 * runWebGPUProgram. Shapes come in as uniforms, so one compiled pipeline serves every layer
 * width and batch size (compiling costs about a second a program on a software adapter).
 *
 * Notation: x [batch, fanIn], W [fanIn, fanOut], b [fanOut], y = f(x W + b) [batch, fanOut],
 * dy = dL/dy [batch, fanOut], dz = dy ⊙ f'(z) computed from y where it is read.
 *
 * Each invocation computes a 4 x 4 block of its output from storage buffers directly, without
 * workgroup memory or barriers: on a software adapter (SwiftShader) a barrier switches
 * coroutines and the CPU's caches already do what a shared tile does on a GPU, and tfjs's own
 * products (tiled with barriers, or split along the inner dimension with atomics for small
 * outputs) were measured at a fraction of this speed there (docs in bench/labCore.ts).
 * Out-of-range rows and columns read clamped indices and are never written, so any size works.
 */
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { webgpu_util } from '@tensorflow/tfjs-backend-webgpu';
import type { FusedActivation } from './kernelNames';

/** Invocations per workgroup along x and y; each invocation writes a 4 x 4 block. */
const TILE = 8;
const BLOCK = 4;

/** y = f(z), WGSL, as tfjs-backend-webgpu computes each activation (tanh without overflow). */
function activationSnippet(activation: FusedActivation): string {
  switch (activation) {
    case 'linear':
      return 'return z;';
    case 'relu':
      return 'return max(z, 0.0);';
    case 'sigmoid':
      return 'return 1.0 / (1.0 + exp(-z));';
    case 'tanh':
      return 'let e2 = exp(-2.0 * abs(z)); return sign(z) * (1.0 - e2) / (1.0 + e2);';
    case 'elu':
      return 'if (z > 0.0) { return z; } return exp(z) - 1.0;';
  }
}

/** f'(z) from y = f(z), as dense.ts activationGradient computes it (relu'(0) = 0). */
function derivativeSnippet(activation: FusedActivation): string {
  switch (activation) {
    case 'linear':
      return 'return 1.0;';
    case 'relu':
      return 'return select(0.0, 1.0, y > 0.0);';
    case 'sigmoid':
      return 'return y * (1.0 - y);';
    case 'tanh':
      return 'return 1.0 - y * y;';
    case 'elu':
      return 'return select(y + 1.0, 1.0, y > 0.0);';
  }
}

/** A program whose invocations each own a 4 x 4 block of a [rows, cols] output. */
abstract class BlockProgram implements WebGPUProgram {
  abstract variableNames: string[];
  abstract shaderKey: string;
  outputShape: number[];
  dispatchLayout = { x: [1], y: [0] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [TILE, TILE, 1];

  constructor(rows: number, cols: number) {
    this.outputShape = [rows, cols];
    this.dispatch = [Math.ceil(cols / BLOCK / TILE), Math.ceil(rows / BLOCK / TILE), 1];
  }

  abstract getUserCode(): string;
}

/** Writes the 4 x 4 block `acc` (rows row..row+3, columns col..col+3) of a [rows, cols] output. */
const WRITE_BLOCK = `
  fn writeBlock(row : i32, col : i32, rows : i32, cols : i32, acc : array<vec4<f32>, 4>) {
    for (var i = 0; i < 4; i++) {
      if (row + i < rows) {
        for (var j = 0; j < 4; j++) {
          if (col + j < cols) { setOutputAtIndex((row + i) * cols + col + j, acc[i][j]); }
        }
      }
    }
  }`;

/** y = f(x W + b): inputs X [batch, fanIn], W [fanIn, fanOut], Bias [fanOut]; output [batch, fanOut]. */
export class DenseForwardProgram extends BlockProgram {
  variableNames = ['X', 'W', 'Bias'];
  shaderKey: string;

  constructor(
    batch: number,
    fanOut: number,
    private readonly activation: FusedActivation,
  ) {
    super(batch, fanOut);
    this.shaderKey = `labDenseForward_${activation}`;
  }

  getUserCode(): string {
    return `
      fn activate(z : f32) -> f32 { ${activationSnippet(this.activation)} }
      ${WRITE_BLOCK}
      fn main() {
        let rows = uniforms.xShape[0];
        let inner = uniforms.xShape[1];
        let cols = uniforms.wShape[1];
        let row = i32(globalId.y) * 4;
        let col = i32(globalId.x) * 4;
        if (row >= rows || col >= cols) { return; }
        let c = vec4<i32>(col, min(col + 1, cols - 1), min(col + 2, cols - 1), min(col + 3, cols - 1));
        let r = vec4<i32>(row, min(row + 1, rows - 1), min(row + 2, rows - 1), min(row + 3, rows - 1)) * inner;
        var acc : array<vec4<f32>, 4>;
        for (var k = 0; k < inner; k++) {
          let wk = k * cols;
          let w = vec4<f32>(W[wk + c.x], W[wk + c.y], W[wk + c.z], W[wk + c.w]);
          acc[0] = acc[0] + X[r.x + k] * w;
          acc[1] = acc[1] + X[r.y + k] * w;
          acc[2] = acc[2] + X[r.z + k] * w;
          acc[3] = acc[3] + X[r.w + k] * w;
        }
        let b = vec4<f32>(Bias[c.x], Bias[c.y], Bias[c.z], Bias[c.w]);
        for (var i = 0; i < 4; i++) {
          let z = acc[i] + b;
          acc[i] = vec4<f32>(activate(z.x), activate(z.y), activate(z.z), activate(z.w));
        }
        writeBlock(row, col, rows, cols, acc);
      }
    `;
  }
}

/** dz = dy ⊙ f'(z) at [row, col] of Dy and Y. */
function dzSnippet(activation: FusedActivation): string {
  return `
    fn derivative(y : f32) -> f32 { ${derivativeSnippet(activation)} }
    fn dzAt(index : i32) -> f32 { return Dy[index] * derivative(Y[index]); }`;
}

/** dx = dz Wᵀ: inputs Dy, Y [batch, fanOut], W [fanIn, fanOut]; output [batch, fanIn]. */
export class DenseGradInputProgram extends BlockProgram {
  variableNames = ['Dy', 'Y', 'W'];
  shaderKey: string;

  constructor(
    batch: number,
    fanIn: number,
    private readonly activation: FusedActivation,
  ) {
    super(batch, fanIn);
    this.shaderKey = `labDenseGradInput_${activation}`;
  }

  getUserCode(): string {
    return `
      ${dzSnippet(this.activation)}
      ${WRITE_BLOCK}
      fn main() {
        let rows = uniforms.dyShape[0];
        let inner = uniforms.dyShape[1];
        let cols = uniforms.wShape[0];
        let row = i32(globalId.y) * 4;
        let col = i32(globalId.x) * 4;
        if (row >= rows || col >= cols) { return; }
        let w = vec4<i32>(col, min(col + 1, cols - 1), min(col + 2, cols - 1), min(col + 3, cols - 1)) * inner;
        let r = vec4<i32>(row, min(row + 1, rows - 1), min(row + 2, rows - 1), min(row + 3, rows - 1)) * inner;
        var acc : array<vec4<f32>, 4>;
        for (var n = 0; n < inner; n++) {
          let wn = vec4<f32>(W[w.x + n], W[w.y + n], W[w.z + n], W[w.w + n]);
          acc[0] = acc[0] + dzAt(r.x + n) * wn;
          acc[1] = acc[1] + dzAt(r.y + n) * wn;
          acc[2] = acc[2] + dzAt(r.z + n) * wn;
          acc[3] = acc[3] + dzAt(r.w + n) * wn;
        }
        writeBlock(row, col, rows, cols, acc);
      }
    `;
  }
}

/** dW = xᵀ dz: inputs X [batch, fanIn], Dy, Y [batch, fanOut]; output [fanIn, fanOut]. */
export class DenseGradWeightsProgram extends BlockProgram {
  variableNames = ['X', 'Dy', 'Y'];
  shaderKey: string;

  constructor(
    fanIn: number,
    fanOut: number,
    private readonly activation: FusedActivation,
  ) {
    super(fanIn, fanOut);
    this.shaderKey = `labDenseGradWeights_${activation}`;
  }

  getUserCode(): string {
    return `
      ${dzSnippet(this.activation)}
      ${WRITE_BLOCK}
      fn main() {
        let batch = uniforms.xShape[0];
        let rows = uniforms.xShape[1];
        let cols = uniforms.dyShape[1];
        let row = i32(globalId.y) * 4;
        let col = i32(globalId.x) * 4;
        if (row >= rows || col >= cols) { return; }
        let k = vec4<i32>(row, min(row + 1, rows - 1), min(row + 2, rows - 1), min(row + 3, rows - 1));
        let c = vec4<i32>(col, min(col + 1, cols - 1), min(col + 2, cols - 1), min(col + 3, cols - 1));
        var acc : array<vec4<f32>, 4>;
        for (var s = 0; s < batch; s++) {
          let xs = s * rows;
          let ds = s * cols;
          let dz = vec4<f32>(dzAt(ds + c.x), dzAt(ds + c.y), dzAt(ds + c.z), dzAt(ds + c.w));
          acc[0] = acc[0] + X[xs + k.x] * dz;
          acc[1] = acc[1] + X[xs + k.y] * dz;
          acc[2] = acc[2] + X[xs + k.z] * dz;
          acc[3] = acc[3] + X[xs + k.w] * dz;
        }
        writeBlock(row, col, rows, cols, acc);
      }
    `;
  }
}

/** db = Σ over the batch of dz: inputs Dy, Y [batch, fanOut]; output [fanOut], one invocation per column. */
export class DenseGradBiasProgram implements WebGPUProgram {
  variableNames = ['Dy', 'Y'];
  shaderKey: string;
  outputShape: number[];
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [64, 1, 1];
  size = true;

  constructor(
    fanOut: number,
    private readonly activation: FusedActivation,
  ) {
    this.outputShape = [fanOut];
    this.dispatchLayout = webgpu_util.flatDispatchLayout(this.outputShape);
    this.dispatch = webgpu_util.computeDispatch(this.dispatchLayout, this.outputShape, this.workgroupSize);
    this.shaderKey = `labDenseGradBias_${activation}`;
  }

  getUserCode(): string {
    return `
      ${dzSnippet(this.activation)}
      fn main(index : i32) {
        if (index >= uniforms.size) { return; }
        let batch = uniforms.dyShape[0];
        let cols = uniforms.dyShape[1];
        var sum = 0.0;
        for (var s = 0; s < batch; s++) { sum = sum + dzAt(s * cols + index); }
        setOutputAtIndex(index, sum);
      }
    `;
  }
}
