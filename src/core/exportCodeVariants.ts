/**
 * "Show as code" for the autoencoder variants (issue 4): the Python pieces exportCode.ts puts
 * into its Keras and PyTorch scripts when a variant is on. Denoising: a numpy `corrupt()` with
 * the lab's three noises, applied to each training batch (the target stays the clean batch).
 * Its noise is drawn by numpy, so it is not the lab's draw (tfjs's seeded generator): the
 * scripts follow the lab statistically, not number for number, once noise is on.
 *
 * Pure string generation: no tfjs.
 */
import type { MlpModelConfig } from './config';

type Variant = Pick<MlpModelConfig, 'noise' | 'noiseLevel'>;

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
  if (model.noise === 'none') return '';
  return `\n# Denoising: trained on corrupted digits against the clean ones; ${NOISE_TEXT[model.noise](py(model.noiseLevel))}.`;
}

/** Constants for the script's top, one per line with a leading newline, or ''. */
export function variantConstants(model: Variant): string {
  if (model.noise === 'none') return '';
  return `\nNOISE = "${model.noise}"  # the lab's input corruption: gaussian, saltPepper or mask\nNOISE_LEVEL = ${py(model.noiseLevel)}  # sigma for gaussian, else the share of pixels hit`;
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
