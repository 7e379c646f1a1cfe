/**
 * The training subset of a run: `trainSize` training digits drawn with the seed, from all of
 * them or, for anomaly detection, only from the "normal" digits (a model that never sees the
 * other digits should reconstruct them badly).
 */
import { ALL_DIGITS, isAllDigits } from '../settings/choices';
import { seededSubset } from './rng';

export { ALL_DIGITS, isAllDigits };

/**
 * Indices into the training set, ascending. With all ten digits: seededSubset(n, trainSize,
 * seed), exactly as before normal digits existed. Otherwise the same seeded draw over the
 * training digits whose label is listed, min(trainSize, how many there are) of them (each MNIST
 * digit has 5,421 to 6,742 training images).
 * @param labels [n] training labels 0-9
 * @param normalDigits ascending digits to train on, at least one
 */
export function trainingSubset(labels: ArrayLike<number>, trainSize: number, seed: number, normalDigits: readonly number[]): Int32Array {
  if (isAllDigits(normalDigits)) return seededSubset(labels.length, trainSize, seed);
  if (normalDigits.length === 0) throw new RangeError('at least one normal digit is needed to train on');
  const wanted = new Set(normalDigits);
  const eligible: number[] = [];
  for (let i = 0; i < labels.length; i++) if (wanted.has(labels[i])) eligible.push(i);
  if (eligible.length === 0) throw new RangeError(`no training digit is a ${normalDigits.join(', ')}`);
  const picked = seededSubset(eligible.length, Math.min(trainSize, eligible.length), seed);
  return Int32Array.from(picked, (j) => eligible[j]);
}
