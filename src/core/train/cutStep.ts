/**
 * A training step cut into parts (issue 11): a model whose one step takes seconds (four dense
 * layers of 2,000 and a code of 1,000: ~8 s on wasm) would make Pause wait that long, since a
 * step is one synchronous computation. Cut, the batch [B, 784] is taken in `parts` micro-batches
 * [b_i, 784]; each computes its gradients through the engine's own trainStep, handed an optimizer
 * that only adds them up, weighted b_i / B (GradientSum); after the last part the run's optimizer
 * applies the sum once. The caller yields between parts, so a pause is answered within one part,
 * and an abandoned step changes nothing (its sums are freed, the model is as before it).
 *
 * For objectives that are means over the batch (reconstruction, the code penalties, the VAE's
 * KL, the contractive term) the summed gradient is the whole batch's. Terms of batch statistics
 * (the KL sparsity's mean activation ρ̂, the VQ codebook's usage, the adversarial encoder's own
 * optimizer) see each part alone: an approximation, used only for models too slow to step whole.
 */
import * as tf from '@tensorflow/tfjs';

/** An optimizer that adds the gradients it is given, scaled by `weight`, instead of applying them. */
export class GradientSum extends tf.Optimizer {
  static className = 'GradientSum';

  /** Scale of the next gradients: the part's share of the batch. */
  weight = 1;
  private readonly sums = new Map<string, tf.Tensor>();

  override applyGradients(gradients: tf.NamedTensorMap | { name: string; tensor: tf.Tensor }[]): void {
    const list = Array.isArray(gradients) ? gradients : Object.entries(gradients).map(([name, tensor]) => ({ name, tensor }));
    for (const { name, tensor } of list) {
      if (!tensor) continue;
      const before = this.sums.get(name);
      const next = tf.tidy(() => (before ? tf.add(before, tf.mul(tensor, this.weight)) : tf.mul(tensor, this.weight)));
      tf.keep(next);
      before?.dispose();
      this.sums.set(name, next);
    }
  }

  /** Applies the sums with `optimizer` (the run's: its slots and step count advance once), then frees them. */
  applyTo(optimizer: tf.Optimizer): void {
    optimizer.applyGradients(Object.fromEntries(this.sums));
    this.dispose();
  }

  override dispose(): void {
    for (const t of this.sums.values()) t.dispose();
    this.sums.clear();
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {};
  }
}

/** The parts' row ranges of a batch of `size` rows in `parts` nearly equal parts, [start, end). */
export function partRanges(size: number, parts: number): [number, number][] {
  const n = Math.max(1, Math.min(size, Math.floor(parts)));
  return Array.from({ length: n }, (_, i) => [Math.floor((i * size) / n), Math.floor(((i + 1) * size) / n)]);
}
