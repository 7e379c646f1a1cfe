import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../core/config';
import i18n from '../i18n';
import { findLesson, LESSONS } from '../lessons';
import { MEASURE_IDS, type MeasureId } from '../lessons/catalog';
import { claimFields } from './claimReading';
import { BASELINES, fieldsRead, formatMeasure, measureNameKey, MEASURES, type MeasureState } from './measures';

/**
 * Every field a measure can read, filled with made-up events (only the numbers the readings
 * use are realistic). Cast: the events' other fields play no part in a reading (`runId` is
 * there for the run protocol's events, which carry one).
 */
const counts = [1, 15, 31];
const curve = (at15: number) => Float64Array.from(counts, (c) => (c === 15 ? at15 : 0.5));
function fullState(engineKind: 'vae' | 'adversarial' | 'conditional'): MeasureState {
  const values = { elbo: -158.2, activeDimensions: 5, priorDistance: 0.12, swapReadAsLabel: 0.61, emptyCells: 0.02 };
  return {
    config: { ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, codeSize: 2 } },
    history: [
      { step: 10, epoch: 0.1, trainLoss: 0.3, testLoss: 0.3, testSquaredError: 52 },
      { step: 500, epoch: 3.2, trainLoss: 0.2 },
      { step: 480, epoch: 3.1, trainLoss: 0.2, testLoss: 0.2, testSquaredError: 38.5 },
    ].sort((a, b) => a.step - b.step),
    pcaBaseline: { type: 'pcaBaseline', runId: 1, codeSize: 2, testSquaredError: 42.9, testLoss: 0.2 } as MeasureState['pcaBaseline'],
    measurements: { type: 'measurements', runId: 1, step: 470, epoch: 3, knnAccuracy: 0.71, codeRadius95: 2.4, n: 5000 } as MeasureState['measurements'],
    pcaMap: { type: 'pcaMap', runId: 1, points: new Float32Array(), n: 5000, knnAccuracy: 0.44, extent: { xMin: 0, xMax: 1, yMin: 0, yMax: 1 } } as MeasureState['pcaMap'],
    denoising: { epoch: 2.5, noisyPsnr: 10.2, outputPsnr: 16.4 } as MeasureState['denoising'],
    imageSearch: {
      autoencoder: { epoch: 2.1, score: { precision: 0.876 } },
      pca: { complete: true, score: { precision: 0.899 } },
    } as MeasureState['imageSearch'],
    sensitivity: { epoch: 3.3, relativeSensitivity: 0.019 } as MeasureState['sensitivity'],
    anomaly: { epoch: 1.1, auroc: 0.989 } as MeasureState['anomaly'],
    embedding: { epoch: 2.2, maps: { codes: { knnAccuracy: 0.84 }, pca2: { knnAccuracy: 0.39 }, pixels: { knnAccuracy: 0.86 } } } as MeasureState['embedding'],
    pretraining: { fineTune: { steps: 300, stepsDone: 300 }, final: { pretrained: 0.7864, random: 0.7399 } } as MeasureState['pretraining'],
    text: { status: 'ready', running: false, info: { counts }, measure: { epoch: 2.05, retrieval: { fraction: curve(0.296) } }, lsa: { retrieval: { fraction: curve(0.244) } } } as MeasureState['text'],
    sparsity: { epoch: 2.4, activeFraction: 0.248, meanActivation: 0.17 } as MeasureState['sparsity'],
    vq: { epoch: 2.6, perplexity: 21.3 } as MeasureState['vq'],
    engineMeasures: { type: 'engineMeasures', runId: 1, step: 400, epoch: 2.7, kind: engineKind, values } as MeasureState['engineMeasures'],
  };
}
const ENGINE_KIND: Partial<Record<MeasureId, 'vae' | 'adversarial' | 'conditional'>> = {
  testElbo: 'vae',
  emptyCells: 'vae',
  activeDimensions: 'vae',
  priorDistance: 'adversarial',
  swapReadAsLabel: 'conditional',
};

/** The full state with every field the measure does not declare emptied. */
function onlyDeclared(id: MeasureId, s: MeasureState): MeasureState {
  const keep = new Set<string>(MEASURES[id].reads);
  const emptied = { history: [], pcaBaseline: undefined, measurements: undefined, pcaMap: undefined, config: DEFAULT_CONFIG };
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, keep.has(k) ? v : (emptied as Record<string, unknown>)[k]])) as MeasureState;
}

describe('the measures registry', () => {
  it.each(MEASURE_IDS)('%s reads a value, and only from the store fields it declares', (id) => {
    const s = fullState(ENGINE_KIND[id] ?? 'vae');
    const r = MEASURES[id].read(s);
    expect(r.value).toBeTypeOf('number');
    expect(r.epoch).toBeGreaterThan(0);
    // A view subscribed to `reads` alone must see every change of the reading.
    expect(MEASURES[id].read(onlyDeclared(id, s))).toEqual(r);
    if (MEASURES[id].baseline && !MEASURES[id].relative) expect(r.baseline).toBeTypeOf('number');
  });

  it('reads the numbers the claims were written against', () => {
    const s = fullState('vae');
    expect(MEASURES.testSquaredError.read(s)).toEqual({ epoch: 3.1, value: 38.5, initial: 52, baseline: 42.9 });
    expect(MEASURES.knnAccuracy.read(s)).toEqual({ epoch: 3, value: 0.71, baseline: 0.44 });
    expect(MEASURES.psnrGain.read(s).value).toBeCloseTo(6.2, 12);
    expect(MEASURES.pretrainGain.read(s)).toMatchObject({ epoch: 1 });
    expect(MEASURES.pretrainGain.read(s).value).toBeCloseTo(4.65, 12);
    expect(MEASURES.textRetrievalFraction.read(s)).toEqual({ epoch: 2.05, value: 0.296, baseline: 0.244 });
    // Another kind's figures are not this measure's.
    expect(MEASURES.priorDistance.read(s)).toEqual({ epoch: 0 });
    expect(MEASURES.testElbo.read(fullState('adversarial'))).toEqual({ epoch: 0 });
  });

  it('keeps a PCA baseline of another code size out, and waits for the complete PCA search', () => {
    const s = fullState('vae');
    expect(MEASURES.testSquaredError.read({ ...s, config: DEFAULT_CONFIG, pcaBaseline: { ...s.pcaBaseline!, codeSize: 16 } }).baseline).toBeUndefined();
    const partial = { ...s.imageSearch, pca: { ...s.imageSearch!.pca!, complete: false } };
    expect(MEASURES.searchPrecision.read({ ...s, imageSearch: partial }).baseline).toBeUndefined();
  });

  it('names every measure and baseline in words', () => {
    for (const id of MEASURE_IDS) expect(i18n.exists(measureNameKey(id)), measureNameKey(id)).toBe(true);
    for (const b of BASELINES) expect(i18n.exists(`classroom.measures.baseline.${b}`), b).toBe(true);
  });

  it('writes each unit as the page shows it', () => {
    expect(formatMeasure('knnAccuracy', 0.5674)).toBe('56.7%');
    expect(formatMeasure('psnrGain', 6.234)).toBe('6.23 dB');
    expect(formatMeasure('pretrainGain', 4.6512)).toBe('+4.65 pp');
    expect(formatMeasure('pretrainGain', -0.34)).toBe('-0.34 pp');
    expect(formatMeasure('activeDimensions', 5.2)).toBe('5');
    expect(formatMeasure('testSquaredError', 13.8712)).toBe('13.87');
    expect(formatMeasure('testElbo', Number.NaN)).toBe('NaN');
  });

  it('tells a claim view every field its measure and guard read, and no other measure\'s', () => {
    const sparse = findLesson('sparse')!;
    expect(claimFields(sparse).sort()).toEqual(['config', 'history', 'pcaBaseline', 'runState', 'sparsity']);
    expect(fieldsRead(['anomalyAuroc'])).toEqual(['anomaly']);
    for (const lesson of LESSONS) expect(claimFields(lesson)).toEqual(expect.arrayContaining([...MEASURES[lesson.claim.check.metric].reads]));
  });
});
