/**
 * Whether the lab's fused kernels (kernelNames.ts) run now: they are wanted (the default;
 * `?fused=0` turns them off, so the bench measures both in one run) and the active backend
 * has them registered. Asked at each call, so a backend switch takes effect at once.
 */
import * as tf from '@tensorflow/tfjs';
import { KERNELS } from './kernelNames';

let wanted = true;

/** Turns the fused kernels on or off for everything computed from now on. */
export function setFusedKernels(on: boolean): void {
  wanted = on;
}

export function fusedKernelsWanted(): boolean {
  return wanted;
}

/** True when the dense layers and Adam run fused on `backend` (default: the active one). */
export function fusedKernelsActive(backend: string = tf.getBackend()): boolean {
  return wanted && tf.getKernel(KERNELS.denseForward, backend) !== undefined;
}
