/**
 * The backend self-check (backend.ts) extended to the convolutional autoencoder: a tiny conv
 * model (2 + 2 channels, a 3-number code, 2 digits of 28x28) of every decoder runs on the cpu
 * backend with tfjs's own gradients and on the candidate with the gradients the lab would use
 * there (convOps.preferredConvGradients: the forward-convolution ones on wasm), and its code,
 * reconstruction, loss and the gradient of every variable are compared. Before anything runs
 * the candidate is asked for the kernels the model needs (convSupport.ts), so a missing kernel
 * is reported by name rather than as a failed step.
 */
import * as tf from '@tensorflow/tfjs';
import { SELF_CHECK_TOLERANCE, type SelfCheckResult } from '../../backend';
import { IMAGE_SIZE } from '../../config';
import { convBackendSupport } from './support';
import { createConvAutoencoder } from './model';
import { DEFAULT_CONV_MODEL, type ConvModelConfig } from './kind';
import { CONV_DECODER_KINDS, type ConvDecoderKind } from '../../settings/choices';
import { preferredConvGradients, type ConvGradients } from './ops';
import { preferredGradients, type DenseGradients } from '../../models/dense';
import { meanPixelLoss } from '../../train/losses';

const tiny = (decoder: ConvDecoderKind): ConvModelConfig => ({ ...DEFAULT_CONV_MODEL, convChannels: [2, 2], codeSize: 3, convDecoder: decoder });

/** Two fixed digit-like images [2, 784] in [0, 1]: strokes with ties (flat zero areas) and without. */
function checkImages(): Float32Array {
  const x = new Float32Array(2 * IMAGE_SIZE);
  for (let p = 0; p < IMAGE_SIZE; p++) {
    const r = Math.floor(p / 28);
    const c = p % 28;
    x[p] = Math.abs(r - c) < 3 || Math.abs(r + c - 27) < 2 ? 0.2 + ((r * 7 + c * 3) % 10) / 12.5 : 0;
    x[IMAGE_SIZE + p] = ((p * 37 + 11) % 101) / 100;
  }
  return x;
}

async function runCase(decoder: ConvDecoderKind, gradients: { conv: ConvGradients; dense: DenseGradients }): Promise<Map<string, Float32Array>> {
  const config = tiny(decoder);
  const model = createConvAutoencoder(config, 7, undefined, gradients);
  const named: [string, tf.Tensor][] = [];
  try {
    named.push(
      ...tf.tidy(() => {
        const x = tf.tensor2d(checkImages(), [2, IMAGE_SIZE]);
        const { code, logits } = model.forward(x);
        const { value, grads } = tf.variableGrads(() => meanPixelLoss(model.forward(x).logits, x, config), model.variables);
        return [
          ['code', code],
          ['reconstruction', tf.sigmoid(logits)],
          ['loss', value],
          ...model.variables.map((v, i): [string, tf.Tensor] => [`gradient ${i}`, grads[v.name]]),
        ] as [string, tf.Tensor][];
      }),
    );
    const out = new Map<string, Float32Array>();
    for (const [name, t] of named) out.set(name, (await t.data()) as Float32Array);
    return out;
  } finally {
    tf.dispose(named.map(([, t]) => t));
    model.dispose();
  }
}

function maxAbs(a: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/**
 * Checks the conv model of every decoder (or of `decoders`) on `backend` against the cpu
 * reference. Never throws; on failure the previously active backend is restored, on success
 * `backend` is left active. Leaves no tensors behind.
 */
export async function selfCheckConvBackend(
  backend: string,
  decoders: readonly ConvDecoderKind[] = CONV_DECODER_KINDS,
): Promise<SelfCheckResult & { decoders: ConvDecoderKind[] }> {
  const previous = tf.getBackend();
  const fail = async (reason: string) => {
    if (previous && tf.getBackend() !== previous) await tf.setBackend(previous).catch(() => false);
    return { ok: false, maxError: Number.NaN, reason, decoders: [...decoders] };
  };
  const gradients = { conv: preferredConvGradients(backend), dense: preferredGradients(backend) };
  try {
    for (const d of decoders) {
      const support = await convBackendSupport(tiny(d), backend, gradients.conv);
      if (!support.ok) return await fail(support.reason!);
    }
    if (!(await tf.setBackend('cpu'))) return await fail('the cpu reference did not initialise');
    const reference = [];
    for (const d of decoders) reference.push(await runCase(d, { conv: 'tape', dense: 'tape' }));
    if (!(await tf.setBackend(backend))) return await fail(`${backend} failed to initialise`);
    let maxError = 0;
    for (let k = 0; k < decoders.length; k++) {
      const got = await runCase(decoders[k], gradients);
      for (const [name, ref] of reference[k]) {
        const g = got.get(name)!;
        const scale = Math.max(maxAbs(ref), 1e-6);
        if (maxAbs(g) === 0 && maxAbs(ref) > 0) return await fail(`conv ${decoders[k]}: ${name} came back all zeros`);
        for (let i = 0; i < ref.length; i++) {
          if (!Number.isFinite(g[i])) return await fail(`conv ${decoders[k]}: ${name} holds ${g[i]}`);
          const diff = Math.abs(g[i] - ref[i]);
          maxError = Math.max(maxError, diff);
          if (diff > SELF_CHECK_TOLERANCE * scale) {
            return await fail(
              `wrong numbers: conv ${decoders[k]}: ${name} differs from the cpu reference by ${diff.toPrecision(2)} (scale ${scale.toPrecision(2)})`,
            );
          }
        }
      }
    }
    return { ok: true, maxError, decoders: [...decoders] };
  } catch (e) {
    return await fail(`${backend} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
