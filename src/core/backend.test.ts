import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selfCheckBackend } from './backend';

/** A backend that is plain tfjs cpu underneath, with kernels as given (missing or altered). */
function registerCpuVariant(name: string, kernels: (k: tf.KernelConfig) => tf.KernelConfig | null): void {
  tf.registerBackend(name, () => new tf.MathBackendCPU());
  for (const k of tf.getKernelsForBackend('cpu')) {
    const changed = kernels(k);
    if (changed) tf.registerKernel({ ...changed, backendName: name });
  }
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  // Every kernel present, but the sigmoid is subtly wrong (0.1% too high), as a buggy driver might be.
  registerCpuVariant('sigmoid-off', (k) =>
    k.kernelName !== 'Sigmoid'
      ? k
      : {
          ...k,
          kernelFunc: ({ inputs, backend }) => {
            const cpu = backend as tf.MathBackendCPU;
            const x = inputs.x as tf.TensorInfo;
            const values = (cpu.readSync(x.dataId) as Float32Array).map((v) => 1.001 / (1 + Math.exp(-v)));
            return cpu.makeTensorInfo(x.shape, 'float32', values);
          },
        },
  );
  // No Softplus kernel: the stable cross-entropy cannot run.
  registerCpuVariant('no-softplus', (k) => (k.kernelName === 'Softplus' ? null : k));
  // Nothing works at all: the base class throws "not yet implemented" on the first upload.
  tf.registerBackend('hollow', () => new tf.KernelBackend());
});

describe('selfCheckBackend', () => {
  it('passes the cpu backend, with no difference from itself, and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const r = await selfCheckBackend('cpu');
    expect(r).toEqual({ ok: true, maxError: 0 });
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves a backend that passes active', async () => {
    registerCpuVariant('cpu-copy', (k) => k);
    const r = await selfCheckBackend('cpu-copy');
    expect(r.ok).toBe(true);
    expect(tf.getBackend()).toBe('cpu-copy');
    await tf.setBackend('cpu');
  });

  it('refuses wrong numbers, naming what differs, and restores the previous backend', async () => {
    const before = tf.memory().numTensors;
    const r = await selfCheckBackend('sigmoid-off');
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/^wrong numbers: relu\/sigmoid\/adam: .+ differs from the cpu reference by /);
    expect(r.maxError).toBeGreaterThan(1e-4);
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a backend with a missing kernel, without throwing', async () => {
    const before = tf.memory().numTensors;
    const r = await selfCheckBackend('no-softplus');
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/no-softplus failed: .*Softplus/);
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a backend that cannot hold a tensor, and one that does not exist', async () => {
    const before = tf.memory().numTensors;
    const hollow = await selfCheckBackend('hollow');
    expect(hollow.ok).toBe(false);
    expect(hollow.reason).toMatch(/^hollow failed: /);
    const missing = await selfCheckBackend('webgpu-not-imported');
    expect(missing).toMatchObject({ ok: false, reason: 'webgpu-not-imported failed: webgpu-not-imported is not registered in this build' });
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.memory().numTensors).toBe(before);
  });
});
