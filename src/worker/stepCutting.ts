/**
 * How many parts a training step is cut into (core/train/cutStep.ts), so that Pause is answered
 * within about PART_TARGET_MS however slow the model: first from the cost estimate and the
 * backend's measured speed (the probe's samples per second of the default model, or the
 * machine-floor figures where it was not measured), then from each step's own measured time.
 */
import { DEFAULT_CONFIG, type LabConfig } from '../core/config';
import { estimateCost, flopsPerSecond, stepSeconds, UNMEASURED_FLOPS } from '../core/cost/costEstimate';
import type { BackendName, BackendReport } from './api';

/** A part of a cut step aims at this (ms): a pause waits at most about this long. */
export const PART_TARGET_MS = 150;
/** A step longer than this is cut (ms); shorter ones run whole, in chunks of many. */
export const CUT_ABOVE_MS = 400;

/** The backend's floating-point operations per second: measured by its probe, else the floor. */
export function backendFlops(report: BackendReport | undefined, backend: BackendName): number {
  const measured = report?.candidates.find((c) => c.name === backend)?.samplesPerSec;
  return measured && measured > 0 ? flopsPerSecond(DEFAULT_CONFIG, measured) : UNMEASURED_FLOPS[backend];
}

/** Parts for a step that takes `stepMs`: 1 (whole) when it is short, else enough for PART_TARGET_MS each, at most one row each. */
export function partsFor(stepMs: number, batchSize: number): number {
  if (stepMs <= CUT_ABOVE_MS) return 1;
  return Math.min(batchSize, Math.ceil(stepMs / PART_TARGET_MS));
}

/** Digits an evaluation chunk of `config`'s model may take for its forward pass to last about PART_TARGET_MS. */
export function chunkRowsFor(config: LabConfig, flops: number): number {
  const perDigit = 2 * estimateCost(config).macsPerDigit;
  return Math.max(1, Math.floor(((PART_TARGET_MS / 1000) * flops) / perDigit));
}

/** The parts of `config`'s step before any is measured: from its estimated time on this backend. */
export function plannedParts(config: LabConfig, flops: number): number {
  return partsFor(1000 * stepSeconds(estimateCost(config), flops), config.train.batchSize);
}
