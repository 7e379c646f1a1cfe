/**
 * Deciding that training has diverged, and saying what to try: as a message code with the
 * numbers a student can act on (core/messages.ts), worded by the page in the reader's language.
 */
import { message } from '../messages';
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
 * @param learningRate the configured learning rate, quoted in the advice with a tenth of it
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
  const advice = { learningRate, suggested: suggestLowerRate(learningRate) };
  if (!Number.isFinite(loss)) {
    const code = Number.isNaN(loss) ? 'diverged.nan' : 'diverged.infinite';
    return { step, kind: 'nan', loss, message: message(code, { step, ...advice }) };
  }
  const yardstick = Math.min(bestLoss, meanImageLoss);
  const exploding =
    (step >= DIVERGENCE_WARMUP_STEPS && loss > EXPLODING_FACTOR * yardstick) || loss > ABSURD_FACTOR * meanImageLoss;
  if (exploding) {
    const shown = { step, loss: roundLoss(loss), factor: EXPLODING_FACTOR, ...advice };
    return {
      step,
      kind: 'exploding',
      loss,
      message:
        bestLoss <= meanImageLoss
          ? message('diverged.explodedBest', { ...shown, best: roundLoss(bestLoss) })
          : message('diverged.explodedMean', { ...shown, meanLoss: roundLoss(meanImageLoss) }),
    };
  }
  return undefined;
}

/** A tenth of the rate, rounded to two significant digits (0.5 -> 0.05, 0.003 -> 0.0003). */
function suggestLowerRate(lr: number): number {
  return Number((lr / 10).toPrecision(2));
}

/** Three significant digits: the loss as the message quotes it. */
function roundLoss(x: number): number {
  return Number(x.toPrecision(3));
}
