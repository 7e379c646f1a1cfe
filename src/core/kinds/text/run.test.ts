import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BagOfWords } from '../../data/textCorpus';
import { bagToRow } from '../../data/textCorpus';
import { TEXT_KIND, textSchema } from './kind';
import { createTextAutoencoder, textInputAndTarget, unigramCrossEntropy, unigramLogits, wordCrossEntropy } from './model';
import { retrievalCurve } from '../../analysis/retrieval';
import { TextRun, type TextRunConfig } from './run';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const bag = (indices: number[], counts: number[]): BagOfWords => ({ indices: Int32Array.from(indices), counts: Int32Array.from(counts) });

describe('the text model’s input, target and loss, worked by hand', () => {
  it('input: log(1 + count) rows of unit length; target: proportions', () => {
    const [x, p] = tf.tidy(() => {
      const r = textInputAndTarget(tf.tensor2d([[1, 0, 3], [0, 0, 0]]));
      return [r.x.arraySync(), r.p.arraySync()];
    });
    // log 2 = 0.6931, log 4 = 1.3863; length sqrt(0.6931² + 1.3863²) = 1.5499.
    expect(x[0][0]).toBeCloseTo(0.6931 / 1.5499, 4);
    expect(x[0][1]).toBe(0);
    expect(x[0][2]).toBeCloseTo(1.3863 / 1.5499, 4);
    expect(p[0]).toEqual([0.25, 0, 0.75]);
    // A passage without vocabulary words stays zeros (no NaN from 0/0).
    expect(x[1]).toEqual([0, 0, 0]);
    expect(p[1]).toEqual([0, 0, 0]);
    // The same input row as textCorpus's 'log1p-unit' (the query box uses that one).
    const row = bagToRow(bag([0, 2], [1, 3]), 3);
    expect(row[0]).toBeCloseTo(x[0][0], 6);
    expect(row[2]).toBeCloseTo(x[0][2], 6);
  });

  it('cross-entropy in nats per word: uniform logits over 4 words cost log 4 whatever the target', () => {
    const ce = tf.tidy(() =>
      Array.from(wordCrossEntropy(tf.tensor2d([[0, 0, 0, 0], [Math.log(3), 0, 0, 0]]), tf.tensor2d([[0.5, 0.5, 0, 0], [1, 0, 0, 0]])).dataSync()),
    );
    expect(ce[0]).toBeCloseTo(Math.log(4), 5);
    // softmax([log 3, 0, 0, 0]) puts 3/6 on word 0: -log(1/2).
    expect(ce[1]).toBeCloseTo(Math.log(2), 5);
  });

  it('the output bias is log unigram frequency', () => {
    const logits = unigramLogits([bag([0, 1], [2, 1]), bag([1], [1])], 3);
    // Totals 2, 2, 0 (+ half a count for the unseen word) over 4 + 1.5.
    expect(logits[0]).toBeCloseTo(Math.log(2 / 5.5), 5);
    expect(logits[1]).toBeCloseTo(Math.log(2 / 5.5), 5);
    expect(logits[2]).toBeCloseTo(Math.log(0.5 / 5.5), 5);
    // Its softmax is (2, 2, 0.5) / 4.5; both passages use only words of probability 2/4.5.
    expect(unigramCrossEntropy([bag([0, 1], [2, 1]), bag([1], [1])], 3)).toBeCloseTo(-Math.log(2 / 4.5), 6);
  });
});

/**
 * Two topics over 12 words: passages of topic A use words 0-5, of topic B words 6-11, with
 * seeded counts. A code that learns anything separates them.
 */
function twoTopics(n: number): { bags: BagOfWords[]; topic: number[] } {
  let s = 12345;
  const random = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const bags: BagOfWords[] = [];
  const topic: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = i % 2;
    const words = [0, 1, 2, 3, 4, 5].filter(() => random() < 0.6).map((w) => w + 6 * t);
    if (words.length === 0) words.push(6 * t);
    bags.push(bag(words, words.map(() => 1 + Math.floor(random() * 3))));
    topic.push(t);
  }
  return { bags, topic };
}

const config = (codeSize: number): TextRunConfig => ({
  model: { encoderLayers: [8], codeSize, hiddenActivation: 'relu' },
  learningRate: 0.01,
  batchSize: 8,
  seed: 3,
});

describe('TextRun', () => {
  it('starts at the unigram cross-entropy and learns the topics: the loss falls well below it', async () => {
    const { bags } = twoTopics(64);
    const run = new TextRun(bags, 12, config(2));
    const start = await run.evaluate();
    // Untrained, the decoder predicts the unigram frequencies (about uniform over 12 words: log 12 = 2.48)
    // whatever the code, up to the small random output of the hidden layers.
    expect(start).toBeGreaterThan(2.2);
    expect(start).toBeLessThan(2.7);
    expect(Math.abs(start - unigramCrossEntropy(bags, 12))).toBeLessThan(0.15);
    run.steps(300);
    const m = await run.readTrainMetrics();
    expect(m.step).toBe(300);
    expect(m.epoch).toBeCloseTo((300 * 8) / 64, 10);
    // Knowing the topic leaves about log 6 = 1.79 nats per word (a topic's six words).
    expect(await run.evaluate()).toBeLessThan(1.95);
    // The 2-D codes of the two topics sit apart: each passage's nearest other passage shares its topic.
    const codes = await run.encodeAll();
    expect(codes).toHaveLength(64 * 2);
    const { topic } = twoTopics(64);
    expect(retrievalCurve(codes, topic, 2, [1, 5]).fraction[1]).toBeGreaterThan(0.9);
    run.dispose();
  });

  it('is a kind of its own: settings from the table\'s rows, weights in the order of its layout', () => {
    const model = config(3).model;
    expect(textSchema.safeParse(model).success).toBe(true);
    expect(textSchema.safeParse({ ...model, codeSize: 0 }).success).toBe(false);
    const m = createTextAutoencoder(model, 1, 12);
    expect(m.variables.map((v) => v.shape)).toEqual(TEXT_KIND.weightLayout(model, 12).map((w) => w.shape));
    m.dispose();
  });

  it('is seeded: the same config gives the same codes; reset returns to the initial weights', async () => {
    const { bags } = twoTopics(32);
    const a = new TextRun(bags, 12, config(3));
    const b = new TextRun(bags, 12, config(3));
    const initial = await a.encodeAll();
    expect(Array.from(await b.encodeAll())).toEqual(Array.from(initial));
    a.steps(20);
    b.steps(20);
    expect(Array.from(await b.encodeAll())).toEqual(Array.from(await a.encodeAll()));
    a.reset();
    expect(a.step).toBe(0);
    expect(Array.from(await a.encodeAll())).toEqual(Array.from(initial));
    // A typed query's row encodes like the passage it equals.
    const row = bagToRow(bags[5], 12);
    const queryCode = await a.encodeRows(row, 1);
    // Up to float rounding (the row is normalised in float64 there, float32 here).
    queryCode.forEach((v, j) => expect(v).toBeCloseTo(initial[15 + j], 5));
    await expect(a.encodeRows(new Float32Array(11), 1)).rejects.toThrow(/not 1 x 12/);
    a.dispose();
    b.dispose();
  });

  it('leaks no tensors: steps, reads, encodes, evaluation and reset; none after dispose', async () => {
    const { bags } = twoTopics(40);
    const start = tf.memory().numTensors;
    const run = new TextRun(bags, 12, config(10));
    run.steps(2);
    const afterSteps = tf.memory().numTensors;
    run.steps(50);
    expect(tf.memory().numTensors).toBe(afterSteps);
    await run.readTrainMetrics();
    await run.encodeAll();
    await run.encodeRows(new Float32Array(24), 2);
    await run.evaluate();
    expect(tf.memory().numTensors).toBe(afterSteps);
    run.reset();
    run.steps(2);
    expect(tf.memory().numTensors).toBe(afterSteps);
    run.dispose();
    expect(tf.memory().numTensors).toBe(start);
    expect(() => run.steps(1)).toThrow(/disposed/);
  });
});
