/**
 * tfjs's Adam with its per-weight update on the fused kernels (kernelNames.ts): three kernels
 * per weight (the new value, m and v) instead of about a dozen, the same state (so getWeights,
 * setWeights, snapshots and the class name 'Adam' are tfjs's), the same arithmetic. On a
 * backend without the kernels it is tfjs's AdamOptimizer unchanged.
 */
import * as tf from '@tensorflow/tfjs';
import { fusedKernelsActive } from './fusedKernels';
import { KERNELS, type AdamAttrs } from './kernelNames';

interface AdamState {
  accumulatedFirstMoment: { originalName: string; variable: tf.Variable }[];
  accumulatedSecondMoment: { originalName: string; variable: tf.Variable }[];
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
}

type VariableGradients = Parameters<tf.AdamOptimizer['applyGradients']>[0];

export class FusedAdamOptimizer extends tf.AdamOptimizer {
  constructor(learningRate: number, beta1 = 0.9, beta2 = 0.999) {
    super(learningRate, beta1, beta2);
  }

  override applyGradients(variableGradients: VariableGradients): void {
    if (!fusedKernelsActive()) {
      super.applyGradients(variableGradients);
      return;
    }
    const self = this as unknown as AdamState & { incrementIterations(): void };
    const list = Array.isArray(variableGradients)
      ? variableGradients
      : Object.keys(variableGradients).map((name) => ({ name, tensor: variableGradients[name] as tf.Tensor }));
    const attrs: AdamAttrs = { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
    const run = (kernel: string, inputs: Record<string, tf.Tensor>) =>
      tf.engine().runKernel(kernel, inputs as unknown as tf.NamedTensorMap, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
    tf.tidy(() => {
      list.forEach(({ name, tensor: gradient }, i) => {
        const value = tf.engine().registeredVariables[name];
        self.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        self.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        if (gradient == null) return;
        const m = self.accumulatedFirstMoment[i].variable;
        const v = self.accumulatedSecondMoment[i].variable;
        const newValue = run(KERNELS.adamValue, { value, gradient, m, v, accBeta1: self.accBeta1, accBeta2: self.accBeta2 });
        const newM = run(KERNELS.adamFirstMoment, { gradient, m });
        const newV = run(KERNELS.adamSecondMoment, { gradient, v });
        m.assign(newM);
        v.assign(newV);
        value.assign(newValue);
      });
      self.accBeta1.assign(tf.mul(self.accBeta1, this.beta1));
      self.accBeta2.assign(tf.mul(self.accBeta2, this.beta2));
    });
    self.incrementIterations();
  }
}
