/**
 * The Python half of "Show as code" that reproduces the lab's random choices: its seeded
 * generator (mulberry32, see data/rng.ts), the training subset, the Glorot-uniform starting
 * weights, the mean-digit output bias and the batch order. Both generated scripts (Keras and
 * PyTorch) include this text, so for the same seed they train on the same digits, from the
 * same starting weights, in the same batch order as the lab.
 *
 * The text assumes `import numpy as np` above it. Plain strings, no tfjs.
 */
import type { OutputActivation } from '../../config';

/**
 * The Python functions LabRandom, derive_seed, seeded_subset, glorot_uniform, mean_digit_bias
 * and lab_batches, as source text ending in a newline.
 * @param output the output activation: the starting output bias is the logit of the mean
 *   digit for a sigmoid output and the mean digit itself for a linear one (as outputBiasForMean)
 */
export function pythonLabRandom(output: OutputActivation): string {
  const bias =
    output === 'sigmoid'
      ? `    """[784] starting output bias: the decoder first draws the mean training digit.

    For a sigmoid output that is the logit of each pixel's mean, kept inside (0.001, 0.999).
    """
    mean = x_train.mean(axis=0, dtype=np.float64).astype(np.float32).astype(np.float64)
    p = np.clip(mean, 1e-3, 1 - 1e-3)
    return np.log(p / (1 - p)).astype(np.float32)`
      : `    """[784] starting output bias: the decoder first draws the mean training digit.

    For a linear output that is each pixel's mean itself.
    """
    return x_train.mean(axis=0, dtype=np.float64).astype(np.float32)`;
  return `# -------------------------------------------------------------------------------------
# The lab's random choices. The lab draws its training digits, starting weights and batch
# order from mulberry32, a small seeded generator. The same generator here makes the same
# choices for the same seed, so this script starts exactly where the lab starts.

MASK32 = 0xFFFFFFFF


class LabRandom:
    """The lab's seeded stream of numbers uniform in [0, 1) (mulberry32)."""

    def __init__(self, seed):
        self.seed = seed & MASK32
        self.drawn = 0

    def uniform(self, count):
        """The next \`count\` numbers of the stream: float64 [count]."""
        # After k draws mulberry32's state is seed + k * 0x6D2B79F5 (mod 2**32), so a whole
        # stretch of the stream is computed at once.
        k = np.arange(self.drawn + 1, self.drawn + count + 1, dtype=np.uint64)
        self.drawn += count
        t = (np.uint64(self.seed) + k * np.uint64(0x6D2B79F5)) & MASK32
        t = ((t ^ (t >> 15)) * (t | 1)) & MASK32
        t = (t ^ (t + (t ^ (t >> 7)) * (t | 61))) & MASK32
        return ((t ^ (t >> 14)) & MASK32) / 2.0**32


def derive_seed(seed, stream):
    """The seed of one of the lab's independent streams (1: weights, 2: batch order)."""
    mixed = (seed ^ ((stream + 1) * 0x9E3779B9)) & MASK32
    return int(LabRandom(mixed).uniform(1)[0] * 2**32)


def seeded_subset(total, size, seed):
    """\`size\` distinct indices of 0..total-1, ascending: the lab's training digits."""
    u = LabRandom(seed).uniform(size)
    index = list(range(total))
    for i in range(size):  # the first \`size\` steps of a Fisher-Yates shuffle
        j = i + int(u[i] * (total - i))
        index[i], index[j] = index[j], index[i]
    return np.sort(np.array(index[:size], dtype=np.int64))


def glorot_uniform(fan_in, fan_out, rng):
    """[fan_in, fan_out] starting weights, uniform in +-sqrt(6 / (fan_in + fan_out))."""
    limit = np.sqrt(6 / (fan_in + fan_out))
    weights = (2 * rng.uniform(fan_in * fan_out) - 1) * limit
    return weights.astype(np.float32).reshape(fan_in, fan_out)


def mean_digit_bias(x_train):
${bias}


def shuffled(n, rng):
    """A permutation of 0..n-1 (Fisher-Yates), drawn as the lab draws it."""
    u = rng.uniform(n - 1)
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        j = int(u[n - 1 - i] * (i + 1))
        order[i], order[j] = order[j], order[i]
    return order


def lab_batches(train_size, batch_size, seed):
    """Endless batches of rows of the training set, in the lab's order: int64 [batch_size].

    Every pass over the training set is a fresh seeded shuffle, and a batch that runs off the
    end of one pass continues into the next, so every batch is full.
    """
    rng = LabRandom(derive_seed(seed, 2))
    order, cursor = [], 0
    while True:
        batch = []
        while len(batch) < batch_size:
            if cursor == len(order):
                order, cursor = shuffled(train_size, rng), 0
            take = min(batch_size - len(batch), len(order) - cursor)
            batch += order[cursor : cursor + take]
            cursor += take
        yield np.array(batch, dtype=np.int64)
`;
}
