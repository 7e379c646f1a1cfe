/**
 * Deciding that training has diverged, and saying so in words a student can act on.
 */
import type { Divergence } from './types';

/**
 * A loss read above this multiple of its yardstick (the lower of the best read so far and the
 * loss of simply drawing the mean image) counts as exploding...
 */
export const EXPLODING_FACTOR = 10;
/** ...once this many steps have been taken (the first reads can be noisy)... */
export const DIVERGENCE_WARMUP_STEPS = 50;
/** ...or at once when it is this many times the mean-image loss: no healthy run gets there. */
export const ABSURD_FACTOR = 1000;

/**
 * @param loss mean training loss per pixel of the latest read
 * @param step optimizer steps taken when it was read
 * @param bestLoss lowest finite loss read before (Infinity if none)
 * @param learningRate the configured learning rate, quoted in the advice
 * @param meanImageLoss loss per pixel of drawing the mean training image (where training starts)
 * @returns the divergence, or undefined when training looks healthy
 */
export function detectDivergence(
  loss: number,
  step: number,
  bestLoss: number,
  learningRate: number,
  meanImageLoss = Infinity,
): Divergence | undefined {
  const advice =
    `Try a lower learning rate (it is ${learningRate}), for example ${suggestLowerRate(learningRate)}, ` +
    `then press Reset.`;
  if (!Number.isFinite(loss)) {
    const what = Number.isNaN(loss) ? 'NaN (not a number)' : 'infinite';
    return { step, kind: 'nan', loss, message: `The loss became ${what} by step ${step}. ${advice}` };
  }
  const yardstick = Math.min(bestLoss, meanImageLoss);
  const exploding =
    (step >= DIVERGENCE_WARMUP_STEPS && loss > EXPLODING_FACTOR * yardstick) || loss > ABSURD_FACTOR * meanImageLoss;
  if (exploding) {
    const compared =
      bestLoss <= meanImageLoss
        ? `its best so far (${formatLoss(bestLoss)})`
        : `the loss of drawing the average digit (${formatLoss(meanImageLoss)})`;
    return {
      step,
      kind: 'exploding',
      loss,
      message:
        `The loss exploded by step ${step}: ${formatLoss(loss)} per pixel, more than ` +
        `${EXPLODING_FACTOR} times ${compared}. ${advice}`,
    };
  }
  return undefined;
}

/** A tenth of the rate, rounded to two significant digits (0.5 -> 0.05, 0.003 -> 0.0003). */
function suggestLowerRate(lr: number): number {
  return Number((lr / 10).toPrecision(2));
}

function formatLoss(x: number): string {
  return Number(x.toPrecision(3)).toString();
}
