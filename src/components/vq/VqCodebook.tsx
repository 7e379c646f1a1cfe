import { line, scaleLinear } from 'd3';
import { useTranslation } from 'react-i18next';
import { plainEpoch, plainNumber } from '../../i18n/format';
import type { VqPoint } from '../../state/store';
import { Metric } from '../MetricCard';

/** viewBox units of the two small charts. */
const HISTOGRAM = { width: 360, height: 90, pad: 6 };
const TRACE = { width: 360, height: 90, pad: 6 };

interface Props {
  /** [K] times each code was picked over the live test digits' positions. */
  usage: Float32Array;
  count: number;
  perplexity: number;
  codesUsed: number;
  history: readonly VqPoint[];
  /** The code picked in the panel (highlighted), if any. */
  pickedCode?: number;
  onPickCode: (k: number) => void;
}

/**
 * The codebook's use: perplexity and codes used on the live test digits, a histogram of how
 * often each code is picked (click a bar: pick that code), and the perplexity over training
 * with a dashed line at K/4.
 */
export function VqCodebook({ usage, count, perplexity, codesUsed, history, pickedCode, onPickCode }: Props) {
  const { t } = useTranslation();
  const K = usage.length;
  return (
    <div className="vq-codebook">
      <dl className="variant-numbers">
        <Metric label={t('vq.usage.perplexity')} unit={t('vq.usage.perplexityUnit')} testId="metric-vq-perplexity" emphasis>
          {plainNumber(perplexity, 3)}
        </Metric>
        <Metric label={t('vq.usage.codesUsed')} testId="metric-vq-codes-used">
          {t('vq.usage.codesUsedValue', { used: codesUsed, size: K })}
        </Metric>
      </dl>
      <Histogram usage={usage} label={t('vq.usage.histogram', { size: K, count })} pickedCode={pickedCode} onPickCode={onPickCode} />
      <PerplexityTrace history={history} K={K} />
      <p className="field-hint">{t('vq.usage.note')}</p>
    </div>
  );
}

function Histogram({ usage, label, pickedCode, onPickCode }: { usage: Float32Array; label: string; pickedCode?: number; onPickCode: (k: number) => void }) {
  const { t } = useTranslation();
  const { width, height, pad } = HISTOGRAM;
  const K = usage.length;
  const x = scaleLinear().domain([0, K]).range([pad, width - pad]);
  const y = scaleLinear().domain([0, Math.max(1, ...usage)]).range([height - pad, pad]);
  const barWidth = Math.max(0.5, x(1) - x(0) - (K > 128 ? 0 : 0.5));
  return (
    <figure className="variant-trace vq-histogram">
      <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-label={label} data-testid="vq-histogram" data-bars={K}>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} className="variant-trace-axis" />
        {Array.from(usage, (c, k) => (
          // The hit area is the whole column, so a code used 0 times can be picked too.
          <g key={k} className={k === pickedCode ? 'vq-bar vq-bar--picked' : 'vq-bar'} onClick={() => onPickCode(k)} data-testid={`vq-bar-${k}`}>
            <title>{t('vq.usage.bar', { index: k, count: c })}</title>
            <rect x={x(k)} y={pad} width={barWidth} height={height - 2 * pad} className="vq-bar-hit" />
            <rect x={x(k)} y={y(c)} width={barWidth} height={Math.max(0, height - pad - y(c))} className="vq-bar-fill" />
          </g>
        ))}
      </svg>
      <figcaption className="field-hint">{label}</figcaption>
    </figure>
  );
}

function PerplexityTrace({ history, K }: { history: readonly VqPoint[]; K: number }) {
  const { t } = useTranslation();
  const { width, height, pad } = TRACE;
  const maxEpoch = Math.max(1e-9, ...history.map((p) => p.epoch));
  const top = Math.max(K / 4, ...history.map((p) => p.perplexity)) * 1.1;
  const x = scaleLinear().domain([0, maxEpoch]).range([pad, width - pad]);
  const y = scaleLinear().domain([0, top]).range([height - pad, pad]);
  const path = line<VqPoint>()
    .x((p) => x(p.epoch))
    .y((p) => y(p.perplexity))(history as VqPoint[]);
  const epoch = history.length ? plainEpoch(history[history.length - 1].epoch) : '0';
  const label = t('vq.usage.chart', { epoch, quarter: plainNumber(K / 4, 3) });
  return (
    <figure className="variant-trace">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-testid="vq-perplexity-trace" data-points={history.length}>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} className="variant-trace-axis" />
        <line x1={pad} y1={pad} x2={pad} y2={height - pad} className="variant-trace-axis" />
        <line x1={pad} y1={y(K / 4)} x2={width - pad} y2={y(K / 4)} className="vq-quarter-line" />
        {history.length > 1 && path && <path d={path} className="variant-trace-line" />}
        <text x={pad + 4} y={pad + 9} className="variant-trace-label">{plainNumber(top, 3)}</text>
        <text x={width - pad} y={height - pad - 4} textAnchor="end" className="variant-trace-label">
          {plainEpoch(maxEpoch)}
        </text>
      </svg>
      <figcaption className="field-hint">{label}</figcaption>
    </figure>
  );
}
