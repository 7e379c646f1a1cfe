import { line, scaleLinear, scaleLog } from 'd3';
import { useTranslation } from 'react-i18next';
import { plainNumber } from '../../i18n/format';
import './RetrievalCurveChart.css';

const W = 460;
const H = 250;
const M = { top: 10, right: 12, bottom: 36, left: 46 };
const innerW = W - M.left - M.right;
const innerH = H - M.top - M.bottom;

export type CurveSeries = 'autoencoder' | 'lsa' | 'autoencoderMap' | 'lsaMap';
export const CURVE_SERIES: readonly CurveSeries[] = ['autoencoder', 'lsa', 'autoencoderMap', 'lsaMap'];

/**
 * The retrieval curves of Hinton & Salakhutdinov (2006) Fig. 4: the share of retrieved passages
 * with the query's genre against the number retrieved, on a logarithmic x axis; random retrieval
 * as a dotted line. A series that has not arrived yet is left out.
 */
export function RetrievalCurveChart({ counts, curves, chance }: { counts: readonly number[]; curves: Partial<Record<CurveSeries, ArrayLike<number>>>; chance: number }) {
  const { t } = useTranslation();
  const x = scaleLog().domain([counts[0], counts[counts.length - 1]]).range([0, innerW]);
  const values = Object.values(curves).flatMap((c) => Array.from(c ?? []));
  const y = scaleLinear().domain([0, Math.max(0.2, chance, ...values.filter(Number.isFinite))]).range([innerH, 0]).nice();
  const path = (f: ArrayLike<number>) => line<number>().x((_, i) => x(counts[i])).y((v) => y(v))(Array.from(f)) ?? '';
  const shown = CURVE_SERIES.filter((s) => curves[s]);
  return (
    <figure className="retrieval-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('text.curveLabel')} data-testid="text-curve">
        <g transform={`translate(${M.left},${M.top})`}>
          <line className="axis" x1={0} x2={innerW} y1={innerH} y2={innerH} />
          <line className="axis" x1={0} x2={0} y1={0} y2={innerH} />
          {counts.map((c) => (
            <text key={c} className="tick" x={x(c)} y={innerH + 14} textAnchor="middle">
              {c}
            </text>
          ))}
          {y.ticks(5).map((v) => (
            <g key={v}>
              <line className="grid" x1={0} x2={innerW} y1={y(v)} y2={y(v)} />
              <text className="tick" x={-6} y={y(v) + 4} textAnchor="end">{`${Math.round(100 * v)}%`}</text>
            </g>
          ))}
          <line className="series-chance" x1={0} x2={innerW} y1={y(chance)} y2={y(chance)} />
          {shown.map((s) => (
            <path key={s} className={`series series-${s}`} d={path(curves[s]!)} data-testid={`text-curve-${s}`} />
          ))}
          <text className="axis-title" x={innerW / 2} y={innerH + 31} textAnchor="middle">
            {t('text.xAxis')}
          </text>
          <text className="axis-title" transform={`translate(-36,${innerH / 2}) rotate(-90)`} textAnchor="middle">
            {t('text.yAxis')}
          </text>
        </g>
      </svg>
      <figcaption className="retrieval-legend">
        {[...shown, 'chance' as const].map((s) => (
          <span key={s}>
            <svg width="22" height="10" aria-hidden="true">
              <line className={s === 'chance' ? 'series-chance' : `series series-${s}`} x1="1" x2="21" y1="5" y2="5" />
            </svg>
            {t(`text.series.${s}`)}
          </span>
        ))}
      </figcaption>
      <table className="retrieval-table" data-testid="text-curve-table">
        <caption>{t('text.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('text.retrieved')}</th>
            {shown.map((s) => (
              <th key={s} scope="col">
                {t(`text.series.${s}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {counts.map((c, i) => (
            <tr key={c}>
              <th scope="row">{c}</th>
              {shown.map((s) => (
                <td key={s} data-series={s} data-count={c}>
                  {`${plainNumber(100 * curves[s]![i], 3)}%`}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
