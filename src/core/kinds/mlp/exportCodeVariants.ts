/**
 * "Show as code" for the autoencoder variants (issue 4): the Python pieces exportCode.ts puts
 * into its Keras and PyTorch scripts when a variant is on. Denoising: a numpy `corrupt()` with
 * the lab's three noises, applied to each training batch (the target stays the clean batch).
 * Its noise is drawn by numpy, so it is not the lab's draw (tfjs's seeded generator): the
 * scripts follow the lab statistically, not number for number, once noise is on.
 *
 * Contractive: the penalty CONTRACTIVE x mean over the batch of ||dz/dx||²_F in the lab's closed
 * form (train/contractive.ts): dᵀ((W2 W2ᵀ) ⊙ (W1ᵀ W1))d for one hidden layer, ||W||² without.
 *
 * Pure string generation: no tfjs.
 */
import type { HiddenActivation, MlpModelConfig } from '../../config';

type Variant = Pick<MlpModelConfig, 'noise' | 'noiseLevel'> & Partial<Pick<MlpModelConfig, 'contractive' | 'encoderLayers' | 'hiddenActivation' | 'codeL2'>>;

const NOISE_TEXT: Record<Exclude<MlpModelConfig['noise'], 'none'>, (level: string) => string> = {
  gaussian: (l) => `Gaussian noise of sigma ${l} added to each pixel, clipped to [0, 1]`,
  saltPepper: (l) => `salt and pepper: a share ${l} of the pixels set to 0 or 1 (half each)`,
  mask: (l) => `masking: a share ${l} of the pixels set to 0`,
};

/** A Python float literal (as exportCode's pyFloat). */
function py(x: number): string {
  const s = String(x);
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

/** The header line that names the variant, or '' for a plain autoencoder. */
export function variantHeader(model: Variant): string {
  const lines: string[] = [];
  if (model.noise !== 'none') lines.push(`# Denoising: trained on corrupted digits against the clean ones; ${NOISE_TEXT[model.noise](py(model.noiseLevel))}.`);
  if (contractiveOn(model)) lines.push(`# Contractive: plus ${py(model.contractive ?? 0)} x the squared Frobenius norm of the encoder's Jacobian dz/dx (mean over the batch).`);
  return lines.map((l) => `\n${l}`).join('');
}

const contractiveOn = (model: Variant) => (model.contractive ?? 0) > 0;

/** Constants for the script's top, one per line with a leading newline, or ''. */
export function variantConstants(model: Variant): string {
  const contractive = contractiveOn(model) ? `\nCONTRACTIVE = ${py(model.contractive ?? 0)}  # weight of the contractive penalty` : '';
  if (model.noise === 'none') return contractive;
  return `${contractive}\nNOISE = "${model.noise}"  # the lab's input corruption: gaussian, saltPepper or mask\nNOISE_LEVEL = ${py(model.noiseLevel)}  # sigma for gaussian, else the share of pixels hit`;
}

/** The corrupt() function (numpy; `torch` converts tensors), or '' for a plain autoencoder. */
export function pythonCorrupt(model: Variant, torch: boolean): string {
  if (model.noise === 'none') return '';
  const [toNumpy, back] = torch ? ['x = x.numpy()\n    ', 'torch.from_numpy(noisy)'] : ['', 'noisy'];
  return `

# -------------------------------------------------------------------------------------
# Denoising: each training batch is corrupted afresh; the model is asked for the clean digit.
# (numpy draws the noise, not the lab's generator: the same kind of noise, other values.)
noise_rng = np.random.default_rng(SEED)


def corrupt(x):
    """[batch, 784] pixels in [0, 1] -> the same batch with the lab's noise, in [0, 1]."""
    ${toNumpy}u = noise_rng.random(x.shape, dtype=np.float32)
    if NOISE == "gaussian":
        noisy = np.clip(x + NOISE_LEVEL * noise_rng.standard_normal(x.shape, dtype=np.float32), 0, 1)
    elif NOISE == "saltPepper":
        noisy = np.where(u < NOISE_LEVEL / 2, 1, np.where(u < NOISE_LEVEL, 0, x)).astype(np.float32)
    else:  # mask: blank a share of the pixels, as BERT masks words
        noisy = np.where(u < NOISE_LEVEL, 0, x).astype(np.float32)
    return ${back}`;
}

/** The training input for batch `x` (a Python expression). */
export function trainingInput(model: Variant, x: string): string {
  return model.noise === 'none' ? x : `corrupt(${x})`;
}

/** d = f'(z) from the hidden output h = f(z), as a Python expression of `h`. */
function slope(activation: HiddenActivation, torch: boolean): string {
  const ops = torch ? 'torch' : 'keras.ops';
  switch (activation) {
    case 'relu':
      return torch ? '(h > 0).float()' : 'keras.ops.cast(h > 0, "float32")';
    case 'sigmoid':
      return 'h * (1 - h)';
    case 'tanh':
      return '1 - h**2';
    case 'elu':
      return `${ops}.where(h > 0, 1.0, h + 1)`;
  }
}

/**
 * Keras: a pass-through layer that adds the contractive penalty (on the hidden layer's output,
 * or on the code without hidden layers), or '' when the penalty is off.
 */
export function kerasContractive(model: Variant): string {
  if (!contractiveOn(model)) return '';
  const hidden = (model.encoderLayers?.length ?? 0) === 1;
  const body = hidden
    ? `        w1, w2 = encoder.layers[0].kernel, encoder.layers[1].kernel  # [784, H], [H, CODE_SIZE]
        d = ${slope(model.hiddenActivation ?? 'relu', false)}  # f'(z) of the hidden layer, [batch, H]
        g = keras.ops.matmul(w2, keras.ops.transpose(w2)) * keras.ops.matmul(keras.ops.transpose(w1), w1)  # [H, H]
        self.add_loss(CONTRACTIVE * keras.ops.mean(keras.ops.sum(keras.ops.matmul(d, g) * d, axis=1)))`
    : `        # No hidden layer: dz/dx is the kernel itself, the same for every digit.
        self.add_loss(CONTRACTIVE * keras.ops.sum(keras.ops.square(encoder.layers[0].kernel)))`;
  return `

# The contractive penalty: CONTRACTIVE x mean over the batch of ||dz/dx||^2 (Frobenius), in
# closed form: with h = f(x W1 + b1) and code = h W2 + b2, ||J||^2 = d^T ((W2 W2^T) * (W1^T W1)) d.
class ContractivePenalty(layers.Layer):
    def call(self, h):
${body}
        return h
`;
}

/** Keras: the encoder applied to `inputs` with the contractive penalty in place (or plain encoder(inputs)). */
export function kerasEncoded(model: Variant): string {
  if (!contractiveOn(model)) return 'encoder(inputs)';
  return (model.encoderLayers?.length ?? 0) === 1
    ? 'encoder.layers[1](ContractivePenalty()(encoder.layers[0](inputs)))'
    : 'ContractivePenalty()(encoder(inputs))';
}

/** PyTorch: the contractive_penalty function, or '' when the penalty is off. */
export function torchContractive(model: Variant): string {
  if (!contractiveOn(model)) return '';
  const hidden = (model.encoderLayers?.length ?? 0) === 1;
  const body = hidden
    ? `    w1, w2 = encoder[0].weight, encoder[2].weight  # nn.Linear keeps [H, 784] and [CODE_SIZE, H]
    d = ${slope(model.hiddenActivation ?? 'relu', true)}  # f'(z) of the hidden layer, [batch, H]
    g = (w2.T @ w2) * (w1 @ w1.T)  # (W2 W2^T) * (W1^T W1) in the lab's [in, out] notation, [H, H]
    return ((d @ g) * d).sum(dim=1).mean()`
    : `    return (encoder[0].weight ** 2).sum()  # no hidden layer: dz/dx is the weight itself`;
  return `

def contractive_penalty(h):
    """Mean over the batch of ||dz/dx||^2 (Frobenius), closed form: d^T ((W2 W2^T) * (W1^T W1)) d."""
${body}
`;
}

/**
 * PyTorch: the training step's lines (8 spaces of indent after the first) when the contractive
 * penalty is on, or undefined for exportCode's own step.
 */
export function torchContractiveStep(model: Variant, decode: string): string | undefined {
  if (!contractiveOn(model)) return undefined;
  const input = trainingInput({ noise: model.noise, noiseLevel: model.noiseLevel }, 'x');
  const hidden = (model.encoderLayers?.length ?? 0) === 1;
  const l2 = (model.codeL2 ?? 0) > 0 ? ' + CODE_L2 * (code**2).sum(dim=1).mean()' : '';
  return hidden
    ? `h = encoder[:2](${input})  # the hidden layer, [BATCH_SIZE, H]
        code = encoder[2](h)  # [BATCH_SIZE, CODE_SIZE]
        reconstruction_loss = loss_fn(${decode}(code), x)
        loss = reconstruction_loss + CONTRACTIVE * contractive_penalty(h)${l2}`
    : `code = encoder(${input})  # [BATCH_SIZE, CODE_SIZE]
        reconstruction_loss = loss_fn(${decode}(code), x)
        loss = reconstruction_loss + CONTRACTIVE * contractive_penalty(None)${l2}`;
}
