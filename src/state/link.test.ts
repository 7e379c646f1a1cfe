import { describe, expect, it } from 'vitest';
import { checkConfig } from '../core/config';
import { LESSONS } from '../lessons';
import { CONTROL_GROUPS } from '../lessons/types';
import { defaultLinkState, LINK_VERSION, MAX_LINK_LENGTH, parseLink, serializeLink, type LinkState } from './link';

const reasons = (hash: string) => parseLink(hash).ignored.map((i) => `${i.key}:${i.reason}`);

/** A link as the lab wrote it before issue 10: every field stated (lesson two-d-map's preset). */
const FULL_TWO_D_MAP = 'v=1&lesson=two-d-map&layers=256,64&code=2&act=relu&out=sigmoid&loss=bce&l2=0&opt=adam&lr=0.002&mom=0.9&batch=64&n=10000&seed=1&log=1&grid=12&lang=en';

describe('link round-trips', () => {
  it.each(LESSONS.map((l) => l.id))('lesson %s: preset -> link -> the same state, nothing ignored', (id) => {
    for (const lang of ['en', 'zh-Hans', 'zh-Hant'] as const) {
      const state = defaultLinkState(id, lang);
      const { state: back, ignored } = parseLink(`#${serializeLink(state)}`);
      expect(ignored).toEqual([]);
      expect(back).toEqual(state);
    }
  });

  it('writes the lesson, what differs from its preset and the language: the documented format', () => {
    expect(serializeLink(defaultLinkState('pca-vs-deep'))).toBe('v=1&lesson=pca-vs-deep&lang=en');
    const s = defaultLinkState('two-d-map', 'zh-Hans');
    s.config.model.codeSize = 3;
    s.config.train.learningRate = 0.01;
    s.view.gridSize = 16;
    // The teacher hides the scatter (shown by the lesson) and shows the sliders (hidden by it).
    s.hidden = CONTROL_GROUPS.filter((g) => (s.hidden.includes(g) || g === 'scatter') && g !== 'sliders');
    expect(serializeLink(s)).toBe('v=1&lesson=two-d-map&code=3&lr=0.01&grid=16&lang=zh-Hans&scatter_hide=1&sliders_hide=0');
    expect(parseLink(serializeLink(s))).toEqual({ state: s, ignored: [] });
  });

  it('reads a link that states every field (as the lab wrote them before) as the same state', () => {
    expect(parseLink(FULL_TWO_D_MAP)).toEqual({ state: defaultLinkState('two-d-map'), ignored: [] });
    expect(serializeLink(parseLink(FULL_TWO_D_MAP).state)).toBe('v=1&lesson=two-d-map&lang=en');
  });

  it('keeps an empty encoder, any order of keys, and the #/? prefixes', () => {
    const s = defaultLinkState('pca-vs-deep', 'zh-Hant');
    if (s.config.model.kind === 'mlp') s.config.model.encoderLayers = [];
    s.config.train.learningRate = 0.000123;
    s.view = { logScale: false, gridSize: 6 };
    const link = serializeLink(s);
    expect(link).toContain('layers=none');
    const shuffled = link.split('&').reverse().join('&');
    for (const hash of [link, `#${shuffled}`, `#/?${link}`, `#?${link}`]) {
      const r = parseLink(hash);
      expect(r.ignored).toEqual([]);
      expect(r.state).toEqual(s);
    }
  });
});

describe('parseLink falls back field-wise and reports', () => {
  it('an empty hash is the first lesson, with nothing to report', () => {
    for (const hash of ['', '#', '#/', '#?']) {
      expect(parseLink(hash)).toEqual({ state: defaultLinkState(), ignored: [] });
    }
    expect(parseLink('', { lang: 'zh-Hans' }).state.lang).toBe('zh-Hans');
    // A stray anchor is not a lab link: name it, but not the dozen fields it lacks.
    expect(reasons('#section-2')).toEqual(['section-2:unknown']);
  });

  it('a link that names only a lesson opens its preset quietly', () => {
    for (const hash of ['#v=1&lesson=pca-vs-deep', '#lesson=pca-vs-deep', 'v=1&lesson=pca-vs-deep']) {
      expect(parseLink(hash)).toEqual({ state: defaultLinkState('pca-vs-deep'), ignored: [] });
    }
    for (const lesson of LESSONS) expect(parseLink(`#v=1&lesson=${lesson.id}`)).toEqual({ state: defaultLinkState(lesson.id), ignored: [] });
  });

  it('a short hand-written link takes the rest from the lesson, reporting nothing it left out', () => {
    const { state, ignored } = parseLink('#lesson=pca-vs-deep&code=16');
    const expected = defaultLinkState('pca-vs-deep');
    expected.config.model.codeSize = 16;
    expect(state).toEqual(expected);
    expect(ignored).toEqual([]);
  });

  it('an unusable field is reported by name and the rest of the link is used', () => {
    const { state, ignored } = parseLink('#v=1&lesson=pca-vs-deep&code=abc&lr=0.01&batch=128');
    const expected = defaultLinkState('pca-vs-deep');
    expected.config.train.learningRate = 0.01;
    expected.config.train.batchSize = 128;
    expect(state).toEqual(expected);
    expect(ignored).toEqual([expect.objectContaining({ key: 'code', value: 'abc', reason: 'malformed' })]);
  });

  it('malformed values keep their defaults, each reported with the value', () => {
    const link = FULL_TWO_D_MAP
      .replace('code=2', 'code=1001')
      .replace('lr=0.002', 'lr=NaN')
      .replace('batch=64', 'batch=0x40')
      .replace('layers=256,64', 'layers=256,,64')
      .replace('act=relu', 'act=<script>alert(1)</script>')
      .replace('grid=12', 'grid=1e999')
      .replace('log=1', 'log=yes');
    const { state, ignored } = parseLink(link);
    expect(state).toEqual(defaultLinkState('two-d-map'));
    expect(ignored).toEqual([
      expect.objectContaining({ key: 'layers', value: '256,,64', reason: 'malformed' }),
      expect.objectContaining({ key: 'code', value: '1001', reason: 'malformed', detail: expect.stringMatching(/1000/) }),
      expect.objectContaining({ key: 'act', value: '<script>alert(1)</script>', reason: 'malformed' }),
      expect.objectContaining({ key: 'lr', value: 'NaN', reason: 'malformed' }),
      expect.objectContaining({ key: 'batch', value: '0x40', reason: 'malformed' }),
      expect.objectContaining({ key: 'log', value: 'yes', reason: 'malformed' }),
      expect.objectContaining({ key: 'grid', value: '1e999', reason: 'malformed' }),
    ]);
  });

  it('limits come from the config schema', () => {
    const base = serializeLink(defaultLinkState());
    expect(parseLink(`${base}&n=999`).ignored[0]).toMatchObject({ key: 'n', reason: 'malformed' });
    expect(parseLink(`${base}&n=60000`).state.config.train.trainSize).toBe(60000);
    expect(parseLink(`${base}&lr=1e-5`).state.config.train.learningRate).toBe(1e-5);
    expect(parseLink(`${base}&lr=2`).ignored[0]).toMatchObject({ key: 'lr', reason: 'malformed' });
    expect(parseLink(`${base}&layers=1,2,3,4,5`).ignored[0]).toMatchObject({ key: 'layers', reason: 'malformed' });
    expect(parseLink(`${base}&layers=2001`).ignored[0]).toMatchObject({ key: 'layers', reason: 'malformed' });
    expect(parseLink(`${base}&grid=20`).state.view.gridSize).toBe(20);
    expect(parseLink(`${base}&grid=7`).ignored[0]).toMatchObject({ key: 'grid', reason: 'malformed' });
  });

  it('an unknown lesson falls back to the first lesson and its defaults', () => {
    for (const bad of ['no-such-lesson', '<img src=x onerror=alert(1)>', '__proto__', 'constructor', '']) {
      const { state, ignored } = parseLink(`v=1&lesson=${encodeURIComponent(bad)}`);
      expect(state.lesson).toBe(LESSONS[0].id);
      expect(ignored[0]).toMatchObject({ key: 'lesson', reason: 'malformed' });
    }
  });

  it('unknown keys, duplicates and prototype names are reported, not used', () => {
    const link = `${FULL_TWO_D_MAP}&__proto__=1&constructor=x&foo=bar&code=7&=z`;
    const { state, ignored } = parseLink(link);
    expect(state).toEqual(defaultLinkState('two-d-map'));
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(ignored.map((i) => `${i.key}:${i.reason}`)).toEqual(['code:duplicate', '__proto__:unknown', 'constructor:unknown', 'foo:unknown', ':unknown']);
  });

  it('an unknown version is read best effort and reported; a missing one is this one', () => {
    const body = serializeLink(defaultLinkState('two-d-map', 'zh-Hans')).replace(`v=${LINK_VERSION}&`, '');
    for (const v of ['2', '0', 'abc', '1.0']) {
      const { state, ignored } = parseLink(`v=${v}&${body}`);
      expect(state).toEqual(defaultLinkState('two-d-map', 'zh-Hans'));
      expect(ignored).toEqual([expect.objectContaining({ key: 'v', value: v, reason: 'version' })]);
    }
    // Without a version: read as this one, nothing to report.
    expect(reasons(body)).toEqual([]);
  });

  it('bce with a linear output falls back field-wise, reported as a conflict', () => {
    const base = serializeLink(defaultLinkState());
    // The lesson's loss is bce: the link's linear output is the field that breaks the rule.
    const a = parseLink(`${base}&out=linear`);
    expect(a.state.config.model).toMatchObject({ outputActivation: 'sigmoid', loss: 'bce' });
    expect(a.ignored).toEqual([expect.objectContaining({ key: 'out', value: 'linear', reason: 'conflict' })]);
    // The same output with mse is a valid pair: nothing to undo.
    const c = parseLink(`${base}&out=linear&loss=mse`);
    expect(c.state.config.model).toMatchObject({ outputActivation: 'linear', loss: 'mse' });
    expect(c.ignored).toEqual([]);
  });

  it('hides and shows control groups relative to the lesson', () => {
    const lessonHidden = defaultLinkState('pca-vs-deep').hidden;
    expect(lessonHidden).toContain('scatter');
    expect(lessonHidden).not.toContain('run');
    const { state, ignored } = parseLink(`${serializeLink(defaultLinkState('pca-vs-deep'))}&run_hide=1&scatter_hide=0&grid_hide=maybe`);
    expect(state.hidden).toContain('run');
    expect(state.hidden).not.toContain('scatter');
    expect(state.hidden).toContain('grid');
    expect(ignored).toEqual([expect.objectContaining({ key: 'grid_hide', reason: 'malformed' })]);
  });

  it('cuts very long links and caps the report', () => {
    const junk = Array.from({ length: 500 }, (_, i) => `k${i}=v`).join('&');
    const { state, ignored } = parseLink(`${serializeLink(defaultLinkState())}&${junk}&${'x'.repeat(MAX_LINK_LENGTH)}`);
    expect(state).toEqual(defaultLinkState());
    expect(ignored[0]).toMatchObject({ reason: 'truncated' });
    expect(ignored.length).toBe(21);
    expect(ignored[20]).toMatchObject({ reason: 'too-many' });
    expect(Number(ignored[20].value)).toBeGreaterThan(100);
    const long = parseLink(`foo=${'y'.repeat(1000)}`).ignored.find((i) => i.key === 'foo');
    expect(long?.value.length).toBeLessThanOrEqual(41);
  });

  it('bad percent escapes and non-ASCII do not throw', () => {
    for (const hash of ['%', '%E0%A4%A', 'code=%FF', 'lang=中文', 'lesson=%00', '😀=😀', 'code=２']) {
      const r: { state: LinkState } = parseLink(hash);
      expect(checkConfig(r.state.config).ok).toBe(true);
    }
  });
});

describe('variant keys (issue 4)', () => {
  it('noise and noiselevel: written only where they differ from the lesson, read back, refused by name when bad', () => {
    const s = defaultLinkState('two-d-map');
    expect(serializeLink(s)).not.toMatch(/noise/);
    if (s.config.model.kind !== 'mlp') throw new Error('two-d-map is a dense model');
    s.config.model.noise = 'mask';
    s.config.model.noiseLevel = 0.25;
    const link = serializeLink(s);
    expect(link).toContain('&noise=mask&noiselevel=0.25');
    expect(parseLink(link)).toEqual({ state: s, ignored: [] });
    expect(reasons(`${link.replace('noise=mask', 'noise=speckle').replace('noiselevel=0.25', 'noiselevel=2')}`)).toEqual([
      'noise:malformed',
      'noiselevel:malformed',
    ]);
    // A link written before the keys existed opens the lesson's own values, with nothing reported.
    const old = parseLink(serializeLink(defaultLinkState('two-d-map')));
    expect(old.ignored).toEqual([]);
    expect(old.state.config.model).toMatchObject({ noise: 'none', noiseLevel: 0.5 });
  });
});

describe('the normal digits of anomaly detection (key normal)', () => {
  it('is left out at all ten digits, written as a list otherwise, and read back', () => {
    const state = defaultLinkState('what-is-an-autoencoder');
    expect(serializeLink(state)).not.toContain('normal=');
    state.config.train.normalDigits = [0, 6];
    const hash = serializeLink(state);
    expect(hash).toContain('normal=0,6');
    const back = parseLink(hash);
    expect(back.ignored).toEqual([]);
    expect(back.state.config.train.normalDigits).toEqual([0, 6]);
    expect(parseLink(hash.replace('normal=0,6', 'normal=all')).state.config.train.normalDigits).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('falls back to all ten digits, reported, for a repeated, unordered, empty or out-of-range list', () => {
    const base = serializeLink(defaultLinkState('what-is-an-autoencoder'));
    for (const bad of ['3,3', '6,0', '', '10', '1;2', 'none']) {
      const r = parseLink(`${base}&normal=${bad}`);
      expect(r.state.config.train.normalDigits, bad).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(r.ignored, bad).toEqual([expect.objectContaining({ key: 'normal', reason: 'malformed' })]);
    }
  });
});

describe('normal digits in a lesson whose preset leaves digits out', () => {
  it('writes normal=all when the anomaly lesson is switched to all ten digits, and reads it back', () => {
    const state = defaultLinkState('anomaly-detection');
    // The lesson's own digits are its preset: not written.
    expect(serializeLink(state)).not.toContain('normal=');
    state.config.train.normalDigits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const hash = serializeLink(state);
    expect(hash).toContain('normal=all');
    expect(parseLink(hash).state.config.train.normalDigits).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(parseLink('v=1&lesson=anomaly-detection').state.config.train.normalDigits).toEqual([0]);
  });
});

describe('the pretraining run\'s settings (keys labels and pwidths)', () => {
  it('are left out at the lesson\'s own values, written where they differ, and read back', () => {
    const state = defaultLinkState('pretraining');
    expect(state.pretrain).toEqual({ labels: '100', widths: 'small' });
    expect(serializeLink(state)).not.toMatch(/labels=|pwidths=/);
    state.pretrain = { labels: 'all', widths: 'lecture' };
    const hash = serializeLink(state);
    expect(hash).toContain('labels=all');
    expect(hash).toContain('pwidths=lecture');
    expect(parseLink(hash)).toEqual({ state, ignored: [] });
  });

  it('a bad value keeps the lesson\'s and is reported by key', () => {
    const base = serializeLink(defaultLinkState('pretraining'));
    const r = parseLink(`${base}&labels=5000&pwidths=huge`);
    expect(r.state.pretrain).toEqual({ labels: '100', widths: 'small' });
    expect(r.ignored).toEqual([
      expect.objectContaining({ key: 'labels', value: '5000', reason: 'malformed' }),
      expect.objectContaining({ key: 'pwidths', value: 'huge', reason: 'malformed' }),
    ]);
  });
});
