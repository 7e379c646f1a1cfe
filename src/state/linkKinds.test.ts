/**
 * A link is the lesson's preset plus what it changes (issue 10): links that switch the model's
 * kind, settings a kind does not have, the claim box of a lesson opened from its bare link, and
 * every row of the settings table through a link and back.
 */
import { describe, expect, it } from 'vitest';
import { checkConfig, fullConfig, MODEL_KINDS, type LabConfig, type ModelKind } from '../core/config';
import { kindHas } from '../core/kinds/fullForm';
import { KIND_ROW, KINDS } from '../core/kinds/registry';
import type { AnySettingRow, Range } from '../core/settings/row';
import { SETTINGS } from '../core/settings/table';
import { findLesson, LESSONS } from '../lessons';
import { readClaim } from './claimReading';
import { defaultLinkState, parseLink, serializeLink, type LinkState } from './link';

const reasons = (hash: string) => parseLink(hash).ignored.map((i) => `${i.key}:${i.reason}`);

describe('a link that names another kind', () => {
  it('opens a convolutional model from the free lab: the lab\'s dense layers are not the conv model\'s', () => {
    const { state, ignored } = parseLink('#v=1&lesson=free&kind=conv&channels=8,4&decoder=deconvolution&code=16');
    expect(ignored).toEqual([]);
    expect(state.config.model).toEqual({ ...KINDS.conv.defaults, convChannels: [8, 4], convDecoder: 'deconvolution', codeSize: 16 });
    expect(state.config.train).toEqual(defaultLinkState('free').config.train);
  });

  it('takes the preset\'s values where they fit the kind, the kind\'s defaults where not (free lab -> VQ-VAE)', () => {
    const { state, ignored } = parseLink('#v=1&lesson=free&kind=vq');
    expect(ignored).toEqual([]);
    // 2 numbers are no code of 8 positions: the VQ-VAE's own 32.
    expect(state.config.model).toEqual(KINDS.vq.defaults);
    expect(serializeLink(state)).toBe('v=1&lesson=free&kind=vq&lang=en');
    expect(parseLink('#v=1&lesson=free&kind=vq&code=16').state.config.model).toEqual({ ...KINDS.vq.defaults, codeSize: 16 });
    // A lesson's settings that the other kind has come along: the denoising lesson's noise and code.
    const conv = parseLink('#v=1&lesson=denoising&kind=conv').state.config.model;
    expect(conv).toMatchObject({ kind: 'conv', codeSize: 32, noise: 'gaussian', noiseLevel: 0.5 });
  });

  it('reports a setting the kind does not have, by name and kind, and uses the rest', () => {
    const { state, ignored } = parseLink('#v=1&lesson=free&kind=vae&noise=mask&beta=4');
    expect(state.config.model).toEqual({ ...KINDS.vae.defaults, beta: 4 });
    expect(ignored).toEqual([expect.objectContaining({ key: 'noise', value: 'mask', reason: 'unused', kind: 'vae' })]);
    // Dense layers for a convolutional model: what the kind refuses is named with its reason.
    const conv = parseLink('#v=1&lesson=free&kind=conv&layers=256,64');
    expect(conv.state.config.model).toEqual(KINDS.conv.defaults);
    expect(conv.ignored).toEqual([expect.objectContaining({ key: 'layers', reason: 'unused', kind: 'conv', detail: expect.stringMatching(/no dense hidden layers/) })]);
    // A malformed value is malformed whatever the kind.
    expect(reasons('#v=1&lesson=vae&noise=speckle')).toEqual(['noise:malformed']);
  });

  it('is quiet about a setting of another kind that says nothing (a link that states every field)', () => {
    // l2=0 in a VAE link, layers=none in the convolutional lesson's: the values those links always held.
    expect(reasons('#v=1&lesson=vae&l2=0&layers=256,64&code=2')).toEqual([]);
    expect(reasons('#v=1&lesson=convolutional&layers=none&l2=0')).toEqual([]);
    // The lesson's own value of a setting its kind lacks.
    expect(reasons('#v=1&lesson=generating-from-the-code&kind=vae&l2=0.001')).toEqual([]);
    expect(reasons('#v=1&lesson=generating-from-the-code&kind=vae&l2=0.5')).toEqual(['l2:unused']);
  });

  it('a bad kind keeps the lesson\'s kind and reads the rest against it', () => {
    const { state, ignored } = parseLink('#v=1&lesson=vae&kind=gan&beta=2');
    expect(state.config.model).toMatchObject({ kind: 'vae', beta: 2 });
    expect(ignored).toEqual([expect.objectContaining({ key: 'kind', value: 'gan', reason: 'malformed' })]);
  });

  it('a field at odds with the kind falls back to the preset moved to that kind', () => {
    const { state, ignored } = parseLink('#v=1&lesson=free&kind=vq&code=3');
    expect(state.config.model).toEqual(KINDS.vq.defaults);
    expect(ignored).toEqual([expect.objectContaining({ key: 'code', value: '3', reason: 'conflict' })]);
  });
});

describe('the claim box of a lesson opened from its bare link', () => {
  const claimOf = (state: LinkState) => {
    const lesson = findLesson(state.lesson);
    if (!lesson) throw new Error(`no lesson ${state.lesson}`);
    return readClaim(lesson, { history: [], pcaBaseline: undefined, measurements: undefined, pcaMap: undefined, config: state.config, runState: 'idle' });
  };

  it.each(LESSONS.map((l) => l.id))('%s: the settings did not change', (id) => {
    expect(claimOf(parseLink(`#v=1&lesson=${id}`).state).changed).toBe(false);
  });

  it('says they changed when the link changes one', () => {
    expect(claimOf(parseLink('#v=1&lesson=pca-vs-deep&code=16').state).changed).toBe(true);
    // A seed repeats the same experiment.
    expect(claimOf(parseLink('#v=1&lesson=pca-vs-deep&seed=7').state).changed).toBe(false);
  });
});

/** Values of a row other than `current`, each valid for the row on its own. */
function otherValues(row: AnySettingRow, current: unknown): unknown[] {
  const input = row.input;
  if (input.kind === 'enum') return input.options.filter((o) => o !== current);
  if (input.kind === 'int' || input.kind === 'decimal') {
    const { min, max } = row.limits as Range;
    const mid = input.kind === 'int' ? Math.round((min + max) / 2) : (min + max) / 2;
    return [max, min, mid, min + (input.kind === 'int' ? 1 : (max - min) / 1000)].filter((v) => v !== current);
  }
  const { item, count } = row.limits as { item: Range; count: Range };
  if (input.kind === 'digitList') return [[item.min], [item.min, item.max]];
  return [[item.max], Array.from({ length: Math.max(count.min, 2) }, () => item.min), ...(count.min === 0 ? [[]] : [])].filter(
    (v) => JSON.stringify(v) !== JSON.stringify(current),
  );
}

/**
 * Settings that are valid only with another one changed too (a linear output needs the MSE
 * loss; the contractive penalty one hidden layer): the companion values, written beside them.
 */
const COMPANIONS: Record<string, Record<string, unknown>> = { outputActivation: { loss: 'mse' }, contractive: { encoderLayers: [64] } };
/** A Bernoulli pixel model (VAE, VQ-VAE) has one output and one loss: nothing to change. */
const FIXED: Partial<Record<ModelKind, string[]>> = { vae: ['outputActivation', 'loss'], vq: ['outputActivation', 'loss'] };

/** The free lab's state moved to `kind`, with one setting changed to the first value that makes a valid config. */
function withSetting(kind: ModelKind, row: AnySettingRow): { state: LinkState; keys: string[] } | undefined {
  const start = parseLink(`#v=1&lesson=free&kind=${kind}`).state;
  const full = fullConfig(start.config);
  const companions = COMPANIONS[row.id] ?? {};
  for (const value of otherValues(row, (full[row.part] as Record<string, unknown>)[row.id])) {
    const next = structuredClone(full);
    Object.assign(next.model, companions);
    (next[row.part] as Record<string, unknown>)[row.id] = value;
    const r = checkConfig({ model: next.model, train: next.train });
    if (r.ok) {
      const keys = [row.id, ...Object.keys(companions)].map((id) => SETTINGS.find((x) => x.id === id)!.link.key);
      return { state: { ...start, config: r.config as LabConfig }, keys };
    }
  }
  return undefined;
}

describe('every row of the settings table through a link', () => {
  const cases = SETTINGS.filter((r) => r !== KIND_ROW).flatMap((row) =>
    (row.part === 'train' ? (['mlp'] as ModelKind[]) : MODEL_KINDS.filter((k) => kindHas(k, row.id as never))).map((kind) => [`${row.part}.${row.id} (${kind})`, row, kind] as const),
  );

  it.each(cases)('%s: a changed value is written as its key alone and reads back exactly', (_, row, kind) => {
    const changed = withSetting(kind, row);
    if (FIXED[kind]?.includes(row.id)) {
      expect(changed, 'no value but the kind\'s own is valid').toBeUndefined();
      return;
    }
    expect(changed, 'a valid value other than the preset\'s').toBeDefined();
    const { state, keys } = changed!;
    const link = serializeLink(state);
    const written = link.split('&').map((p) => p.split('=')[0]);
    expect(written.sort()).toEqual(['v', 'lesson', 'lang', ...(kind === 'mlp' ? [] : ['kind']), ...keys].sort());
    expect(parseLink(link)).toEqual({ state, ignored: [] });
    // Typed by hand, without the version or the language, the same.
    expect(parseLink(link.replace(/^v=1&/, '').replace(/&lang=en/, ''))).toEqual({ state, ignored: [] });
  });

  it('covers every setting of every kind', () => {
    for (const kind of MODEL_KINDS) {
      for (const id of ['codeSize', ...KINDS[kind].settings]) expect(cases.some(([, r, k]) => r.id === id && k === kind), `${kind}.${id}`).toBe(true);
    }
  });
});
