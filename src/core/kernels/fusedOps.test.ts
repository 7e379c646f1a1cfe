/**
 * The fused ops' wiring, in Node: the WGSL kernels need a GPU, so for this test the same
 * kernels are registered for the cpu backend in plain JavaScript (the arithmetic of
 * webgpuDense.ts and webgpuAdam.ts, element by element). Then a dense model and Adam step the
 * fused way and tfjs's way from the same start, and must agree: outputs, gradients (the
 * customGrad's saved tensors and which inputs get gradients), the optimizer's state, and the
 * tensor count, exactly, after steps, encodes and dispose. In the browser the self-check
 * (core/backend.ts) compares the real WGSL kernels with tfjs's cpu ops the same way.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type MlpModelConfig } from '../config';
import { createMlpAutoencoder } from '../kinds/mlp/model';
import { preferredGradients } from '../models/dense';
import { meanPixelLoss } from '../train/losses';
import { createOptimizer, disposeOptimizer } from '../train/optimizers';
import { fusedKernelsActive, setFusedKernels } from './fusedKernels';
import { KERNELS, type AdamAttrs, type FusedActivation } from './kernelNames';

type CpuBackend = { data: { get(id: object): { values: Float32Array } }; makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): tf.TensorInfo };
type Args = { inputs: Record<string, tf.TensorInfo>; backend: CpuBackend; attrs: { activation: FusedActivation } & AdamAttrs };

const f: Record<FusedActivation, (z: number) => number> = {
  linear: (z) => z,
  relu: (z) => Math.max(z, 0),
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: (z) => Math.tanh(z),
  elu: (z) => (z > 0 ? z : Math.exp(z) - 1),
};
const df: Record<FusedActivation, (y: number) => number> = {
  linear: () => 1,
  relu: (y) => (y > 0 ? 1 : 0),
  sigmoid: (y) => y * (1 - y),
  tanh: (y) => 1 - y * y,
  elu: (y) => (y > 0 ? 1 : y + 1),
};

function cpuKernels(): string[] {
  const values = (b: CpuBackend, t: tf.TensorInfo) => b.data.get(t.dataId).values;
  const kernels: Record<string, (a: Args) => tf.TensorInfo> = {
    [KERNELS.denseForward]: ({ inputs: { x, w, bias }, backend: b, attrs }) => {
      const [rows, inner] = x.shape;
      const cols = w.shape[1];
      const [X, W, B] = [values(b, x), values(b, w), values(b, bias)];
      const out = new Float32Array(rows * cols);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          let z = B[c];
          for (let k = 0; k < inner; k++) z += X[r * inner + k] * W[k * cols + c];
          out[r * cols + c] = f[attrs.activation](z);
        }
      return b.makeTensorInfo([rows, cols], 'float32', out);
    },
    [KERNELS.denseGradInput]: ({ inputs: { dy, y, w }, backend: b, attrs }) => {
      const [rows, inner] = dy.shape;
      const cols = w.shape[0];
      const [DY, Y, W] = [values(b, dy), values(b, y), values(b, w)];
      const out = new Float32Array(rows * cols);
      for (let r = 0; r < rows; r++)
        for (let k = 0; k < cols; k++)
          for (let n = 0; n < inner; n++) out[r * cols + k] += DY[r * inner + n] * df[attrs.activation](Y[r * inner + n]) * W[k * inner + n];
      return b.makeTensorInfo([rows, cols], 'float32', out);
    },
    [KERNELS.denseGradWeights]: ({ inputs: { x, dy, y }, backend: b, attrs }) => {
      const [batch, rows] = x.shape;
      const cols = dy.shape[1];
      const [X, DY, Y] = [values(b, x), values(b, dy), values(b, y)];
      const out = new Float32Array(rows * cols);
      for (let s = 0; s < batch; s++)
        for (let k = 0; k < rows; k++)
          for (let c = 0; c < cols; c++) out[k * cols + c] += X[s * rows + k] * DY[s * cols + c] * df[attrs.activation](Y[s * cols + c]);
      return b.makeTensorInfo([rows, cols], 'float32', out);
    },
    [KERNELS.denseGradBias]: ({ inputs: { dy, y }, backend: b, attrs }) => {
      const [batch, cols] = dy.shape;
      const [DY, Y] = [values(b, dy), values(b, y)];
      const out = new Float32Array(cols);
      for (let s = 0; s < batch; s++) for (let c = 0; c < cols; c++) out[c] += DY[s * cols + c] * df[attrs.activation](Y[s * cols + c]);
      return b.makeTensorInfo([cols], 'float32', out);
    },
    [KERNELS.adamValue]: ({ inputs: { value, gradient, m, v, accBeta1, accBeta2 }, backend: b, attrs: a }) => {
      const [V0, G, M, V, A1, A2] = [value, gradient, m, v, accBeta1, accBeta2].map((t) => values(b, t));
      const out = V0.map((x, i) => {
        const mi = a.beta1 * M[i] + (1 - a.beta1) * G[i];
        const vi = a.beta2 * V[i] + (1 - a.beta2) * G[i] * G[i];
        return x - (a.learningRate * (mi / (1 - A1[0]))) / (Math.sqrt(vi / (1 - A2[0])) + a.epsilon);
      });
      return b.makeTensorInfo(gradient.shape, 'float32', out);
    },
    [KERNELS.adamFirstMoment]: ({ inputs: { gradient, m }, backend: b, attrs: a }) => {
      const [G, M] = [values(b, gradient), values(b, m)];
      return b.makeTensorInfo(gradient.shape, 'float32', M.map((x, i) => a.beta1 * x + (1 - a.beta1) * G[i]));
    },
    [KERNELS.adamSecondMoment]: ({ inputs: { gradient, v }, backend: b, attrs: a }) => {
      const [G, V] = [values(b, gradient), values(b, v)];
      return b.makeTensorInfo(gradient.shape, 'float32', V.map((x, i) => a.beta2 * x + (1 - a.beta2) * G[i] * G[i]));
    },
  };
  for (const [kernelName, kernelFunc] of Object.entries(kernels)) {
    tf.registerKernel({ kernelName, backendName: 'cpu', kernelFunc: kernelFunc as unknown as tf.KernelFunc });
  }
  return Object.keys(kernels);
}

const MODEL: MlpModelConfig = {
  ...DEFAULT_CONFIG.model,
  encoderLayers: [7, 5],
  codeSize: 3,
  hiddenActivation: 'elu',
  outputActivation: 'sigmoid',
  loss: 'bce',
  codeL2: 0,
};
const PIXELS = 9;

function batch(): tf.Tensor2D {
  return tf.tensor2d(Array.from({ length: 6 * PIXELS }, (_, i) => ((i * 7 + 3) % 11) / 10), [6, PIXELS]);
}

/** Three Adam steps of the tiny model; every weight, moment and the code afterwards. */
async function train(fused: boolean, model: MlpModelConfig): Promise<{ values: Float32Array[]; kernels: string[] }> {
  setFusedKernels(fused);
  const autoencoder = createMlpAutoencoder(model, 11, PIXELS);
  const optimizer = createOptimizer({ optimizer: 'adam', learningRate: 0.05, momentum: 0.9 });
  const x = batch();
  const loss = () => meanPixelLoss(autoencoder.decodeLogits(autoencoder.encode(x)), x, model);
  const profile = await tf.profile(() => tf.tidy(() => void optimizer.minimize(loss, false, autoencoder.variables)));
  for (let i = 0; i < 2; i++) tf.tidy(() => void optimizer.minimize(loss, false, autoencoder.variables));
  const [iterations, ...slots] = await optimizer.getWeights();
  iterations.tensor.dispose(); // a fresh scalar; the slots are the optimizer's own
  const state = slots.map((w) => w.tensor);
  const code = tf.tidy(() => autoencoder.encode(x));
  const values = await Promise.all([...autoencoder.variables, ...state, code].map(async (t) => (await t.data()) as Float32Array));
  code.dispose();
  x.dispose();
  autoencoder.dispose();
  disposeOptimizer(optimizer);
  return { values, kernels: [...new Set(profile.kernels.map((k) => k.name))] };
}

describe('the fused dense layer and Adam (cpu stand-ins for the WGSL kernels)', () => {
  let registered: string[] = [];
  beforeAll(async () => {
    await tf.setBackend('cpu');
    registered = cpuKernels();
  });
  afterAll(() => {
    for (const name of registered) tf.unregisterKernel(name, 'cpu');
    setFusedKernels(true);
  });

  it('are used where the backend has them and wanted, else tfjs ops', () => {
    setFusedKernels(true);
    expect(fusedKernelsActive('cpu')).toBe(true);
    expect(preferredGradients('cpu')).toBe('fused');
    expect(fusedKernelsActive('wasm')).toBe(false);
    setFusedKernels(false);
    expect(preferredGradients('cpu')).toBe('tape');
  });

  it.each(['elu', 'relu', 'tanh'] as const)('train like tfjs\'s ops with %s hidden layers, and leave no tensor behind', async (hiddenActivation) => {
    const model = { ...MODEL, hiddenActivation };
    const before = tf.memory().numTensors;
    const plain = await train(false, model);
    expect(tf.memory().numTensors).toBe(before);
    const fused = await train(true, model);
    expect(tf.memory().numTensors).toBe(before);
    expect(fused.kernels).toEqual(expect.arrayContaining([KERNELS.denseForward, KERNELS.denseGradWeights, KERNELS.denseGradBias, KERNELS.denseGradInput, KERNELS.adamValue]));
    expect(plain.kernels).not.toContain(KERNELS.denseForward);
    expect(fused.values.length).toBe(plain.values.length);
    fused.values.forEach((v, i) => {
      const scale = Math.max(...plain.values[i].map(Math.abs), 1e-6);
      v.forEach((x, j) => expect(Math.abs(x - plain.values[i][j]), `tensor ${i}[${j}]`).toBeLessThan(1e-4 * scale));
    });
  }, 60_000);
});
