/**
 * The page's side of the run protocol (worker/apiRun.ts), with the real store: a run begun by
 * the page takes its config at once and empties the run before; the worker's events land only
 * if they carry the current run's id; the worker's own events always land.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig } from '../core/config';
import { kindModel } from '../core/kinds/fullForm';
import { message } from '../core/messages';
import type { LabEvent, ProgressEvent, VqEvent } from '../worker/api';
import { droppedEvents, routeEvent } from './labEvents';
import { useLab } from './store';

const vqConfig: LabConfig = {
  ...DEFAULT_CONFIG,
  model: kindModel('vq', { encoderLayers: [256, 64], codeSize: 32, vqPositions: 8, codebookSize: 64 }),
};

const progress = (runId: number, step: number): ProgressEvent => ({
  type: 'progress', runId, step, epoch: step / 50, samplesSeen: step * 100, samplesPerSec: 1000, trainLoss: 0.2, elapsedMs: step * 10,
});
const vqAtStep0 = (runId: number): VqEvent => ({
  type: 'vq', runId, step: 0, epoch: 0, codebookSize: 64, positions: 8, showcaseIndices: new Int32Array(80), n: 10,
  usage: new Float32Array(64), perplexity: 20, codesUsed: 30, count: 1000,
});
const announce = (runId: number, config: LabConfig, cause: 'configure' | 'reset' = 'configure'): LabEvent => ({
  type: 'run', runId, cause, config, step: 0, epoch: 0, samplesSeen: 0,
});

beforeEach(() => {
  // A page that trained run 1 of the default MLP for a while.
  const run = useLab.getState().beginRun('configure', DEFAULT_CONFIG);
  routeEvent(announce(run.runId, DEFAULT_CONFIG));
  routeEvent(progress(run.runId, 40));
  routeEvent({ type: 'status', runId: run.runId, state: 'running' });
});

describe('the run the page shows', () => {
  it('switching to a VQ-VAE: the config is taken at once and the new run\'s step-0 event is shown', () => {
    const old = useLab.getState().run.id;
    const run = useLab.getState().beginRun('configure', vqConfig);
    expect(run).toEqual({ runId: old + 1, cause: 'configure' });
    let s = useLab.getState();
    expect(s.config.model.kind).toBe('vq');
    expect(s).toMatchObject({ history: [], progress: undefined, runState: 'idle', vq: undefined });

    // The old run's last chunk arrives after the page asked; then the new run's first events.
    routeEvent(progress(old, 45));
    routeEvent({ type: 'status', runId: old, state: 'running' });
    routeEvent(announce(run.runId, vqConfig));
    routeEvent(vqAtStep0(run.runId));
    s = useLab.getState();
    expect(s.history).toEqual([]);
    expect(s.runState).toBe('idle');
    expect(s.run.announced).toMatchObject({ runId: run.runId, config: { model: { kind: 'vq' } } });
    expect(s.vq).toMatchObject({ runId: run.runId, step: 0, perplexity: 20 });
    expect(s.vqHistory).toEqual([{ step: 0, epoch: 0, perplexity: 20, codesUsed: 30 }]);
  });

  it('configure twice quickly: nothing of the first two runs lands in the third\'s history', () => {
    const training = useLab.getState().run.id;
    const second = useLab.getState().beginRun('configure', { ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, codeSize: 3 } });
    const third = useLab.getState().beginRun('configure', { ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, codeSize: 4 } });
    const dropped = droppedEvents();
    for (const e of [progress(training, 46), announce(second.runId, DEFAULT_CONFIG), progress(second.runId, 1), { type: 'pcaBaseline', runId: second.runId, codeSize: 3, testSquaredError: 40, testLoss: 0.2 } as const]) {
      routeEvent(e);
    }
    expect(droppedEvents() - dropped).toBe(4);
    routeEvent(announce(third.runId, useLab.getState().config));
    routeEvent(progress(third.runId, 1));
    const s = useLab.getState();
    expect(s.config.model.codeSize).toBe(4);
    expect(s.pcaBaseline).toBeUndefined();
    expect(s.history.map((p) => p.step)).toEqual([1]);
    expect(s.progress?.runId).toBe(third.runId);
  });

  it('a divergence arrives as a code with its numbers, and a reset empties it', () => {
    const { id } = useLab.getState().run;
    const reason = message('diverged.nan', { step: 812, learningRate: 0.5, suggested: 0.05 });
    routeEvent({ type: 'status', runId: id, state: 'diverged', reason });
    expect(useLab.getState()).toMatchObject({ runState: 'diverged', runReason: reason });
    const reset = useLab.getState().beginRun('reset');
    expect(useLab.getState()).toMatchObject({ runState: 'idle', runReason: undefined, history: [], run: { id: reset.runId, cause: 'reset' } });
    expect(useLab.getState().config.model.kind).toBe('mlp');
  });

  it('the worker\'s own events land whatever the run', () => {
    const errors = useLab.getState().errors.length;
    useLab.getState().beginRun('configure');
    routeEvent({ type: 'error', kind: 'internal', message: message('internal.pcaFailed', {}, 'worker died') });
    routeEvent({ type: 'backend', report: { chosen: 'wasm', forced: true, candidates: [] } });
    // A lost device is told by the client's restart notice, not twice.
    routeEvent({ type: 'error', kind: 'backend', message: message('backend.deviceLost', {}), lostBackend: 'webgpu' });
    const s = useLab.getState();
    expect(s.errors.slice(errors).map((e) => e.message.code)).toEqual(['internal.pcaFailed']);
    expect(s.backend?.chosen).toBe('wasm');
  });
});
