/**
 * Whether a backend can train a model kind, asked before the lab builds the model so the worker
 * can say "this kind needs X, missing on Y" and move to the next checked backend instead of
 * failing in the middle of a step (issue 4: every variant trains on webgpu, webgl and wasm, or
 * says why not).
 *
 * - mlp: the backend self-check (backend.ts) already trained the dense model: supported.
 * - conv: the kernels its training step dispatches (convSupport.ts) and the conv self-check
 *   (convSelfCheck.ts: code, reconstruction, loss and gradients against the cpu backend).
 * - every other kind: the kernels one tiny training step, encode, decode and measure of that
 *   kind dispatch, recorded on the cpu backend (which has every kernel) under tf.profile, and
 *   looked up in the backend's registrations. The tiny model keeps the kind and its options and
 *   shrinks the widths, so the same ops run.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, type ModelConfig, type ModelKind } from './config';
import { convBackendSupport, missingKernels } from './kinds/conv/support';
import { selfCheckConvBackend } from './kinds/conv/selfCheck';
import { preferredConvGradients } from './kinds/conv/ops';
import { createEngine } from './kinds/engines';

export interface KindSupport {
  ok: boolean;
  /** Kernels the kind needs that the backend has not registered. */
  missing: string[];
  /** A sentence for the page, e.g. "The VQ-VAE needs ArgMin, missing on webgl." */
  reason?: string;
}

const KIND_WORDS: Record<ModelKind, string> = {
  mlp: 'the dense autoencoder',
  conv: 'the convolutional autoencoder',
  vae: 'the variational autoencoder',
  vq: 'the VQ-VAE',
  adversarial: 'the adversarial autoencoder',
  conditional: 'the conditional autoencoder',
};

const cache = new Map<string, KindSupport>();

/** The same kind and options at tiny widths: the ops one step dispatches, cheaply. */
export function tinyModel(m: ModelConfig): ModelConfig {
  const tiny: ModelConfig = { ...m, codeSize: Math.min(m.codeSize, 3) };
  if ('encoderLayers' in tiny) tiny.encoderLayers = tiny.encoderLayers.map(() => 4);
  if (tiny.kind === 'conv') tiny.convChannels = tiny.convChannels.map(() => 2);
  if (tiny.kind === 'vq') {
    tiny.vqPositions = 2;
    tiny.codeSize = 4;
    tiny.codebookSize = Math.min(tiny.codebookSize, 8);
    // A dead-code reset at step 0 and every step after: the profile sees the periodic reset's kernels too.
    tiny.vqResetEvery = 1;
  }
  return tiny;
}

/** The kernels one tiny step, encode, decode and measure of this kind dispatch (on cpu; sorted, unique). */
export async function kindKernelsNeeded(m: ModelConfig): Promise<string[]> {
  const previous = tf.getBackend();
  if (!(await tf.setBackend('cpu'))) throw new Error('the cpu backend did not initialise');
  try {
    const tiny = tinyModel(m);
    const engine = createEngine(tiny, 1, new Float32Array(IMAGE_SIZE));
    const optimizer = tf.train.adam(0.001);
    try {
      const info = await tf.profile(() => {
        tf.tidy(() => {
          const x = tf.reshape(tf.linspace(0, 1, 2 * IMAGE_SIZE), [2, IMAGE_SIZE]) as tf.Tensor2D;
          const labels = tf.tensor1d([3, 7], 'int32');
          engine.trainStep(x, { model: tiny, step: 0, seed: 1, optimizer, labels });
          engine.trainStep(x, { model: tiny, step: 1, seed: 1, optimizer, labels });
          engine.decode(engine.encode(x));
          engine.reconstructLogits(x);
          engine.measure?.(x, labels);
        });
        return tf.scalar(0);
      });
      // The profile also names op and gradient scopes: keep the real kernels.
      return [...new Set(info.kernelNames)].filter((n) => tf.getKernel(n, 'cpu') !== undefined).sort();
    } finally {
      optimizer.dispose();
      engine.dispose();
    }
  } finally {
    if (previous && previous !== 'cpu') await tf.setBackend(previous);
  }
}

/**
 * Whether `backend` (registered and checked by the backend selection) can train this kind.
 * Switches to cpu and back for the measurement: call it between models, not between steps.
 * Cached per kind, options and backend.
 */
export async function kindBackendSupport(m: ModelConfig, backend: string): Promise<KindSupport> {
  if (m.kind === 'mlp' || backend === 'cpu') return { ok: true, missing: [] };
  const key = JSON.stringify([backend, tinyModel(m)]);
  const known = cache.get(key);
  if (known) return known;
  let support: KindSupport;
  if (m.kind === 'conv') {
    const conv = m;
    const kernels = await convBackendSupport(conv, backend, preferredConvGradients(backend));
    if (!kernels.ok) {
      support = kernels;
    } else {
      const check = await selfCheckConvBackend(backend, [conv.convDecoder]);
      support = check.ok
        ? { ok: true, missing: [] }
        : { ok: false, missing: [], reason: `${capital(KIND_WORDS.conv)} failed the numerical self-check on ${backend}: ${check.reason ?? 'results differ from cpu'}.` };
    }
  } else {
    const missing = missingKernels(await kindKernelsNeeded(m), backend);
    support = missing.length === 0
      ? { ok: true, missing }
      : { ok: false, missing, reason: `${capital(KIND_WORDS[m.kind])} needs ${missing.join(', ')}, missing on ${backend}.` };
  }
  cache.set(key, support);
  return support;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
