/**
 * Registers the lab's fused kernels (kernelNames.ts) for tfjs-backend-webgpu. Imported by the
 * worker next to the backend itself; after this, the dense layers and Adam use them whenever
 * webgpu is active and fused kernels are on (fusedKernels.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { KERNELS, type AdamAttrs, type FusedActivation } from './kernelNames';
import { AdamProgram, type AdamOutput } from './webgpuAdam';
import { DenseForwardProgram, DenseGradBiasProgram, DenseGradInputProgram, DenseGradWeightsProgram } from './webgpuDense';

type Inputs = Record<string, tf.TensorInfo>;
interface KernelArgs {
  inputs: Inputs;
  backend: WebGPUBackend;
  attrs: { activation: FusedActivation } & Partial<AdamAttrs>;
}

function register(kernelName: string, kernelFunc: (args: KernelArgs) => tf.TensorInfo): void {
  if (tf.getKernel(kernelName, 'webgpu')) return;
  tf.registerKernel({ kernelName, backendName: 'webgpu', kernelFunc: kernelFunc as unknown as tf.KernelFunc });
}

function adam(output: AdamOutput, order: string[]) {
  return ({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo => {
    const shape = inputs.gradient.shape;
    const program = new AdamProgram(shape, output);
    const uniforms = [attrs.learningRate, attrs.beta1, attrs.beta2, attrs.epsilon].map((v) => ({ type: 'float32', data: [v as number] }));
    const result = backend.makeTensorInfo(shape, 'float32');
    return backend.runWebGPUProgram(program, order.map((name) => inputs[name]), 'float32', uniforms, result);
  };
}

let registered = false;

/** Registers every fused kernel for webgpu (once). */
export function registerWebgpuKernels(): void {
  if (registered) return;
  registered = true;
  register(KERNELS.denseForward, ({ inputs: { x, w, bias }, backend, attrs }) =>
    backend.runWebGPUProgram(new DenseForwardProgram(x.shape[0], w.shape[1], attrs.activation), [x, w, bias], 'float32'),
  );
  register(KERNELS.denseGradInput, ({ inputs: { dy, y, w }, backend, attrs }) =>
    backend.runWebGPUProgram(new DenseGradInputProgram(dy.shape[0], w.shape[0], attrs.activation), [dy, y, w], 'float32'),
  );
  register(KERNELS.denseGradWeights, ({ inputs: { x, dy, y }, backend, attrs }) =>
    backend.runWebGPUProgram(new DenseGradWeightsProgram(x.shape[1], dy.shape[1], attrs.activation), [x, dy, y], 'float32'),
  );
  register(KERNELS.denseGradBias, ({ inputs: { dy, y }, backend, attrs }) =>
    backend.runWebGPUProgram(new DenseGradBiasProgram(dy.shape[1], attrs.activation), [dy, y], 'float32'),
  );
  register(KERNELS.adamValue, adam('value', ['value', 'gradient', 'm', 'v', 'accBeta1', 'accBeta2']));
  register(KERNELS.adamFirstMoment, adam('firstMoment', ['gradient', 'm']));
  register(KERNELS.adamSecondMoment, adam('secondMoment', ['gradient', 'v']));
}
