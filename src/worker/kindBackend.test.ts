/**
 * A kind the chosen backend cannot train moves to the next checked backend, and the page is
 * told why; the dense model goes back. The missing kernel is made real by unregistering wasm's
 * Conv2D for the test (and registering it again after).
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../core/config';
import { DEFAULT_CONV_MODEL, type ConvModelConfig } from '../core/kinds/conv/kind';
import { useWasmInNode } from '../core/train/nodeBackend';
import type { BackendReport } from './api';
import { reason } from './backendReport';
import { fallbackOrder, KindBackends } from './kindBackend';

const report: BackendReport = {
  chosen: 'wasm',
  forced: false,
  candidates: [
    { name: 'webgpu', status: 'failed', reason: reason('noAdapter', {}) },
    { name: 'webgl', status: 'failed', reason: reason('noWebGl', {}) },
    { name: 'wasm', status: 'chosen', reason: reason('fastest', { samplesPerSec: 5000 }), samplesPerSec: 5000 },
    { name: 'cpu', status: 'skipped', reason: reason('notNeeded', { chosen: 'wasm' }) },
  ],
};
const conv: ConvModelConfig = { ...DEFAULT_CONV_MODEL, convChannels: [2, 2], codeSize: 4 };

beforeAll(async () => {
  await useWasmInNode();
});

describe('fallbackOrder', () => {
  it('puts the chosen backend first, the other checked ones by speed, cpu last unless it failed', () => {
    const r: BackendReport = {
      chosen: 'webgpu',
      forced: false,
      candidates: [
        { name: 'webgpu', status: 'chosen', reason: reason('checked', {}), samplesPerSec: 9000 },
        { name: 'webgl', status: 'passed', reason: reason('checked', {}), samplesPerSec: 2000 },
        { name: 'wasm', status: 'passed', reason: reason('checked', {}), samplesPerSec: 5000 },
        { name: 'cpu', status: 'skipped', reason: reason('notTried', {}) },
      ],
    };
    expect(fallbackOrder(r)).toEqual(['webgpu', 'wasm', 'webgl', 'cpu']);
    expect(fallbackOrder({ ...r, candidates: r.candidates.map((c) => (c.name === 'cpu' ? { ...c, status: 'failed' as const } : c)) })).toEqual(['webgpu', 'wasm', 'webgl']);
  });
});

describe('KindBackends', () => {
  const saved = () => tf.getKernel('Conv2D', 'wasm');
  let conv2d: ReturnType<typeof saved>;
  afterAll(() => {
    if (conv2d && !tf.getKernel('Conv2D', 'wasm')) tf.registerKernel(conv2d);
  });

  it('keeps a kind on the chosen backend when it has every kernel', async () => {
    const kinds = new KindBackends(report);
    const choice = await kinds.activate(conv);
    expect(choice.backend).toBe('wasm');
    expect(choice.moved).toBeUndefined();
    expect(tf.getBackend()).toBe('wasm');
  }, 60_000);

  it('moves a kind whose kernel is missing to the next checked backend, says why, and comes back for the MLP', async () => {
    conv2d = saved();
    tf.unregisterKernel('Conv2D', 'wasm');
    const kinds = new KindBackends(report);
    // Another decoder than the first test's, so nothing cached answers.
    const choice = await kinds.activate({ ...conv, convDecoder: 'repeatUnpool' });
    expect(choice.backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(choice.moved).toMatch(/convolutional autoencoder .*needs .*Conv2D.*missing on wasm/);
    expect(choice.report.chosen).toBe('cpu');
    const wasm = choice.report.candidates.find((c) => c.name === 'wasm');
    expect(wasm?.forModel?.code).toBe('cannotTrain');
    expect(wasm?.forModel?.code === 'cannotTrain' && wasm.forModel.detail).toMatch(/Conv2D/);
    expect(choice.report.candidates.find((c) => c.name === 'cpu')?.forModel).toEqual({ code: 'inUse' });
    const back = await kinds.activate(DEFAULT_CONFIG.model);
    expect(back.backend).toBe('wasm');
    expect(back.report).toBe(report);
    expect(tf.getBackend()).toBe('wasm');
    tf.registerKernel(conv2d!);
  }, 60_000);
});
