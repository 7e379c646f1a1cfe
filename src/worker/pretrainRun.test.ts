/**
 * The pretraining run on real MNIST in Node (wasm backend), with a tiny stack: its stages
 * arrive in order, accuracies from fine-tuning step 0, the full 10,000-digit test at the end,
 * pause and reset behave, and no tensor is left behind by a reset.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistNode } from '../core/data/mnistNode';
import { useWasmInNode } from '../core/train/nodeBackend';
import { DEFAULT_PRETRAIN_CONFIG, type PretrainConfig } from '../core/train/pretrainConfig';
import type { MnistData } from '../core/train/types';
import type { LabEvent, PretrainSummary } from './api';
import { PretrainRun } from './pretrainRun';

let data: MnistData;
beforeAll(async () => {
  await useWasmInNode();
  data = loadMnistNode();
});

const tiny: PretrainConfig = { ...DEFAULT_PRETRAIN_CONFIG, widths: [32, 16], trainSize: 1000, labels: 100, pretrainEpochs: 0.5, fineTuneSteps: 30, evalEvery: 10, seed: 3 };

function collect(): { events: PretrainSummary[]; emit: (e: LabEvent) => void } {
  const events: PretrainSummary[] = [];
  return { events, emit: (e) => e.type === 'pretraining' && events.push(e.summary) };
}

async function until(run: PretrainRun, state: PretrainSummary['state'], ms = 60_000): Promise<void> {
  const t0 = performance.now();
  while (run.current?.state !== state) {
    if (performance.now() - t0 > ms) throw new Error(`still ${run.current?.state} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('PretrainRun', () => {
  it('runs the layers, then the fine-tuning of both networks, and ends with the full test', async () => {
    const before = tf.memory().numTensors;
    const { events, emit } = collect();
    const run = new PretrainRun(data, emit);
    await expect(run.start()).rejects.toThrow(/configurePretraining/);
    await run.configure(tiny);
    expect(events.at(-1)).toMatchObject({ state: 'idle', runId: 1, accuracy: [] });
    expect(events.at(-1)!.layers.map((l) => [l.inputWidth, l.width, l.steps, l.loss])).toEqual([
      [784, 32, 8, 'bce'], // 0.5 epoch of 1,000 digits in batches of 64
      [32, 16, 8, 'mse'],
    ]);
    await run.start();
    await until(run, 'done');
    const last = run.current!;
    // Stages in order: layer 1, layer 2, fine-tuning, done.
    const stages = [...new Set(events.map((s) => JSON.stringify(s.stage)))];
    expect(stages).toEqual([
      JSON.stringify({ kind: 'pretrain', layer: 0 }),
      JSON.stringify({ kind: 'pretrain', layer: 1 }),
      JSON.stringify({ kind: 'fineTune' }),
      JSON.stringify({ kind: 'done' }),
    ]);
    expect(last.layers.every((l) => l.stepsDone === l.steps)).toBe(true);
    expect(last.layers[0].lastLoss!).toBeLessThan(last.layers[0].firstLoss!);
    expect(last.accuracy.map((p) => p.step)).toEqual([0, 10, 20, 30]);
    expect(last.accuracy.every((p) => p.count === 1000)).toBe(true);
    expect(last.final).toMatchObject({ step: 30, count: 10000 });
    // 100 labels and 30 small steps: both networks clearly above chance (0.1).
    expect(last.final!.pretrained).toBeGreaterThan(0.25);
    expect(last.final!.random).toBeGreaterThan(0.25);
    expect(last.firstAccuracyMs).toBeGreaterThan(0);
    // A finished run stays finished until reset.
    await run.start();
    expect(run.current!.state).toBe('done');
    await run.reset();
    expect(run.current).toMatchObject({ state: 'idle', runId: 2, accuracy: [] });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('pauses between chunks and resumes where it was; a configure stops and frees the run', async () => {
    const before = tf.memory().numTensors;
    let pausing: Promise<void> | undefined;
    // Paused from a summary (as a message from the page would arrive between chunks).
    const run: PretrainRun = new PretrainRun(data, (e) => {
      if (e.type === 'pretraining' && !pausing && e.summary.layers[0].stepsDone >= 3) pausing = run.pause();
    });
    await run.configure({ ...tiny, pretrainEpochs: 50 }); // 790 steps per layer: still in layer 1 when paused
    await run.start();
    while (!pausing) await new Promise((r) => setTimeout(r, 5));
    await pausing;
    expect(run.current!.state).toBe('paused');
    expect(run.current!.stage).toEqual({ kind: 'pretrain', layer: 0 });
    const at = run.current!.layers[0].stepsDone;
    await new Promise((r) => setTimeout(r, 100));
    expect(run.current!.layers[0].stepsDone).toBe(at);
    await run.start();
    expect(run.current!.state).toBe('running');
    await run.configure(tiny);
    expect(run.current).toMatchObject({ state: 'idle', runId: 2 });
    expect(run.current!.layers[0].stepsDone).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
    await expect(run.configure({ ...tiny, labels: 5000 })).rejects.toThrow(/labels/);
  });
});
