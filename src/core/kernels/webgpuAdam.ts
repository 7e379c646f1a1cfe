/**
 * WGSL programs of the fused Adam update (fusedAdam.ts): one pass over a weight's elements per
 * output instead of tfjs's dozen elementwise kernels. Each program recomputes the new moments
 * it needs (cheaper than a kernel launch), exactly as tfjs 4.22's AdamOptimizer does:
 *   m' = β1 m + (1 − β1) g,  v' = β2 v + (1 − β2) g²,
 *   value' = value − lr · (m' / (1 − β1ᵗ)) / (sqrt(v' / (1 − β2ᵗ)) + ε)
 * with β1ᵗ, β2ᵗ read from the optimizer's scalar variables on the device (no read-back).
 */
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { webgpu_util } from '@tensorflow/tfjs-backend-webgpu';

export type AdamOutput = 'value' | 'firstMoment' | 'secondMoment';

const INPUTS: Record<AdamOutput, string[]> = {
  value: ['Value', 'Gradient', 'M', 'V', 'AccBeta1', 'AccBeta2'],
  firstMoment: ['Gradient', 'M'],
  secondMoment: ['Gradient', 'V'],
};

const BODY: Record<AdamOutput, string> = {
  value: `
    let g = Gradient[index];
    let m = uniforms.beta1 * M[index] + (1.0 - uniforms.beta1) * g;
    let v = uniforms.beta2 * V[index] + (1.0 - uniforms.beta2) * g * g;
    let mHat = m / (1.0 - AccBeta1[0]);
    let vHat = v / (1.0 - AccBeta2[0]);
    setOutputAtIndex(index, Value[index] - uniforms.learningRate * (mHat / (sqrt(vHat) + uniforms.epsilon)));`,
  firstMoment: `
    let g = Gradient[index];
    setOutputAtIndex(index, uniforms.beta1 * M[index] + (1.0 - uniforms.beta1) * g);`,
  secondMoment: `
    let g = Gradient[index];
    setOutputAtIndex(index, uniforms.beta2 * V[index] + (1.0 - uniforms.beta2) * g * g);`,
};

/** One of the three outputs of an Adam step, elementwise over a weight of any shape. */
export class AdamProgram implements WebGPUProgram {
  variableNames: string[];
  shaderKey: string;
  outputShape: number[];
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [64, 1, 1];
  size = true;
  uniforms = 'learningRate : f32, beta1 : f32, beta2 : f32, epsilon : f32,';

  constructor(
    shape: number[],
    private readonly output: AdamOutput,
  ) {
    this.variableNames = INPUTS[output];
    // Flat over the elements (the output keeps the weight's shape: setOutputAtIndex is flat).
    this.outputShape = [shape.reduce((a, b) => a * b, 1)];
    this.dispatchLayout = webgpu_util.flatDispatchLayout(this.outputShape);
    this.dispatch = webgpu_util.computeDispatch(this.dispatchLayout, this.outputShape, this.workgroupSize);
    this.shaderKey = `labAdam_${output}`;
  }

  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index >= uniforms.size) { return; }
        ${BODY[this.output]}
      }
    `;
  }
}
