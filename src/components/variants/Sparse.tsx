import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { plainNumber } from '../../i18n/format';
import { ACTIVE_THRESHOLD, fullModel } from '../../core/config';
import { useLab } from '../../state/store';
import type { SparsityEvent } from '../../worker/api';
import { Metric } from '../MetricCard';
import { useLabEffect } from '../useLabEffect';
import { featureCanvasSize, featureTilesRgba } from './featureTiles';
import './variants.css';

const FEATURE_LAYOUT = { cols: 10, gap: 1 };
/** viewBox units of the histogram. */
const HIST = { width: 320, height: 110, pad: 14 };

/**
 * The sparse autoencoder's panel (a non-linear code or a sparsity penalty): the code's activity
 * on the first 1,000 test digits (mean activation, share of active units, dead units), a
 * histogram of the activations, and the encoder's first 100 features as 28 x 28 images, all
 * redrawn with each live test evaluation. Numbers sit alone in their test-id elements.
 */
export function Sparse() {
  const { t } = useTranslation();
  const s = useLab((st) => st.sparsity);
  const applied = useLab((st) => st.config.model);
  // Every setting, the sparse ones at their defaults for a kind without them.
  const model = fullModel(applied);
  const canvas = useRef<HTMLCanvasElement>(null);

  useLabEffect(
    (st) => st.sparsity,
    (e) => {
      const c = canvas.current;
      if (!e || !c) return;
      const { width, height } = featureCanvasSize(e.featureCount, FEATURE_LAYOUT);
      if (c.width !== width || c.height !== height) Object.assign(c, { width, height });
      c.getContext('2d')?.putImageData(new ImageData(featureTilesRgba(e.features, e.featureCount, FEATURE_LAYOUT), width, height), 0, 0);
    },
  );

  const none = t('metrics.none');
  const penalty = model.sparsity === 'none' || model.sparsityWeight === 0 ? 'off' : model.sparsity;
  const help = t(`variants.sparse.help.${penalty}`, { weight: model.sparsityWeight, rho: model.sparsityTarget, activation: model.codeActivation });
  return (
    <section className="variant-view sparse" data-testid="sparse" aria-labelledby="sparse-title">
      <h2 id="sparse-title">{t('variants.sparse.title')}</h2>
      <p className="panel-intro">{help}</p>
      {model.codeActivation === 'linear' && <p className="field-hint">{t('variants.sparse.linearCode')}</p>}
      {!s && <p className="waiting">{t('variants.denoising.waiting')}</p>}
      <dl className="variant-numbers variant-numbers--four">
        <Metric label={t('variants.sparse.activeFraction')} testId="metric-active-fraction" emphasis>
          {s ? `${plainNumber(100 * s.activeFraction, 3)}%` : none}
        </Metric>
        <Metric label={t('variants.sparse.meanActivation')} testId="metric-mean-activation" emphasis>
          {s ? plainNumber(s.meanActivation, 3) : none}
        </Metric>
        <Metric label={t('variants.sparse.deadUnits')} testId="metric-dead-units">
          {s ? `${plainNumber(100 * s.deadFraction, 3)}%` : none}
        </Metric>
        <Metric label={t('variants.sparse.units')} testId="metric-code-units">
          {model.codeSize}
        </Metric>
      </dl>
      <p className="field-hint">{t('variants.sparse.activeNote', { threshold: ACTIVE_THRESHOLD, count: s?.count ?? 1000 })}</p>
      <div className="sparse-views">
        <figure className="sparse-features">
          <canvas
            ref={canvas}
            className="digits"
            role="img"
            aria-label={t(`variants.sparse.featuresLabel.${s?.featureLayer ?? 'code'}`, { count: s?.featureCount ?? 0 })}
            data-testid="sparse-features"
            data-count={s?.featureCount ?? 0}
          />
          <figcaption className="field-hint">{t(`variants.sparse.featuresCaption.${s?.featureLayer ?? 'code'}`, { count: s?.featureCount ?? 0 })}</figcaption>
        </figure>
        {s && <ActivityHistogram event={s} label={t('variants.sparse.histogramLabel', { top: plainNumber(s.histogramTop, 3) })} zeros={t('variants.sparse.zeros', { share: plainNumber(100 * s.zeroFraction, 3) })} />}
      </div>
    </section>
  );
}

/** The share of (digit, unit) pairs per activation bin, as SVG bars; relu's exact zeros are told in words. */
function ActivityHistogram({ event, label, zeros }: { event: SparsityEvent; label: string; zeros: string }) {
  const { width, height, pad } = HIST;
  const bins = event.histogram;
  const largest = Math.max(1e-9, ...bins);
  const barWidth = (width - 2 * pad) / bins.length;
  const threshold = pad + (Math.min(ACTIVE_THRESHOLD, event.histogramTop) / event.histogramTop) * (width - 2 * pad);
  return (
    <figure className="variant-trace sparse-histogram">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-testid="activity-histogram" data-bins={bins.length}>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} className="variant-trace-axis" />
        {Array.from(bins, (v, b) => {
          const h = (v / largest) * (height - 2 * pad);
          return <rect key={b} x={pad + b * barWidth + 0.5} y={height - pad - h} width={barWidth - 1} height={h} className="sparse-bar" />;
        })}
        <line x1={threshold} y1={pad / 2} x2={threshold} y2={height - pad} className="sparse-threshold" />
        <text x={pad} y={height - 2} className="variant-trace-label">0</text>
        <text x={width - pad} y={height - 2} textAnchor="end" className="variant-trace-label">{plainNumber(event.histogramTop, 3)}</text>
      </svg>
      <figcaption className="field-hint">
        {label} {event.zeroFraction > 0 ? zeros : ''}
      </figcaption>
    </figure>
  );
}
