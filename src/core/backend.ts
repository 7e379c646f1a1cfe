/**
 * Numerical self-check of a tfjs backend before the lab trusts it with training.
 *
 * A backend can initialise and still be wrong: a missing kernel, a driver that rounds to
 * float16, a software adapter with a bug, a kernel that silently returns zeros. So the lab
 * runs the same tiny autoencoders (the real model and loss code of the trainer, at 8 pixels
 * instead of 784) on tf's plain-JS 'cpu' backend and on the candidate, and compares codes,
 * outputs, losses, gradients and the weights after two optimizer steps.
 */
import * as tf from '@tensorflow/tfjs';
import type { MlpModelConfig, TrainConfig } from './config';
import { MLP } from './kinds/mlp/kind';
import { createMlpAutoencoder } from './kinds/mlp/model';
import { evaluationSums, meanPixelLoss } from './train/losses';
import { createOptimizer, disposeOptimizer } from './train/optimizers';

export interface SelfCheckResult {
  ok: boolean;
  /** Largest absolute difference from the cpu reference over every compared number (NaN if not compared). */
  maxError: number;
  /** Why the backend was refused, as a sentence for the "why" list. */
  reason?: string;
}

/** A difference above this fraction of the quantity's own scale fails the check. */
export const SELF_CHECK_TOLERANCE = 1e-3;
/**
 * Looser bound for what an optimizer step has touched: Adam's first steps move each weight by
 * about lr * sign(gradient), so a float32 rounding difference in a near-zero gradient can flip a
 * step and show up amplified (WebGL on SwiftShader differs by ~1.6e-3 of scale after 2 steps
 * while its gradients agree to 1e-3). A broken update kernel is still off by far more.
 */
export const SELF_CHECK_STEP_TOLERANCE = 2e-2;

/** Pixels of the tiny check images, and how many images the gathered batch is drawn from. */
const PIXELS = 8;
const POOL = 6;

interface CheckCase {
  model: MlpModelConfig;
  train: Pick<TrainConfig, 'optimizer' | 'learningRate' | 'momentum'>;
}

/**
 * Between them the cases touch the kernels training uses: gather, fused and plain matMul with
 * bias, relu, elu, sigmoid, the stable cross-entropy (abs, softplus), squared difference,
 * means and sums, and the Adam and momentum updates.
 */
const CASES: readonly CheckCase[] = [
  {
    model: { ...MLP.defaults, encoderLayers: [6], codeSize: 3, hiddenActivation: 'relu', outputActivation: 'sigmoid', loss: 'bce' },
    train: { optimizer: 'adam', learningRate: 0.05, momentum: 0.9 },
  },
  {
    model: { ...MLP.defaults, encoderLayers: [6], codeSize: 3, hiddenActivation: 'elu', outputActivation: 'linear', loss: 'mse' },
    train: { optimizer: 'sgd', learningRate: 0.1, momentum: 0.9 },
  },
];

/** Everything one case computes, by name, read back to plain arrays. */
type CaseResult = Map<string, Float32Array>;

/** A fixed pool of images [POOL, PIXELS] with values in [0, 1], and the 4 rows that form the batch. */
function checkImages(): { pool: Float32Array; rows: Int32Array } {
  const pool = new Float32Array(POOL * PIXELS);
  for (let i = 0; i < pool.length; i++) pool[i] = ((i * 7 + 3) % 11) / 10;
  return { pool, rows: Int32Array.from([3, 0, 5, 1]) };
}

async function runCase(c: CheckCase): Promise<CaseResult> {
  const model = createMlpAutoencoder(c.model, 7, PIXELS);
  const optimizer = createOptimizer(c.train);
  const { pool, rows } = checkImages();
  const named: [string, tf.Tensor][] = [];
  let x: tf.Tensor2D | undefined;
  try {
    const batch = tf.tidy(() => tf.gather(tf.tensor2d(pool, [POOL, PIXELS]), tf.tensor1d(rows, 'int32')) as tf.Tensor2D);
    x = batch;
    const loss = () => meanPixelLoss(model.decodeLogits(model.encode(batch)), batch, c.model);
    named.push(
      ...tf.tidy(() => {
        const code = model.encode(batch);
        const { value, grads } = tf.variableGrads(loss, model.variables);
        return [
          ['code', code],
          ['reconstruction', model.decode(code)],
          ['evaluation sums', evaluationSums(model.decodeLogits(code), batch, c.model)],
          ['loss', value],
          ...model.variables.map((v, i): [string, tf.Tensor] => [`gradient ${i}`, grads[v.name]]),
        ] as [string, tf.Tensor][];
      }),
    );
    for (let i = 0; i < 2; i++) tf.tidy(() => void optimizer.minimize(loss, false, model.variables));
    named.push(['reconstruction after 2 steps', tf.tidy(() => model.decode(model.encode(batch)))]);
    const out: CaseResult = new Map();
    for (const [name, t] of named) out.set(name, (await t.data()) as Float32Array);
    return out;
  } finally {
    // A broken backend may fail to free, too; that must not hide the original error.
    try {
      disposeAbandonedTape();
      tf.dispose(named.map(([, t]) => t));
      x?.dispose();
      model.dispose();
      disposeOptimizer(optimizer);
    } catch {
      /* the error that got us here is the one reported */
    }
  }
}

/**
 * When a kernel throws while tfjs records gradients, the engine keeps the tensors it saved for
 * the backward pass on its tape and never frees them (tfjs 4.22 only frees them when the
 * gradient computation completes). Free them here so a failed check leaks nothing.
 */
function disposeAbandonedTape(): void {
  const state = tf.engine().state;
  if (state.gradientDepth !== 0 || state.activeTape == null) return;
  for (const node of state.activeTape) tf.dispose(node.saved ?? []);
  state.activeTape = null as unknown as typeof state.activeTape;
}

async function runAll(): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of CASES) results.push(await runCase(c));
  return results;
}

function maxAbs(a: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

function compare(reference: CaseResult[], candidate: CaseResult[]): SelfCheckResult {
  let maxError = 0;
  let failure: string | undefined;
  reference.forEach((refCase, k) => {
    const label = `${CASES[k].model.hiddenActivation}/${CASES[k].model.outputActivation}/${CASES[k].train.optimizer}`;
    for (const [name, ref] of refCase) {
      const got = candidate[k].get(name);
      if (!got || got.length !== ref.length) {
        failure ??= `${label}: ${name} has the wrong size`;
        continue;
      }
      const scale = Math.max(maxAbs(ref), 1e-6);
      if (maxAbs(got) === 0 && maxAbs(ref) > 0) failure ??= `${label}: ${name} came back all zeros`;
      for (let i = 0; i < ref.length; i++) {
        const diff = Math.abs(got[i] - ref[i]);
        if (!Number.isFinite(got[i])) {
          failure ??= `${label}: ${name} holds ${got[i]}`;
          continue;
        }
        maxError = Math.max(maxError, diff);
        const tolerance = name.includes('after') ? SELF_CHECK_STEP_TOLERANCE : SELF_CHECK_TOLERANCE;
        if (diff > tolerance * scale) {
          failure ??= `${label}: ${name} differs from the cpu reference by ${diff.toPrecision(2)} (scale ${scale.toPrecision(2)})`;
        }
      }
    }
  });
  return failure ? { ok: false, maxError, reason: `wrong numbers: ${failure}` } : { ok: true, maxError };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function restore(previous: string | null | undefined): Promise<void> {
  if (!previous || tf.engine().backendName === previous) return;
  try {
    await tf.setBackend(previous);
  } catch {
    /* the previous backend is gone; the caller picks another */
  }
}

/**
 * Runs the tiny models (forward pass, gradients, two optimizer steps) on tf's 'cpu' backend,
 * then on `backend`, and compares every number. Never throws: a failed initialisation, a
 * missing kernel or wrong numbers come back as ok: false with the reason. When ok, `backend`
 * is left as the active backend; otherwise the previously active backend is restored.
 * Leaves no tensors behind.
 */
export async function selfCheckBackend(backend: string): Promise<SelfCheckResult> {
  const previous = tf.engine().backendName as string | null | undefined;
  let reference: CaseResult[];
  try {
    if (!(await tf.setBackend('cpu'))) throw new Error('the cpu backend did not initialise');
    reference = await runAll();
  } catch (e) {
    await restore(previous);
    return { ok: false, maxError: Number.NaN, reason: `the cpu reference could not run: ${message(e)}` };
  }
  try {
    if (!tf.engine().backendNames().includes(backend)) throw new Error(`${backend} is not registered in this build`);
    if (!(await tf.setBackend(backend))) throw new Error(`${backend} failed to initialise`);
    const result = compare(reference, await runAll());
    if (!result.ok) await restore(previous ?? 'cpu');
    return result;
  } catch (e) {
    await restore(previous ?? 'cpu');
    return { ok: false, maxError: Number.NaN, reason: `${backend} failed: ${message(e)}` };
  }
}
