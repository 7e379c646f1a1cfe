import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, layerWidths, type LabConfig } from '../core/config';
import { KINDS } from '../core/kinds/registry';
import {
  checkDraft,
  draftFromConfig,
  draftWidths,
  fieldOfPath,
  isDraftDirty,
  mergeDraft,
  proposedLayerWidth,
  type ConfigDraft,
} from './architectureDraft';

const draft = (patch: Partial<ConfigDraft> = {}): ConfigDraft => ({ ...draftFromConfig(DEFAULT_CONFIG), ...patch });

describe('architecture draft', () => {
  it('round-trips the default config unchanged and clean', () => {
    const r = checkDraft(draft());
    expect(r).toEqual({ ok: true, config: DEFAULT_CONFIG });
    expect(isDraftDirty(draft(), DEFAULT_CONFIG)).toBe(false);
  });

  it('accepts edited values and parses them to numbers', () => {
    const r = checkDraft(draft({ encoderLayers: [' 500 ', '250'], codeSize: '30', learningRate: '1e-3', optimizer: 'sgd', momentum: '0.5' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.model.kind === 'mlp' && r.config.model.encoderLayers).toEqual([500, 250]);
    expect(r.config.model.codeSize).toBe(30);
    expect(r.config.train.learningRate).toBe(0.001);
    expect(r.config.train.momentum).toBe(0.5);
    expect(isDraftDirty(draft({ codeSize: '30' }), DEFAULT_CONFIG)).toBe(true);
  });

  it('refuses each kind of bad value with the reason, on the right field', () => {
    const r = checkDraft(
      draft({
        encoderLayers: ['256', '0', '12.5'],
        codeSize: '1001',
        learningRate: '',
        batchSize: 'abc',
        trainSize: '999',
        seed: '-1',
        outputActivation: 'linear',
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual({
      'layer.1': { code: 'range', min: 1, max: 2000 },
      'layer.2': { code: 'wholeNumber' },
      codeSize: { code: 'range', min: 1, max: 1000 },
      learningRate: { code: 'notANumber' },
      batchSize: { code: 'notANumber' },
      trainSize: { code: 'range', min: 1000, max: 60000 },
      seed: { code: 'range', min: 0, max: 2 ** 31 - 1 },
      loss: { code: 'bceNeedsSigmoid' },
    });
  });

  it('carries the L2 penalty on the code both ways, and refuses one outside [0, 1]', () => {
    const penalised: LabConfig = { ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, codeL2: 0.001 } };
    expect(draftFromConfig(penalised).codeL2).toBe('0.001');
    // Applying an untouched draft keeps the penalty (a lesson's preset is not lost on apply).
    expect(checkDraft(draftFromConfig(penalised))).toEqual({ ok: true, config: penalised });
    expect(isDraftDirty(draftFromConfig(penalised), penalised)).toBe(false);
    const edited = checkDraft(draft({ codeL2: ' 0.01 ' }));
    expect(edited.ok && edited.config.model.kind === 'mlp' && edited.config.model.codeL2).toBe(0.01);
    for (const [text, problem] of [
      ['-0.1', { code: 'range', min: 0, max: 1 }],
      ['2', { code: 'range', min: 0, max: 1 }],
      ['', { code: 'notANumber' }],
    ] as const) {
      const r = checkDraft(draft({ codeL2: text }));
      expect(r.ok ? {} : r.problems).toEqual({ codeL2: problem });
    }
  });

  it('refuses a fifth encoder layer on the layer list', () => {
    const r = checkDraft(draft({ encoderLayers: ['512', '256', '128', '64', '32'] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.layers).toEqual({ code: 'tooManyLayers', max: 4 });
  });

  it('maps schema paths to fields', () => {
    expect(fieldOfPath('model.encoderLayers.3')).toBe('layer.3');
    expect(fieldOfPath('model.encoderLayers')).toBe('layers');
    expect(fieldOfPath('train.learningRate')).toBe('learningRate');
    expect(fieldOfPath('model.loss')).toBe('loss');
  });

  it('keeps the user edits and takes the rest from the new config when the applied config changes', () => {
    const before = DEFAULT_CONFIG;
    const after: LabConfig = { ...before, train: { ...before.train, seed: 7, batchSize: 128 }, model: { ...before.model, encoderLayers: [128] } };
    const edited = draft({ batchSize: '32', codeSize: '10' });
    const merged = mergeDraft(edited, before, after);
    expect(merged.seed).toBe('7');
    expect(merged.encoderLayers).toEqual(['128']);
    expect(merged.batchSize).toBe('32');
    expect(merged.codeSize).toBe('10');

    const layersEdited = mergeDraft(draft({ encoderLayers: ['300', '64'] }), before, after);
    expect(layersEdited.encoderLayers).toEqual(['300', '64']);
  });

  it('gives the diagram the mirrored widths, or nothing while a width is not a number', () => {
    expect(draftWidths(draft())).toEqual(layerWidths(DEFAULT_CONFIG.model));
    expect(draftWidths(draft({ encoderLayers: [] , codeSize: '30' }))).toEqual([784, 30, 784]);
    expect(draftWidths(draft({ codeSize: '' }))).toBeUndefined();
    expect(draftWidths(draft({ encoderLayers: ['25x'] }))).toBeUndefined();
    expect(draftWidths(draft({ encoderLayers: ['12.5'] }))).toBeUndefined();
  });

  it('proposes a new layer width between the last layer and the code', () => {
    expect(proposedLayerWidth(draft())).toBe(32); // [256, 64] -> 32
    expect(proposedLayerWidth(draft({ encoderLayers: [], codeSize: '2' }))).toBe(392);
    expect(proposedLayerWidth(draft({ encoderLayers: ['40'], codeSize: '30' }))).toBe(60);
  });
});

describe('architecture draft: the variants (issue 4)', () => {
  it('carries the input noise both ways and refuses a level outside [0, 1]', () => {
    const denoising: LabConfig = { ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, noise: 'mask', noiseLevel: 0.4 } };
    expect(draftFromConfig(denoising)).toMatchObject({ noise: 'mask', noiseLevel: '0.4' });
    // Applying an untouched draft keeps the variant (a lesson's preset is not lost on apply).
    expect(checkDraft(draftFromConfig(denoising))).toEqual({ ok: true, config: denoising });
    expect(isDraftDirty(draftFromConfig(denoising), denoising)).toBe(false);
    const edited = checkDraft(draft({ noise: 'gaussian', noiseLevel: '0.25' }));
    expect(edited.ok && edited.config.model).toMatchObject({ noise: 'gaussian', noiseLevel: 0.25 });
    const r = checkDraft(draft({ noise: 'gaussian', noiseLevel: '1.5' }));
    expect(r.ok ? {} : r.problems).toEqual({ noiseLevel: { code: 'range', min: 0, max: 1 } });
  });

  it('carries the contractive penalty and refuses it with two hidden layers, on its own field', () => {
    const one: LabConfig = { ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, encoderLayers: [64], contractive: 0.001 } };
    expect(checkDraft(draftFromConfig(one))).toEqual({ ok: true, config: one });
    const deep = checkDraft(draft({ contractive: '0.001' }));
    expect(deep.ok ? {} : deep.problems).toEqual({ contractive: { code: 'contractiveDepth' } });
  });
});

describe('kinds and the fields the editor does not show', () => {
  it('keeps normal digits and the kind\'s settings the editor does not show when an edit is applied', () => {
    const applied: LabConfig = { model: { ...KINDS.vae.defaults, beta: 4 }, train: { ...DEFAULT_CONFIG.train, normalDigits: [0] } };
    const d = { ...draftFromConfig(applied), learningRate: '0.01' };
    const r = checkDraft(d);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.train.normalDigits).toEqual([0]);
    expect(r.config.model.kind === 'vae' && r.config.model.beta).toBe(4);
    expect(r.config.train.learningRate).toBe(0.01);
  });

  it('edits a convolutional model: kind, channels, decoder; refuses dense layers and bad channels on their fields', () => {
    const d = { ...draftFromConfig(DEFAULT_CONFIG), kind: 'conv' as const, encoderLayers: [], convChannels: '8, 4', convDecoder: 'deconvolution' as const };
    const r = checkDraft(d);
    expect(r.ok && r.config.model).toMatchObject({ kind: 'conv', convChannels: [8, 4], convDecoder: 'deconvolution' });
    // A convolutional model has no dense layers at all (its config has no such field).
    expect(r.ok && 'encoderLayers' in r.config.model).toBe(false);
    expect(draftWidths(d)).toEqual([784, 14 * 14 * 8, 7 * 7 * 4, 2, 7 * 7 * 4, 14 * 14 * 8, 784]);
    const layers = checkDraft({ ...d, encoderLayers: ['32'] });
    expect(!layers.ok && Object.keys(layers.problems)).toContain('layers');
    const channels = checkDraft({ ...d, convChannels: '8, 4, 2' });
    expect(!channels.ok && Object.keys(channels.problems)).toContain('convChannels');
    expect(draftWidths({ ...d, convChannels: '8, x' })).toBeUndefined();
  });

  it('takes a new applied config\'s kept fields even where the user edited others', () => {
    const before = structuredClone(DEFAULT_CONFIG);
    const after = structuredClone(DEFAULT_CONFIG);
    after.train.normalDigits = [3];
    const merged = mergeDraft({ ...draftFromConfig(before), codeSize: '5' }, before, after);
    expect(merged.codeSize).toBe('5');
    expect(merged.kept.train.normalDigits).toEqual([3]);
  });
});
