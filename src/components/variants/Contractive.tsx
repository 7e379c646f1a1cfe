import { useState } from 'react';
import { Metric } from '../MetricCard';
import { useTranslation } from 'react-i18next';
import { plainEpoch, plainNumber } from '../../i18n/format';
import { useLab } from '../../state/store';
import type { SensitivityEvent } from '../../worker/api';
import { useLabEffect } from '../useLabEffect';
import './variants.css';
import { encoderLayersOf, modelSetting } from '../../core/config';

/** viewBox units; the y axis runs from 0 to the largest value, the x axis from epoch 0 to the latest. */
const CHART = { width: 320, height: 90, pad: 6 };

/**
 * How far the code moves when the input changes a little (the contractive autoencoder's
 * lesson): the worker's sensitivity probe on the first 1,000 test digits, raw and relative to
 * the spread of the codes, the closed-form Jacobian norm, and a small line of the relative
 * sensitivity over this run's epochs. Numbers sit alone in their test-id elements.
 */
export function Contractive() {
  const { t } = useTranslation();
  const s = useLab((st) => st.sensitivity);
  const weight = useLab((st) => modelSetting(st.config.model, 'contractive'));
  const deep = useLab((st) => encoderLayersOf(st.config.model).length > 1);
  // The run's trace; a new run (the store clears its measurement) starts a new one.
  const [trace, setTrace] = useState<SensitivityEvent[]>([]);
  useLabEffect(
    (st) => st.sensitivity,
    (e) => setTrace((old) => (!e ? [] : old.length && e.step < old[old.length - 1].step ? [e] : [...old, e].slice(-400))),
  );
  const none = t('metrics.none');
  return (
    <section className="variant-view contractive" data-testid="contractive" aria-labelledby="contractive-title">
      <h2 id="contractive-title">{t('variants.contractive.title')}</h2>
      <p className="panel-intro">{t(weight > 0 ? 'variants.contractive.helpOn' : 'variants.contractive.helpOff', { weight })}</p>
      {deep && <p className="field-error">{t('variants.contractive.deep')}</p>}
      {!s && !deep && <p className="waiting">{t('variants.denoising.waiting')}</p>}
      <dl className="variant-numbers variant-numbers--four">
        <Metric label={t('variants.contractive.relative')} testId="metric-relative-sensitivity" emphasis>
          {s ? plainNumber(s.relativeSensitivity, 3) : none}
        </Metric>
        <Metric label={t('variants.contractive.sensitivity')} unit={t('variants.contractive.sensitivityUnit')} testId="metric-sensitivity">
          {s ? plainNumber(s.sensitivity, 3) : none}
        </Metric>
        <Metric label={t('variants.contractive.spread')} testId="metric-code-spread">
          {s ? plainNumber(s.codeSpread, 3) : none}
        </Metric>
        <Metric label={t('variants.contractive.jacobian')} testId="metric-jacobian-norm">
          {s ? plainNumber(s.jacobianNorm, 3) : none}
        </Metric>
      </dl>
      <TraceChart trace={trace} label={t('variants.contractive.chart', { epoch: trace.length ? plainEpoch(trace[trace.length - 1].epoch) : '0' })} />
      <p className="field-hint">{t('variants.contractive.note')}</p>
    </section>
  );
}

/** Relative sensitivity by epoch, as a plain SVG line (a few hundred points at most). */
function TraceChart({ trace, label }: { trace: SensitivityEvent[]; label: string }) {
  const { width, height, pad } = CHART;
  const maxEpoch = Math.max(1, ...trace.map((e) => e.epoch));
  const maxValue = Math.max(1e-9, ...trace.map((e) => e.relativeSensitivity));
  const points = trace
    .map((e) => `${(pad + (e.epoch / maxEpoch) * (width - 2 * pad)).toFixed(1)},${(height - pad - (e.relativeSensitivity / maxValue) * (height - 2 * pad)).toFixed(1)}`)
    .join(' ');
  return (
    <figure className="variant-trace">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-testid="sensitivity-trace" data-points={trace.length}>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} className="variant-trace-axis" />
        <line x1={pad} y1={pad} x2={pad} y2={height - pad} className="variant-trace-axis" />
        {trace.length > 1 && <polyline points={points} className="variant-trace-line" />}
        {trace.length > 0 && (
          <>
            <text x={pad + 4} y={pad + 9} className="variant-trace-label">{plainNumber(maxValue, 2)}</text>
            <text x={width - pad} y={height - pad - 4} textAnchor="end" className="variant-trace-label">
              {plainEpoch(maxEpoch)}
            </text>
          </>
        )}
      </svg>
      <figcaption className="field-hint">{label}</figcaption>
    </figure>
  );
}

