/**
 * Which tfjs kernels a convolutional autoencoder needs, and which of them a backend lacks, so
 * the worker can say "this variant needs X, missing on backend Y" and move on to the next
 * checked backend instead of failing in the middle of a step.
 *
 * The list is not written by hand: one tiny training step (forward, gradients, an Adam update)
 * runs on the cpu backend, which has every kernel, under tf.profile, and every kernel it
 * dispatches is recorded. A backend lacks a kernel when the global registry holds none for it
 * (tf.getKernel); kernels register when a backend's package is imported, before it initialises.
 *
 * From the registrations of tfjs 4.22 (node_modules/@tensorflow/tfjs-backend-*\/dist/
 * register_all_kernels.js): wasm has no Conv2DBackpropFilter (nor the depthwise backprops), so
 * tfjs's own conv gradients cannot train there; the forward-convolution gradients of convOps.ts
 * need none of them. WebGL and WebGPU register every conv, pooling and resize kernel.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../../config';
import { createConvAutoencoder } from './model';
import type { ConvSpec } from './model';
import type { ConvGradients } from './ops';
import { preferredGradients } from '../../models/dense';
import { meanPixelLoss } from '../../train/losses';

const cache = new Map<string, string[]>();

/**
 * Kernel names one training step of this model dispatches (sorted, without duplicates), with
 * the given conv gradients. Switches to the cpu backend for the measurement and back; call it
 * before the lab builds its model (in the backend probe), not between training steps.
 */
export async function convKernelsNeeded(config: ConvSpec, gradients: ConvGradients): Promise<string[]> {
  const key = JSON.stringify([config.convChannels, config.convDecoder, config.hiddenActivation, config.loss, config.outputActivation, gradients]);
  const known = cache.get(key);
  if (known) return known;
  const previous = tf.getBackend();
  if (!(await tf.setBackend('cpu'))) throw new Error('the cpu backend did not initialise');
  try {
    // The same model at a tiny code; the dense layers as they run on a wasm backend when the
    // conv layers do ('forwardConvolutions' is the wasm path).
    const dense = gradients === 'forwardConvolutions' ? preferredGradients('wasm') : 'tape';
    const model = createConvAutoencoder({ ...config, codeSize: 2 }, 1, undefined, { conv: gradients, dense });
    const optimizer = tf.train.adam(0.001);
    const x = tf.tidy(() => tf.reshape(tf.linspace(0, 1, 2 * IMAGE_SIZE), [2, IMAGE_SIZE]) as tf.Tensor2D);
    try {
      const info = await tf.profile(() => {
        tf.tidy(() => {
          const batch = tf.gather(x, tf.tensor1d([1, 0], 'int32')) as tf.Tensor2D;
          optimizer.minimize(() => meanPixelLoss(model.forward(batch).logits, batch, config), false, model.variables);
        });
        return tf.scalar(0);
      });
      // The profile also lists op and custom-gradient scopes ('forward', 'fusedConv2d__op'):
      // keep the names of real kernels, which the cpu backend has all of.
      const names = [...new Set(info.kernelNames)].filter((n) => tf.getKernel(n, 'cpu') !== undefined).sort();
      cache.set(key, names);
      return names;
    } finally {
      x.dispose();
      optimizer.dispose();
      model.dispose();
    }
  } finally {
    if (previous && previous !== 'cpu') await tf.setBackend(previous);
  }
}

/** The kernels of `needed` that no package has registered for `backend`. */
export function missingKernels(needed: readonly string[], backend: string): string[] {
  return needed.filter((name) => tf.getKernel(name, backend) === undefined);
}

export interface ConvBackendSupport {
  ok: boolean;
  missing: string[];
  /** For the "why" list, e.g. "the deconvolution decoder needs Conv2DBackpropFilter, missing on wasm". */
  reason?: string;
}

const DECODER_WORDS: Record<ConvSpec['convDecoder'], string> = {
  maxUnpool: 'the max-unpooling decoder',
  repeatUnpool: 'the repeat-unpooling decoder',
  deconvolution: 'the deconvolution decoder',
};

/** Whether `backend` has every kernel this conv model needs with the given gradients. */
export async function convBackendSupport(
  config: ConvSpec,
  backend: string,
  gradients: ConvGradients,
): Promise<ConvBackendSupport> {
  const missing = missingKernels(await convKernelsNeeded(config, gradients), backend);
  if (missing.length === 0) return { ok: true, missing };
  return {
    ok: false,
    missing,
    reason: `The convolutional autoencoder with ${DECODER_WORDS[config.convDecoder]} needs ${missing.join(', ')}, missing on ${backend}.`,
  };
}
