import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfCheckConvBackend } from './selfCheck';
import { convBackendSupport, convKernelsNeeded, missingKernels } from './support';
import { DEFAULT_CONV_MODEL } from './kind';
import type { ConvDecoderKind as ConvDecoder } from '../../settings/choices';
import { useWasmInNode } from '../../train/nodeBackend';

/** A backend that is plain tfjs cpu underneath, with kernels as given (missing or altered). */
function registerCpuVariant(name: string, kernels: (k: tf.KernelConfig) => tf.KernelConfig | null): void {
  tf.registerBackend(name, () => new tf.MathBackendCPU());
  for (const k of tf.getKernelsForBackend('cpu')) {
    const changed = kernels(k);
    if (changed) tf.registerKernel({ ...changed, backendName: name });
  }
}

const model = (decoder: ConvDecoder) => ({ ...DEFAULT_CONV_MODEL, convChannels: [2, 2], codeSize: 3, convDecoder: decoder });

beforeAll(async () => {
  await useWasmInNode();
  // Max pooling 1% too high, as a buggy driver might be: the forward pass is wrong.
  registerCpuVariant('maxpool-off', (k) =>
    k.kernelName !== 'MaxPool'
      ? k
      : {
          ...k,
          kernelFunc: (args) => {
            const cpu = args.backend as tf.MathBackendCPU;
            const out = (k.kernelFunc as (a: typeof args) => tf.TensorInfo)(args);
            const values = (cpu.readSync(out.dataId) as Float32Array).map((v) => v * 1.01);
            cpu.disposeData(out.dataId);
            return cpu.makeTensorInfo(out.shape, 'float32', values);
          },
        },
  );
  registerCpuVariant('no-filter-gradient', (k) => (k.kernelName === 'Conv2DBackpropFilter' ? null : k));
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('which kernels the conv autoencoder needs', () => {
  it("tfjs's own gradients need Conv2DBackpropFilter, which wasm lacks; WebGL and WebGPU have it", async () => {
    const needed = await convKernelsNeeded(model('repeatUnpool'), 'tape');
    expect(needed).toEqual(expect.arrayContaining(['Conv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPool']));
    expect(missingKernels(needed, 'wasm')).toEqual(['Conv2DBackpropFilter']);
    expect(missingKernels(needed, 'webgl')).toEqual([]);
    expect(missingKernels(needed, 'webgpu')).toEqual([]);
    // The measurement restores the backend in use.
    expect(tf.getBackend()).toBe('wasm');
  });

  it.each(['maxUnpool', 'repeatUnpool', 'deconvolution'] as ConvDecoder[])(
    '%s: the forward-convolution gradients need nothing wasm, WebGL or WebGPU lacks',
    async (decoder) => {
      const needed = await convKernelsNeeded(model(decoder), 'forwardConvolutions');
      expect(needed).not.toContain('Conv2DBackpropFilter');
      expect(needed).not.toContain('Conv2DBackpropInput');
      // Max-unpooling takes the pooling gradient from its switches; the others use MaxPoolGrad.
      if (decoder === 'maxUnpool') expect(needed).not.toContain('MaxPoolGrad');
      else expect(needed).toContain('MaxPoolGrad');
      for (const backend of ['wasm', 'webgl', 'webgpu']) expect(missingKernels(needed, backend)).toEqual([]);
    },
  );

  it('says what is missing where, in a sentence', async () => {
    const s = await convBackendSupport(model('deconvolution'), 'wasm', 'tape');
    expect(s).toEqual({
      ok: false,
      missing: ['Conv2DBackpropFilter'],
      reason: 'The convolutional autoencoder with the deconvolution decoder needs Conv2DBackpropFilter, missing on wasm.',
    });
    expect((await convBackendSupport(model('deconvolution'), 'wasm', 'forwardConvolutions')).ok).toBe(true);
  });
});

describe('selfCheckConvBackend', () => {
  it('passes wasm with its forward-convolution gradients, leaves it active and leaks nothing', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const r = await selfCheckConvBackend('wasm');
    expect(r.reason).toBeUndefined();
    expect(r.ok).toBe(true);
    expect(r.maxError).toBeLessThan(1e-4);
    expect(tf.getBackend()).toBe('wasm');
    await tf.setBackend('cpu');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a wrong max pooling, naming what differs, and restores the previous backend', async () => {
    await tf.setBackend('wasm');
    const r = await selfCheckConvBackend('maxpool-off', ['repeatUnpool']);
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/^wrong numbers: conv repeatUnpool: (code|reconstruction|loss|gradient \d+) differs/);
    expect(tf.getBackend()).toBe('wasm');
  });

  it('refuses a backend without a kernel the variant needs, by name, before running anything', async () => {
    const r = await selfCheckConvBackend('no-filter-gradient', ['maxUnpool']);
    expect(r).toMatchObject({
      ok: false,
      reason: 'The convolutional autoencoder with the max-unpooling decoder needs Conv2DBackpropFilter, missing on no-filter-gradient.',
    });
  });
});
