/**
 * Names and shapes of each kind's weights, in the order of its Engine's variables: what a
 * snapshot (snapshot.ts) stores and checks. Each kind's module says its own layout
 * (core/kinds/<kind>/kind.ts); pure, no tfjs.
 */
import type { ModelConfig } from '../kinds/registry';
import { kindOf } from '../kinds/registry';
import type { WeightSpec } from '../kinds/kindModule';

export type { WeightSpec } from '../kinds/kindModule';
export { weightLayout } from '../kinds/denseLayout';

/** The weights of the model `model.kind` names. */
export function engineWeightLayout(model: ModelConfig): WeightSpec[] {
  return kindOf(model).weightLayout(model);
}
