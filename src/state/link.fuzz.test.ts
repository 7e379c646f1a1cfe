/**
 * Property tests of the link parser: random valid states round-trip exactly, and random or
 * mutated links (10,000+ in all) never throw and always yield a valid state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkConfig, defaultFullModel, narrowModel, CODE_ACTIVATIONS, CODE_PRIORS, CONV_DECODER_KINDS, HIDDEN_ACTIVATIONS, LIMITS, MODEL_KINDS, NOISE_TYPES, OPTIMIZERS, SPARSITY_PENALTIES } from '../core/config';
import { switchKind } from '../core/kinds/switchKind';
import { SETTINGS } from '../core/settings/table';
import { findLesson, LESSONS } from '../lessons';
import { CONTROL_GROUPS, LESSON_LOCALES } from '../lessons/types';
import { LABEL_CHOICES, PRETRAIN_WIDTH_NAMES } from '../core/train/pretrainConfig';
import { GRID_SIZES, parseLink, serializeLink, type LinkState } from './link';

const validState: fc.Arbitrary<LinkState> = fc
  .record({
    lesson: fc.constantFrom(...LESSONS.map((l) => l.id)),
    encoderLayers: fc.array(fc.integer({ min: LIMITS.layerWidth.min, max: LIMITS.layerWidth.max }), { maxLength: LIMITS.encoderLayers.max }),
    codeSize: fc.integer({ min: LIMITS.codeSize.min, max: LIMITS.codeSize.max }),
    hiddenActivation: fc.constantFrom(...HIDDEN_ACTIVATIONS),
    // bce only with a sigmoid output (the one cross-field rule).
    head: fc.constantFrom(
      { outputActivation: 'sigmoid' as const, loss: 'bce' as const },
      { outputActivation: 'sigmoid' as const, loss: 'mse' as const },
      { outputActivation: 'linear' as const, loss: 'mse' as const },
    ),
    optimizer: fc.constantFrom(...OPTIMIZERS),
    learningRate: fc.double({ min: LIMITS.learningRate.min, max: LIMITS.learningRate.max, noNaN: true }),
    momentum: fc.double({ min: LIMITS.momentum.min, max: LIMITS.momentum.max, noNaN: true, noDefaultInfinity: true }),
    batchSize: fc.integer({ min: LIMITS.batchSize.min, max: LIMITS.batchSize.max }),
    trainSize: fc.integer({ min: LIMITS.trainSize.min, max: LIMITS.trainSize.max }),
    seed: fc.integer({ min: LIMITS.seed.min, max: LIMITS.seed.max }),
    codeL2: fc.oneof(fc.constant(0), fc.double({ min: LIMITS.codeL2.min, max: LIMITS.codeL2.max, noNaN: true }).map((v) => v + 0)),
    noise: fc.constantFrom(...NOISE_TYPES),
    noiseLevel: fc.double({ min: LIMITS.noiseLevel.min, max: LIMITS.noiseLevel.max, noNaN: true }).map((v) => v + 0),
    contractive: fc.oneof(fc.constant(0), fc.double({ min: LIMITS.contractive.min, max: LIMITS.contractive.max, noNaN: true }).map((v) => v + 0)),
    // The model's kind: half the states the dense one, the others any kind (switchKind keeps the
    // random settings where they make a valid model of it, the kind's defaults where not).
    kind: fc.oneof(fc.constant('mlp' as const), fc.constantFrom(...MODEL_KINDS)),
    // The other kinds' fields, each valid on its own.
    kindFields: fc.record({
      convChannels: fc.array(fc.integer({ min: LIMITS.convChannels.min, max: LIMITS.convChannels.max }), { minLength: 1, maxLength: 2 }),
      convDecoder: fc.constantFrom(...CONV_DECODER_KINDS),
      beta: fc.double({ min: LIMITS.beta.min, max: LIMITS.beta.max, noNaN: true }).map((v) => v + 0),
      vqPositions: fc.integer({ min: LIMITS.vqPositions.min, max: LIMITS.vqPositions.max }),
      codebookSize: fc.integer({ min: LIMITS.codebookSize.min, max: LIMITS.codebookSize.max }),
      commitment: fc.double({ min: LIMITS.commitment.min, max: LIMITS.commitment.max, noNaN: true }).map((v) => v + 0),
      prior: fc.constantFrom(...CODE_PRIORS),
      vqResetEvery: fc.integer({ min: LIMITS.vqResetEvery.min, max: LIMITS.vqResetEvery.max }),
    }),
    codeActivation: fc.constantFrom(...CODE_ACTIVATIONS),
    sparsity: fc.constantFrom(...SPARSITY_PENALTIES),
    sparsityWeight: fc.double({ min: LIMITS.sparsityWeight.min, max: LIMITS.sparsityWeight.max, noNaN: true }).map((v) => v + 0),
    sparsityTarget: fc.double({ min: LIMITS.sparsityTarget.min, max: LIMITS.sparsityTarget.max, noNaN: true }),
    logScale: fc.boolean(),
    gridSize: fc.constantFrom(...GRID_SIZES),
    lang: fc.constantFrom(...LESSON_LOCALES),
    hidden: fc.subarray([...CONTROL_GROUPS]),
    // All ten digits (the default, left out of links) or any non-empty ascending subset.
    normalDigits: fc.oneof(fc.constant<number[]>([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), fc.subarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], { minLength: 1 })),
    labels: fc.constantFrom(...LABEL_CHOICES),
    pwidths: fc.constantFrom(...PRETRAIN_WIDTH_NAMES),
  })
  .map((r) => ({
    lesson: r.lesson,
    config: {
      // -0 is a valid momentum but prints as "0"; the link carries numbers, not signs of zero.
      // The flat form of every kind's settings, narrowed to the dense kind (its fields only).
      model: narrowModel(switchKind({ ...defaultFullModel(), kind: 'mlp' as const, encoderLayers: r.encoderLayers, codeSize: r.codeSize, hiddenActivation: r.hiddenActivation, ...r.head, codeL2: r.codeL2, noise: r.noise, noiseLevel: r.noiseLevel,
        // The contractive penalty needs at most one hidden layer and a linear code; KL sparsity a
        // sigmoid code (cross-field rules).
        contractive: r.encoderLayers.length > 1 || r.codeActivation !== 'linear' || r.sparsity === 'kl' ? 0 : r.contractive,
        codeActivation: r.sparsity === 'kl' ? ('sigmoid' as const) : r.codeActivation,
        sparsity: r.sparsity, sparsityWeight: r.sparsityWeight, sparsityTarget: r.sparsityTarget, ...r.kindFields }, r.kind)),
      train: { optimizer: r.optimizer, learningRate: r.learningRate, momentum: r.momentum + 0, batchSize: r.batchSize, trainSize: r.trainSize, seed: r.seed, normalDigits: r.normalDigits },
    },
    view: { logScale: r.logScale, gridSize: r.gridSize },
    lang: r.lang,
    hidden: r.hidden,
    pretrain: { labels: r.labels, widths: r.pwidths },
  }));

/** Values that have broken parsers before: huge, tiny, signed, not numbers, markup, unicode. */
const nastyValue = fc.oneof(
  fc.constantFrom(
    '', 'NaN', 'Infinity', '-Infinity', '-0', '1e308', '1e999', '-1', '0', '0.0', '.5', '5.', '1e-400', '9'.repeat(400),
    '0x10', '1_000', ' 12', '12 ', '+3', '3,', ',3', '1,,2', 'none', 'true', 'null', 'undefined', '[]', '{}',
    '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '%', '%E0%A4%A', '%00',
    '__proto__', 'constructor', 'toString', '中文', '繁體', '😀', '\u202e', '\u0000', 'zh-hans', 'ZH-HANT', 'EN',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.double().map(String),
  fc.integer().map(String),
  fc.bigInt().map(String),
);
const anyKey = fc.oneof(
  fc.constantFrom('v', 'lesson', 'log', 'grid', 'lang', 'labels', 'pwidths'),
  // Every setting's key, from the settings table.
  fc.constantFrom(...SETTINGS.map((r) => r.link.key)),
  fc.constantFrom(...CONTROL_GROUPS.map((g) => `${g}_hide`)),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', ''),
  fc.string({ maxLength: 12 }),
);

type Mutation = (parts: string[]) => string[];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), nastyValue).map(([i, v]): Mutation => (p) => p.map((part, j) => (j === i % p.length ? `${part.split('=')[0]}=${encodeURIComponent(v)}` : part))),
  fc.tuple(fc.nat(), nastyValue).map(([i, v]): Mutation => (p) => p.map((part, j) => (j === i % p.length ? `${part.split('=')[0]}=${v}` : part))),
  fc.nat().map((i): Mutation => (p) => p.filter((_, j) => j !== i % p.length)),
  fc.tuple(anyKey, nastyValue).map(([k, v]): Mutation => (p) => [...p, `${k}=${v}`]),
  fc.nat().map((i): Mutation => (p) => [...p, p[i % p.length]]),
  fc.tuple(fc.nat(), fc.nat()).map(([i, n]): Mutation => (p) => p.map((part, j) => (j === i % p.length ? part.slice(0, n % (part.length + 1)) : part))),
  fc.constant<Mutation>((p) => [...p].reverse()),
);

const randomLink = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.tuple(anyKey, nastyValue).map(([k, v]) => `${k}=${v}`), { maxLength: 25 }).map((p) => p.join('&')),
  fc.tuple(validState, fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '#', '#/?', '#?')).map(
    ([s, ms, prefix]) => prefix + ms.reduce((parts, m) => (parts.length === 0 ? parts : m(parts)), serializeLink(s).split('&')).join('&'),
  ),
);

function expectValid(state: LinkState): void {
  const r = checkConfig(state.config);
  expect(r.ok ? [] : r.problems).toEqual([]);
  expect(findLesson(state.lesson)).toBeDefined();
  expect(LESSON_LOCALES).toContain(state.lang);
  expect(typeof state.view.logScale).toBe('boolean');
  expect(GRID_SIZES).toContain(state.view.gridSize);
  expect(state.hidden).toEqual(CONTROL_GROUPS.filter((g) => state.hidden.includes(g)));
}

describe('link properties', () => {
  it('random valid states of every kind round-trip exactly with nothing ignored (1,000 states)', () => {
    fc.assert(
      fc.property(validState, (s) => {
        expectValid(s);
        const link = serializeLink(s);
        expect(link).toMatch(/^[a-zA-Z0-9_.,=&-]+$/); // plain data: no markup, nothing to escape
        const r = parseLink(`#${link}`);
        expect(r.ignored).toEqual([]);
        expect(r.state).toEqual(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('a written link is the lesson plus what differs from its preset: without any one field it opens another state (250 states)', () => {
    fc.assert(
      fc.property(validState, (s) => {
        const parts = serializeLink(s).split('&');
        parts.forEach((part, i) => {
          if (/^(v|lesson|lang)=/.test(part)) return;
          expect(parseLink(parts.filter((_, j) => j !== i).join('&')).state, part).not.toEqual(s);
        });
      }),
      { numRuns: 250 },
    );
  });

  it('10,500 random and mutated links: none throws, each yields a valid state that re-links cleanly', () => {
    fc.assert(
      fc.property(randomLink, (hash) => {
        const { state, ignored } = parseLink(hash);
        expectValid(state);
        expect(ignored.length).toBeLessThanOrEqual(21);
        for (const i of ignored) expect(i.value.length).toBeLessThanOrEqual(41);
        // What the page would write back is itself a clean link for the same state.
        const again = parseLink(serializeLink(state));
        expect(again.ignored).toEqual([]);
        expect(again.state).toEqual(state);
      }),
      { numRuns: 10500 },
    );
  });
});
