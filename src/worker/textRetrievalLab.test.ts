import * as tf from '@tensorflow/tfjs';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBrownPassages } from '../core/data/brownPassages';
import type { LabEvent } from './api';
import type { TextMeasureEvent, TextProgressEvent } from './apiText';
import { TextRetrievalLab } from './textRetrievalLab';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Four documents in two genres with their own words: 20 sentences of 6 words each, 5-word passages (80 passages). */
function corpusFile(): Uint8Array {
  const words = { a: ['jury', 'voted', 'election', 'mayor', 'county', 'court'], d: ['church', 'faith', 'god', 'prayer', 'spirit', 'christ'] };
  const documents = ['ca01', 'ca02', 'cd01', 'cd02'].map((name, d) => {
    const own = words[name[1] as 'a' | 'd'];
    const sentences = Array.from({ length: 20 }, (_, s) => `\t${Array.from({ length: 6 }, (_, w) => `${own[(s + w * (d + 1)) % 6]}/nn`).join(' ')} ./.`);
    return { name, text: sentences.join('\n') };
  });
  return gzipSync(JSON.stringify(buildBrownPassages(documents, { source: 'test', passageWords: 5, vocabularySize: 12 })));
}

const serve = (bytes: Uint8Array) => (async () => new Response(bytes as BodyInit, { status: 200 })) as typeof fetch;

describe('TextRetrievalLab (the lab worker’s text models)', () => {
  it('measures at once, trains in its own loop, answers queries, resets, and leaks no tensors', async () => {
    const events: LabEvent[] = [];
    const errors: string[] = [];
    // The loop yields by MessageChannel ticks, which starve Node's timers: wait on its own events instead.
    let waiting: { steps: number; resolve: () => void } | undefined;
    const untilStep = (steps: number) => new Promise<void>((resolve) => (waiting = { steps, resolve }));
    const record = (e: LabEvent) => {
      events.push(e);
      if (e.type === 'textProgress' && waiting && e.step >= waiting.steps) waiting.resolve();
    };
    const start = tf.memory().numTensors;
    const lab = await TextRetrievalLab.load('http://x/data/', record, (m) => errors.push(m), 1, serve(corpusFile()));
    const info = lab.info();
    expect(info.size).toBe(80);
    expect(info.genres[info.genre[0]].code).toBe('a');
    expect(info.counts).toEqual([1, 3, 7, 15, 31, 63]);
    expect(info.chance).toBeCloseTo(39 / 79, 10);

    await lab.measure();
    const first = events.at(-1) as TextMeasureEvent;
    expect(first.type).toBe('textMeasure');
    expect(first.step).toBe(0);
    expect(first.mapPoints).toHaveLength(80 * 2);
    expect(first.retrieval.fraction).toHaveLength(6);
    const loaded = tf.memory().numTensors;

    lab.train();
    expect(lab.isRunning).toBe(true);
    await untilStep(30);
    await lab.pause();
    expect(lab.isRunning).toBe(false);
    const progress = events.filter((e): e is TextProgressEvent => e.type === 'textProgress');
    const last = progress.at(-1)!;
    expect(last.running).toBe(false);
    expect(last.step).toBeGreaterThan(0);
    expect(last.loss).toBeGreaterThan(0);
    // The pause measured the trained models.
    expect((events.at(-1) as TextMeasureEvent).step).toBe(last.step);
    // Adam made its slots on the first step; training on and pausing again adds nothing.
    const trained = tf.memory().numTensors;
    lab.train();
    await untilStep(last.step + 30);
    await lab.pause();
    expect(tf.memory().numTensors).toBe(trained);

    const answer = await lab.query('The jury voted in the county court; unheard', 5);
    expect(answer.known).toEqual(['jury', 'voted', 'county', 'court']);
    expect(answer.unknown).toEqual(['unheard']);
    expect(answer.point).toHaveLength(2);
    expect(answer.hits).toHaveLength(5);
    for (const h of answer.hits) {
      expect(h.document).toMatch(/^c[ad]0[12]$/);
      expect(h.snippet.length).toBeGreaterThan(0);
      expect(h.similarity).toBeLessThanOrEqual(1 + 1e-6);
    }
    const nothing = await lab.query('zebra quantum', 5);
    expect(nothing.hits).toEqual([]);
    expect(nothing.point).toBeUndefined();

    await lab.reset();
    expect((events.at(-1) as TextMeasureEvent).step).toBe(0);
    expect(Array.from((events.at(-1) as TextMeasureEvent).mapPoints)).toEqual(Array.from(first.mapPoints));
    // A fresh optimizer (no slots yet): back to the count after loading.
    expect(tf.memory().numTensors).toBe(loaded);
    expect(errors).toEqual([]);
    lab.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});
