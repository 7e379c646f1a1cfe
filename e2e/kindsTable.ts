/**
 * Tiny models of every kind, as free-lab links: e2e/kinds.spec.ts trains each on wasm,
 * e2e/softwareGpu.spec.ts the ones with kernels of their own on the software GPUs.
 */
import type { Backend } from './fixtures';

/**
 * One per kind (and per conv decoder: each runs other kernels). `gpu`: also on the software-GPU
 * projects, the kinds whose kernels go beyond the dense model's (convolutions, pooling,
 * unpooling, transposed convolution; the VQ-VAE's nearest-code search): the VAE, the
 * adversarial and the conditional kinds are dense layers plus element-wise terms, whose kernels
 * the backend self-check and kindSupport.ts cover; SwiftShader takes minutes per kind. Software
 * WebGPU compiles slowest (three kinds took 4.8 min in CI, webgl 1.3 min): it trains the conv
 * model with max-unpooling (convolutions, pooling switches, unpooling), webgl all three.
 */
export const KINDS: { name: string; gpu?: readonly Backend[]; fields: Record<string, string> }[] = [
  { name: 'conv, max-unpooling', gpu: ['webgl', 'webgpu'], fields: { kind: 'conv', layers: 'none', channels: '4', code: '8', decoder: 'maxUnpool' } },
  { name: 'conv, repeat-unpooling', fields: { kind: 'conv', layers: 'none', channels: '4', code: '8', decoder: 'repeatUnpool' } },
  { name: 'conv, deconvolution', gpu: ['webgl'], fields: { kind: 'conv', layers: 'none', channels: '4', code: '8', decoder: 'deconvolution' } },
  { name: 'vae', fields: { kind: 'vae', layers: '32', code: '2' } },
  { name: 'vq', gpu: ['webgl'], fields: { kind: 'vq', layers: '32', code: '8', positions: '4', codebook: '16', vqreset: '10' } },
  { name: 'adversarial, ring prior', fields: { kind: 'adversarial', layers: '32', code: '2', prior: 'ring' } },
  { name: 'conditional', fields: { kind: 'conditional', layers: '32', code: '4' } },
];

/** The free lab's other fields: batch 32 on the smallest training subset, learning rate 0.005. */
export const BASE: Record<string, string> = {
  v: '1', lesson: 'free', act: 'relu', out: 'sigmoid', loss: 'bce', l2: '0', opt: 'adam', lr: '0.005', mom: '0.9',
  batch: '32', n: '1000', seed: '1', log: '1', grid: '12', lang: 'en',
};

/** The link's hash (without '#') for a kind's fields over BASE. */
export const hashOf = (fields: Record<string, string>) => Object.entries({ ...BASE, ...fields }).map(([k, v]) => `${k}=${v}`).join('&');
