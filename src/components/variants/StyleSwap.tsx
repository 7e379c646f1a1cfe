import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_SIZE } from '../../core/config';
import { lab } from '../../state/labBridge';
import { useLab } from '../../state/store';
import { Metric } from '../MetricCard';
import { drawDigit, inkSum } from '../digitCanvas';
import { useLabEffect } from '../useLabEffect';
import './variants.css';

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

type Source = { kind: 'test'; index: number } | { kind: 'drawing' };

/** [784] in [0, 1] of the source, or undefined while its pixels are not on the page yet. */
function sourcePixels(source: Source): Float32Array | undefined {
  const { testSample, drawing } = useLab.getState();
  if (source.kind === 'drawing') return drawing;
  if (!testSample || source.index >= testSample.n) return undefined;
  const bytes = testSample.images.subarray(source.index * IMAGE_SIZE, (source.index + 1) * IMAGE_SIZE);
  return Float32Array.from(bytes, (v) => v / 255);
}

const percent = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? undefined : `${(100 * x).toFixed(1)}%`);

/**
 * The conditional autoencoder's style swap (lesson style-swap): the code of one test digit (or
 * of the user's drawing) decoded with each label 0-9, redrawn whenever the model's codes
 * refresh; beside it the live figures of the engine (conditionalObjective.ts): how well the
 * digit can be read from the code alone, and how often swapped drawings read as the digit
 * asked for. A choice of the digit the latent grid and the sliders draw.
 */
export function StyleSwap() {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source>({ kind: 'test', index: 0 });
  const sample = useLab((s) => s.testSample);
  const drawing = useLab((s) => s.drawing);
  const values = useLab((s) => (s.engineMeasures?.kind === 'conditional' ? s.engineMeasures.values : undefined));
  const decodeLabel = useLab((s) => s.decodeLabel);
  const [drawn, setDrawn] = useState(false);
  const sourceRef = useRef<HTMLCanvasElement>(null);
  const rowRefs = useRef<(HTMLCanvasElement | null)[]>([]);
  const rowRef = useRef<HTMLDivElement>(null);
  const latest = useRef(source);
  latest.current = source;
  const busy = useRef<{ inFlight: boolean; again: boolean }>({ inFlight: false, again: false });

  const refresh = async () => {
    if (busy.current.inFlight) {
      busy.current.again = true;
      return;
    }
    const wanted = latest.current;
    const pixels = sourcePixels(wanted);
    if (!pixels || useLab.getState().config.model.kind !== 'conditional') return;
    busy.current.inFlight = true;
    const codes = useLab.getState().codes;
    if (rowRef.current) rowRef.current.dataset.current = 'false';
    try {
      if (sourceRef.current) drawDigit(sourceRef.current, pixels);
      const rows = await lab.styleSwap(pixels); // [10, 784]: digit d in row d
      if (!rows || latest.current !== wanted) return;
      rowRefs.current.forEach((canvas, d) => {
        if (!canvas) return;
        drawDigit(canvas, rows, d);
        canvas.dataset.ink = inkSum(rows, d).toFixed(1);
      });
      // 'true' while the row shows the newest model (tests wait for it after a pause).
      if (rowRef.current) rowRef.current.dataset.current = String(useLab.getState().codes === codes && !busy.current.again);
      setDrawn(true);
    } finally {
      busy.current.inFlight = false;
      if (busy.current.again) {
        busy.current.again = false;
        void refresh();
      }
    }
  };

  // New codes (about once a second while training, and after every new model), each live test,
  // a pause (the last steps' model) or a new source.
  useLabEffect((s) => s.codes, () => void refresh());
  useLabEffect((s) => s.engineMeasures, () => void refresh());
  useLabEffect((s) => s.runState, () => void refresh());
  useEffect(() => void refresh(), [source, sample, drawing]);

  const testIndex = source.kind === 'test' ? source.index : 0;
  const count = sample?.n ?? 0;
  const label = sample && testIndex < count ? sample.labels[testIndex] : undefined;
  const sourceText =
    source.kind === 'drawing' ? t('conditional.drawingSource') : t('conditional.testDigit', { index: testIndex, label: label ?? '?' });
  const step = (by: number) => setSource({ kind: 'test', index: (testIndex + by + count) % Math.max(count, 1) });
  const none = t('metrics.none');

  return (
    <section className="variant-view style-swap" data-testid="style-swap" aria-labelledby="style-swap-title">
      <h2 id="style-swap-title">{t('conditional.title')}</h2>
      <p className="panel-intro">{t('conditional.help')}</p>
      <div className="style-swap-source">
        <span className="row-label">{t('conditional.source')}</span>
        <button type="button" className="button" onClick={() => step(-1)} disabled={count === 0} aria-label={t('conditional.previous')}>
          ‹
        </button>
        <canvas ref={sourceRef} className="style-swap-digit" role="img" aria-label={t('conditional.sourceImage', { source: sourceText })} data-testid="style-swap-source" />
        <button type="button" className="button" onClick={() => step(1)} disabled={count === 0} aria-label={t('conditional.next')}>
          ›
        </button>
        <span data-testid="style-swap-source-text">{sourceText}</span>
        <button type="button" className="button" onClick={() => setSource({ kind: 'drawing' })} disabled={!drawing} data-testid="style-swap-use-drawing">
          {t('conditional.useDrawing')}
        </button>
      </div>
      {!drawing && <p className="field-hint">{t('conditional.noDrawing')}</p>}
      <div ref={rowRef} className="style-swap-row" role="group" aria-label={t('conditional.row')} data-testid="style-swap-row">
        {DIGITS.map((d) => (
          <figure key={d} className="style-swap-cell">
            <canvas
              ref={(el) => {
                rowRefs.current[d] = el;
              }}
              className="style-swap-digit"
              role="img"
              aria-label={t('conditional.asDigit', { digit: d })}
              data-testid="style-swap-digit"
              data-digit={d}
            />
            <figcaption>{d}</figcaption>
          </figure>
        ))}
      </div>
      {!drawn && <p className="waiting">{t('conditional.waiting')}</p>}
      <dl className="variant-numbers">
        <Metric label={t('conditional.codeKnn')} unit={t('conditional.codeKnnUnit')} testId="metric-code-label-knn" emphasis>
          {percent(values?.codeLabelKnn) ?? none}
        </Metric>
        <Metric label={t('conditional.swapRead')} unit={t('conditional.readUnit')} testId="metric-swap-read" emphasis>
          {percent(values?.swapReadAsLabel) ?? none}
        </Metric>
        <Metric label={t('conditional.ownRead')} unit={t('conditional.readUnit')} testId="metric-own-read">
          {percent(values?.ownReadAsLabel) ?? none}
        </Metric>
      </dl>
      <p className="field-hint">{t('conditional.note')}</p>
      <label className="style-swap-label-choice">
        {t('conditional.decodeLabel')}{' '}
        <select value={decodeLabel} onChange={(e) => void lab.setDecodeLabel(Number(e.target.value))} data-testid="decode-label">
          {DIGITS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
