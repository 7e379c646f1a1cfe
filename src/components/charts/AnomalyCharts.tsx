import { line, scaleLinear } from 'd3';
import { useTranslation } from 'react-i18next';
import type { Histogram } from '../../core/analysis/anomaly';
import type { RocCurve } from '../../core/analysis/roc';
import { plainNumber } from '../../i18n/format';
import './AnomalyCharts.css';

const W = 360;
const H = 200;
const M = { top: 10, right: 12, bottom: 34, left: 44 };
const innerW = W - M.left - M.right;
const innerH = H - M.top - M.bottom;

/**
 * Histograms of the anomaly score (squared error per image) for the normal and the anomalous
 * test digits, each as a share of its own class so the two can be compared although the
 * anomalies are nine times as many; the threshold as a vertical line.
 */
export function ScoreHistogram({ normal, anomalous, threshold }: { normal: Histogram; anomalous: Histogram; threshold: number }) {
  const { t } = useTranslation();
  const edges = normal.edges;
  const x = scaleLinear().domain([edges[0], edges[edges.length - 1]]).range([0, innerW]);
  const share = (h: Histogram) => {
    const total = h.counts.reduce((a, b) => a + b, 0);
    return Array.from(h.counts, (c) => (total > 0 ? c / total : 0));
  };
  const a = share(normal);
  const b = share(anomalous);
  const y = scaleLinear().domain([0, Math.max(0.01, ...a, ...b)]).range([innerH, 0]).nice();
  const ticks = x.ticks(5);
  const bars = (values: number[], cls: string) =>
    values.map((v, i) => (
      <rect key={`${cls}${i}`} className={cls} x={x(edges[i])} y={y(v)} width={Math.max(0, x(edges[i + 1]) - x(edges[i]) - 0.5)} height={innerH - y(v)} />
    ));
  return (
    <svg className="anomaly-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('applications.anomaly.histogramLabel')} data-testid="anomaly-histogram">
      <g transform={`translate(${M.left},${M.top})`}>
        {bars(a, 'bar-normal')}
        {bars(b, 'bar-anomalous')}
        <line className="threshold" x1={x(threshold)} x2={x(threshold)} y1={0} y2={innerH} />
        <line className="axis" x1={0} x2={innerW} y1={innerH} y2={innerH} />
        {ticks.map((v) => (
          <text key={v} className="tick" x={x(v)} y={innerH + 14} textAnchor="middle">
            {plainNumber(v, 3)}
          </text>
        ))}
        <text className="axis-title" x={innerW / 2} y={innerH + 30} textAnchor="middle">
          {t('applications.anomaly.scoreAxis')}
        </text>
        {y.ticks(3).map((v) => (
          <text key={v} className="tick" x={-6} y={y(v) + 4} textAnchor="end">
            {`${Math.round(100 * v)}%`}
          </text>
        ))}
      </g>
    </svg>
  );
}

/** The ROC curve (false-positive rate across, true-positive rate up), the diagonal of chance, the threshold's point. */
export function RocChart({ roc, point }: { roc: RocCurve; point?: { fpr: number; tpr: number } }) {
  const { t } = useTranslation();
  const side = innerH;
  const x = scaleLinear().domain([0, 1]).range([0, side]);
  const y = scaleLinear().domain([0, 1]).range([side, 0]);
  // At most ~400 vertices: the curve of 10,000 scores drawn at the chart's resolution.
  const step = Math.max(1, Math.floor(roc.fpr.length / 400));
  const pts: [number, number][] = [];
  for (let i = 0; i < roc.fpr.length; i += step) pts.push([roc.fpr[i], roc.tpr[i]]);
  pts.push([roc.fpr[roc.fpr.length - 1], roc.tpr[roc.tpr.length - 1]]);
  const path = line<[number, number]>().x((p) => x(p[0])).y((p) => y(p[1]))(pts.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))) ?? '';
  return (
    <svg className="anomaly-chart anomaly-roc" viewBox={`0 0 ${side + M.left + M.right} ${H}`} role="img" aria-label={t('applications.anomaly.rocLabel')} data-testid="anomaly-roc">
      <g transform={`translate(${M.left},${M.top})`}>
        <rect className="frame" x={0} y={0} width={side} height={side} />
        <line className="chance" x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} />
        <path className="roc" d={path} />
        {point && Number.isFinite(point.fpr) && Number.isFinite(point.tpr) && <circle className="roc-point" cx={x(point.fpr)} cy={y(point.tpr)} r={4} />}
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <text className="tick" x={x(v)} y={side + 14} textAnchor="middle">{v}</text>
            <text className="tick" x={-6} y={y(v) + 4} textAnchor="end">{v}</text>
          </g>
        ))}
        <text className="axis-title" x={side / 2} y={side + 30} textAnchor="middle">
          {t('applications.anomaly.fprAxis')}
        </text>
        <text className="axis-title" transform={`translate(${-32},${side / 2}) rotate(-90)`} textAnchor="middle">
          {t('applications.anomaly.tprAxis')}
        </text>
      </g>
    </svg>
  );
}
