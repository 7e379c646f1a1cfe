/**
 * One arm on one seed, judged by the page's judge (src/lessons/claims.ts): the value of the
 * claim's metric, the target it is compared with, and the verdict, guard included.
 */
import { claimTarget, evaluateClaim, type ClaimInputs } from '../../src/lessons/claims';
import type { ClaimCheck } from '../../src/lessons/types';
import type { Check, Inputs, SeedResult } from './types';

export function judge(check: Check, seed: number, research: Inputs): SeedResult {
  // The judge reads metrics by name at run time; the research's new measures are names like the others.
  const c = check as ClaimCheck;
  const inputs = research as ClaimInputs;
  const verdict = evaluateClaim(c, inputs);
  if (verdict.state === 'pending') {
    throw new Error(`seed ${seed}: the claim is still pending (${verdict.reason}) at epoch ${inputs.epoch}`);
  }
  const value = inputs.current[c.metric] ?? Number.NaN;
  const target = claimTarget(c, inputs) ?? Number.NaN;
  const result: SeedResult = { seed, value, target, holds: verdict.state === 'holds', epoch: inputs.epoch };
  if (verdict.guard) result.guard = { metric: verdict.guard, value: verdict.value, target: verdict.target };
  else if (c.guard) {
    const g = inputs.current[c.guard.metric];
    if (g !== undefined) result.guard = { metric: c.guard.metric, value: g, target: c.guard.value };
  }
  return result;
}
