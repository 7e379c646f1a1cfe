/**
 * "Show as code" for the sparse autoencoder (issue 4): the code layer's activation and the
 * sparsity penalty in the Keras and PyTorch scripts of exportCode.ts, with the lab's scaling
 * (train/sparsity.ts): L1 = SPARSITY_WEIGHT x mean over the batch of sum_j |code_j| (an
 * explicit add_loss, not ActivityRegularization, whose scaling by the batch size differs
 * between Keras versions); KL = SPARSITY_WEIGHT x sum_j KL(RHO || mean over the batch of code_j).
 * Pure string generation: no tfjs.
 */
import type { MlpModelConfig } from '../../config';

type Sparse = Pick<MlpModelConfig, 'codeActivation' | 'sparsity' | 'sparsityWeight' | 'sparsityTarget'>;

const py = (x: number) => (/^-?\d+$/.test(String(x)) ? `${x}.0` : String(x));

export const sparsityOn = (m: Sparse) => m.sparsity !== 'none' && m.sparsityWeight > 0;

/** How the header names the code: "a linear code", "a relu code". */
export const codeKind = (m: Sparse) => `a ${m.codeActivation ?? 'linear'} code`;

/** The header line of the sparse variant, or ''. */
export function sparseHeader(m: Sparse): string {
  if (!sparsityOn(m)) return '';
  const term = m.sparsity === 'l1' ? 'the summed |activity| of the code' : `sum over code units of KL(${py(m.sparsityTarget)} || the unit's mean activation)`;
  return `\n# Sparse: plus ${py(m.sparsityWeight)} x ${term} (mean over the batch).`;
}

export function sparseConstants(m: Sparse): string {
  if (!sparsityOn(m)) return '';
  const rho = m.sparsity === 'kl' ? `\nRHO = ${py(m.sparsityTarget)}  # target mean activation of each code unit (KL)` : '';
  return `\nSPARSITY = "${m.sparsity}"  # l1 on the code's activity, or kl toward RHO\nSPARSITY_WEIGHT = ${py(m.sparsityWeight)}  # weight of the sparsity penalty${rho}`;
}

/** Keras: the code layer's Dense line. */
export function kerasCodeLayer(m: Sparse, width: number): string {
  const a = m.codeActivation ?? 'linear';
  return a === 'linear'
    ? `layers.Dense(${width}, name="code"),  # the bottleneck: linear, so a code can be any real numbers`
    : `layers.Dense(${width}, activation="${a}", name="code"),  # the bottleneck: ${a === 'relu' ? 'a unit can be exactly 0 (off)' : 'each unit between 0 and 1'}`;
}

/** PyTorch: what follows the code layer's nn.Linear in the encoder. */
export function torchCodeLayerTail(m: Sparse): string {
  const a = m.codeActivation ?? 'linear';
  if (a === 'relu') return ' nn.ReLU(),  # the code: a unit can be exactly 0 (off)';
  if (a === 'sigmoid') return ' nn.Sigmoid(),  # the code: each unit between 0 and 1';
  return '  # the code: linear, so it can be any real numbers';
}

/** The penalty as Python on a [batch, CODE_SIZE] `code`, with `ops` (keras.ops or torch). */
function penaltyExpression(m: Sparse, torch: boolean): string {
  if (m.sparsity === 'l1') return torch ? 'code.abs().sum(dim=1).mean()' : 'keras.ops.mean(keras.ops.sum(keras.ops.abs(code), axis=1))';
  return torch
    ? `(lambda q: (RHO * torch.log(RHO / q) + (1 - RHO) * torch.log((1 - RHO) / (1 - q))).sum())(code.mean(dim=0).clamp(1e-6, 1 - 1e-6))`
    : `(lambda q: keras.ops.sum(RHO * keras.ops.log(RHO / q) + (1 - RHO) * keras.ops.log((1 - RHO) / (1 - q))))(keras.ops.clip(keras.ops.mean(code, axis=0), 1e-6, 1 - 1e-6))`;
}

/** Keras: a pass-through layer adding the sparsity penalty on the code, or ''. */
export function kerasSparsity(m: Sparse): string {
  if (!sparsityOn(m)) return '';
  return `

# The sparsity penalty on the code, between encoder and decoder (Keras prints the loss with
# it included; the lab's train loss leaves it out).
class SparsityPenalty(layers.Layer):
    def call(self, code):
        self.add_loss(SPARSITY_WEIGHT * ${penaltyExpression(m, false)})
        return code


`;
}

/** Keras: `encoded` wrapped in the sparsity layer when it is on. */
export const kerasSparseWrap = (m: Sparse, encoded: string) => (sparsityOn(m) ? `SparsityPenalty()(${encoded})` : encoded);

/** PyTorch: the loss term added in the training step (on `code`), or ''. */
export const torchSparsityTerm = (m: Sparse) => (sparsityOn(m) ? ` + SPARSITY_WEIGHT * ${penaltyExpression(m, true)}` : '');
