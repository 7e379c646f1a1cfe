import { describe, expect, it } from 'vitest';
import { reason } from './backendReport';
import { DEFAULT_CONFIG, type LabConfig } from '../core/config';
import { KINDS } from '../core/kinds/registry';
import { backendFlops, CUT_ABOVE_MS, partsFor, plannedParts } from './stepCutting';

const wide: LabConfig = { model: { ...KINDS.mlp.defaults, encoderLayers: [2000, 2000, 2000, 2000], codeSize: 1000 }, train: DEFAULT_CONFIG.train };

describe('step cutting', () => {
  it('leaves a quick step whole and cuts a slow one into parts of about 150 ms, at most one row each', () => {
    expect(partsFor(CUT_ABOVE_MS, 64)).toBe(1);
    expect(partsFor(8000, 64)).toBe(54);
    expect(partsFor(60_000, 64)).toBe(64);
  });

  it('plans the issue\'s slow model in parts on wasm, and the default model whole', () => {
    const report = { chosen: 'wasm' as const, forced: false, candidates: [{ name: 'wasm' as const, status: 'chosen' as const, reason: reason('forcedChecked', {}), samplesPerSec: 880 }] };
    const flops = backendFlops(report, 'wasm');
    expect(plannedParts(DEFAULT_CONFIG, flops)).toBe(1);
    expect(plannedParts(wide, flops)).toBeGreaterThan(10);
    // Not measured (a forced backend): the machine's floor.
    expect(backendFlops(undefined, 'wasm')).toBeGreaterThan(0);
  });
});
