/**
 * A dense layer y = f(x W + b) on the fused kernels (kernelNames.ts): one kernel forward, and
 * backward one each for dW = xᵀ dz, db = Σ dz and dx = dz Wᵀ, with dz = dy ⊙ f'(z) computed
 * inside them from the saved output y. tfjs's own gradient of a fused matMul splits it while
 * recording (matMul, add, activation) and runs the backward pass as five to seven kernels.
 */
import * as tf from '@tensorflow/tfjs';
import { KERNELS, type FusedActivation } from './kernelNames';

function run(kernel: string, inputs: Record<string, tf.Tensor>, activation: FusedActivation): tf.Tensor2D {
  return tf.engine().runKernel(kernel, inputs as unknown as tf.NamedTensorMap, { activation } as unknown as tf.NamedAttrMap) as tf.Tensor2D;
}

/**
 * @param x [batch, fanIn]  @param w [fanIn, fanOut]  @param b [fanOut]
 * @param xNeedsGradient false for the first layer, whose input is the data (no dx is computed)
 * @returns y [batch, fanOut]
 */
export function fusedDense(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, activation: FusedActivation, xNeedsGradient: boolean): tf.Tensor2D {
  const gradients = (dy: tf.Tensor2D, xs: tf.Tensor2D, ws: tf.Tensor2D, y: tf.Tensor2D) => ({
    dw: run(KERNELS.denseGradWeights, { x: xs, dy, y }, activation),
    db: run(KERNELS.denseGradBias, { dy, y }, activation) as unknown as tf.Tensor1D,
    dx: xNeedsGradient ? run(KERNELS.denseGradInput, { dy, y, w: ws }, activation) : undefined,
  });
  if (xNeedsGradient) {
    const f = tf.customGrad((xIn, wIn, bIn, save) => {
      const y = run(KERNELS.denseForward, { x: xIn as tf.Tensor, w: wIn as tf.Tensor, bias: bIn as tf.Tensor }, activation);
      (save as tf.GradSaveFunc)([xIn as tf.Tensor, wIn as tf.Tensor, y]);
      return {
        value: y,
        gradFunc: (dy, saved) => {
          const g = gradients(dy as tf.Tensor2D, ...(saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D]));
          return [g.dx!, g.dw, g.db];
        },
      };
    });
    return f(x, w, b) as tf.Tensor2D;
  }
  // The data layer: x is no input of the custom op.
  const f = tf.customGrad((wIn, bIn, save) => {
    const y = run(KERNELS.denseForward, { x, w: wIn as tf.Tensor, bias: bIn as tf.Tensor }, activation);
    (save as tf.GradSaveFunc)([wIn as tf.Tensor, y]);
    return {
      value: y,
      gradFunc: (dy, saved) => {
        const [ws, y2] = saved as [tf.Tensor2D, tf.Tensor2D];
        const g = gradients(dy as tf.Tensor2D, x, ws, y2);
        return [g.dw, g.db];
      },
    };
  });
  return f(w, b) as tf.Tensor2D;
}
