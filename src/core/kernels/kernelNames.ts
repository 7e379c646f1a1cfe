/**
 * The lab's own fused kernels (issue 13): their names in tfjs's kernel registry and what they
 * take. Registered for the webgpu backend only (registerWebgpuKernels.ts); the ops in
 * fusedDense.ts and fusedAdam.ts use them where the active backend has them and fall back to
 * tfjs's ops elsewhere, so the cpu backend, which the self-check (core/backend.ts) takes as
 * the reference, always computes the unfused way.
 */
import type { HiddenActivation, OutputActivation } from '../config';

/** Every activation of the lab's dense layers (models/dense.ts LayerActivation) has a fused form. */
export type FusedActivation = HiddenActivation | OutputActivation;

export const KERNELS = {
  /** inputs x [batch, fanIn], w [fanIn, fanOut], bias [fanOut]; attrs { activation }; y [batch, fanOut] */
  denseForward: 'LabDenseForward',
  /** inputs dy, y [batch, fanOut], w [fanIn, fanOut]; attrs { activation }; dx [batch, fanIn] */
  denseGradInput: 'LabDenseGradInput',
  /** inputs x [batch, fanIn], dy, y [batch, fanOut]; attrs { activation }; dW [fanIn, fanOut] */
  denseGradWeights: 'LabDenseGradWeights',
  /** inputs dy, y [batch, fanOut]; attrs { activation }; db [fanOut] */
  denseGradBias: 'LabDenseGradBias',
  /** inputs value, gradient, m, v, accBeta1, accBeta2; attrs AdamAttrs; the updated value */
  adamValue: 'LabAdamValue',
  /** inputs gradient, m; attrs AdamAttrs; the updated first moment */
  adamFirstMoment: 'LabAdamFirstMoment',
  /** inputs gradient, v; attrs AdamAttrs; the updated second moment */
  adamSecondMoment: 'LabAdamSecondMoment',
} as const;

export interface AdamAttrs {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}
