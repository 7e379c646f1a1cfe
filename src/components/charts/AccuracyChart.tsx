import { line, scaleLinear } from 'd3';
import { useTranslation } from 'react-i18next';
import type { AccuracyPoint } from '../../worker/api';
import './AccuracyChart.css';

const W = 420;
const H = 220;
const M = { top: 10, right: 14, bottom: 36, left: 44 };
const innerW = W - M.left - M.right;
const innerH = H - M.top - M.bottom;

/**
 * Live test accuracy (%) of the pretrained and the randomly initialised network against the
 * fine-tuning step: two lines on the same axes, 0-100% (chance is 10%), the random network's dashed.
 */
export function AccuracyChart({ points, steps }: { points: readonly AccuracyPoint[]; steps: number }) {
  const { t } = useTranslation();
  const x = scaleLinear().domain([0, Math.max(1, steps)]).range([0, innerW]);
  const y = scaleLinear().domain([0, 100]).range([innerH, 0]);
  const path = (key: 'pretrained' | 'random') =>
    line<AccuracyPoint>()
      .x((p) => x(p.step))
      .y((p) => y(100 * p[key]))(points.filter((p) => Number.isFinite(p[key]))) ?? '';
  return (
    <svg className="accuracy-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('pretraining.chartLabel')} data-testid="pretraining-chart">
      <g transform={`translate(${M.left},${M.top})`}>
        {y.ticks(5).map((v) => (
          <g key={v}>
            <line className="grid" x1={0} x2={innerW} y1={y(v)} y2={y(v)} />
            <text className="tick" x={-6} y={y(v) + 4} textAnchor="end">{`${v}%`}</text>
          </g>
        ))}
        {x.ticks(5).map((v) => (
          <text key={v} className="tick" x={x(v)} y={innerH + 14} textAnchor="middle">
            {v}
          </text>
        ))}
        <line className="axis" x1={0} x2={innerW} y1={innerH} y2={innerH} />
        <path className="line-random" d={path('random')} />
        <path className="line-pretrained" d={path('pretrained')} />
        {points.map((p) => (
          <g key={p.step}>
            <circle className="dot-random" cx={x(p.step)} cy={y(100 * p.random)} r={2.5} />
            <circle className="dot-pretrained" cx={x(p.step)} cy={y(100 * p.pretrained)} r={2.5} />
          </g>
        ))}
        <text className="axis-title" x={innerW / 2} y={innerH + 31} textAnchor="middle">
          {t('pretraining.stepAxis')}
        </text>
      </g>
    </svg>
  );
}
