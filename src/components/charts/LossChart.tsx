import { IMAGE_SIZE } from '../../core/config';
import { axisBottom, axisLeft, format, line, scaleLinear, scaleLog, select } from 'd3';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLab } from '../../state/store';
import { chartSeries, drawable, xDomain, yDomain, type ChartPoint, type ChartUnit } from './lossChartModel';
import { markLabel, markSteps } from './settingsMarks';
import { useElementSize } from './useElementWidth';
import './LossChart.css';

/** Plot height in CSS px unless CSS sets `--loss-chart-height` (a panel filling the screen does). */
const HEIGHT = 290;
const MARGIN = { top: 14, right: 18, bottom: 46, left: 66 };

/**
 * Learning curves by training step: train and test loss per pixel, or test squared error per
 * image, with the PCA baseline of the same code size as a dashed line in the same unit, and a
 * mark where live settings changed in the run (settingsMarks.ts).
 * d3 computes scales and paths inside JSX; the two axes are drawn by d3 through refs.
 */
export function LossChart() {
  const { t } = useTranslation();
  const history = useLab((s) => s.history);
  const pca = useLab((s) => s.pcaBaseline);
  const loss = useLab((s) => s.config.model.loss);
  const logScale = useLab((s) => s.logScale);
  const marks = useLab((s) => s.settingsMarks);
  const setLogScale = useLab((s) => s.setLogScale);
  const [unit, setUnit] = useState<ChartUnit>('loss');
  const [ref, width, height] = useElementSize<HTMLDivElement>(560, HEIGHT);
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  const ids = useId();

  const series = useMemo(() => chartSeries(history, unit, pca), [history, unit, pca]);
  const innerW = Math.max(50, width - MARGIN.left - MARGIN.right);
  const innerH = Math.max(50, height - MARGIN.top - MARGIN.bottom);

  const x = useMemo(() => scaleLinear().domain(xDomain(series, markSteps(marks))).range([0, innerW]).nice(), [series, marks, innerW]);
  const y = useMemo(() => {
    const domain = yDomain(series, logScale);
    return logScale ? scaleLog().domain(domain).range([innerH, 0]) : scaleLinear().domain(domain).range([innerH, 0]).nice();
  }, [series, logScale, innerH]);

  const path = useMemo(
    () =>
      line<ChartPoint>()
        .defined((p) => drawable(p.value, logScale))
        .x((p) => x(p.step))
        .y((p) => y(p.value)),
    [x, y, logScale],
  );

  // A log axis over less than a decade offers a tick every 0.02; keep labels 18 px apart.
  const yTicks = useMemo(() => spacedTicks(y.ticks(logScale ? 8 : 5), y, 18), [y, logScale]);
  useEffect(() => {
    if (xAxisRef.current) {
      // Steps are whole numbers: no 0.2-step ticks on a short run.
      const steps = x.ticks(Math.max(2, Math.floor(innerW / 90))).filter(Number.isInteger);
      select(xAxisRef.current).call(axisBottom(x).tickValues(steps).tickFormat(format('~s')));
    }
    if (yAxisRef.current) {
      const axis = axisLeft(y).tickValues(yTicks);
      select(yAxisRef.current).call(logScale ? axis.tickFormat(format('~g')) : axis.tickFormat(format('~r')));
    }
  }, [x, y, yTicks, innerW, logScale]);

  const empty = series.train.length === 0 && series.test.length === 0;
  const yLabel = unit === 'loss' ? t('lossChart.yLoss', { loss: loss.toUpperCase() }) : t('lossChart.ySquaredError');
  const pcaY = series.pca !== undefined && drawable(series.pca, logScale) ? y(series.pca) : undefined;
  const lastTest = series.test[series.test.length - 1];

  return (
    <div className="loss-chart" data-testid="loss-chart">
      <div className="loss-chart-toolbar">
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('lossChart.unit')}</legend>
          {(['loss', 'squaredError'] as const).map((u) => (
            <label key={u} className={unit === u ? 'segmented-option is-selected' : 'segmented-option'}>
              <input type="radio" name={`${ids}-unit`} value={u} checked={unit === u} onChange={() => setUnit(u)} />
              {u === 'loss' ? t('lossChart.unitLoss') : t('lossChart.unitSquaredError')}
            </label>
          ))}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} />
          {t('lossChart.logScale')}
        </label>
      </div>
      <ul className="loss-chart-legend">
        {unit === 'loss' && (
          <li>
            <span className="legend-swatch legend-swatch--train" aria-hidden="true" />
            {t('lossChart.train')}
          </li>
        )}
        <li>
          <span className="legend-swatch legend-swatch--test" aria-hidden="true" />
          {t('lossChart.test')}
        </li>
        {pca && (
          <li>
            <span className="legend-swatch legend-swatch--pca" aria-hidden="true" />
            {pca.codeSize >= IMAGE_SIZE ? t('variants.sparse.pcaAll') : t('lossChart.pca', { k: pca.codeSize })}
          </li>
        )}
      </ul>
      <div ref={ref} className="loss-chart-plot">
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={`${t('lossChart.label')}${lastTest ? `: ${t('lossChart.test')} ${lastTest.value.toPrecision(4)}` : ''}`}
        >
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <g className="loss-chart-grid" aria-hidden="true">
              {yTicks.map((v) => (
                <line key={v} x1={0} x2={innerW} y1={y(v)} y2={y(v)} />
              ))}
            </g>
            <g ref={xAxisRef} className="loss-chart-axis" transform={`translate(0,${innerH})`} />
            <g ref={yAxisRef} className="loss-chart-axis" />
            <text className="loss-chart-axis-label" x={innerW / 2} y={innerH + 38} textAnchor="middle">
              {t('lossChart.xAxis')}
            </text>
            <text className="loss-chart-axis-label" transform={`translate(${-52},${innerH / 2}) rotate(-90)`} textAnchor="middle">
              {yLabel}
            </text>
            {pcaY !== undefined && <line className="loss-chart-pca" x1={0} x2={innerW} y1={pcaY} y2={pcaY} />}
            {series.train.length > 0 && <path className="loss-chart-line loss-chart-line--train" d={path(series.train) ?? undefined} />}
            {series.test.length > 0 && <path className="loss-chart-line loss-chart-line--test" d={path(series.test) ?? undefined} />}
            {pcaY !== undefined && pca && (
              // Under the line at the left: early curves lie above the baseline, so the label stays clear.
              <text className="loss-chart-pca-label" x={6} y={pcaY + 17}>
                {pca.codeSize >= IMAGE_SIZE ? t('variants.sparse.pcaAll') : t('lossChart.pca', { k: pca.codeSize })}
              </text>
            )}
            {marks.map((m, i) => {
              // Where live settings took effect (state/liveSlice.ts); labels stack down the plot, away from the edge.
              const mx = x(m.step);
              const label = markLabel(t, m);
              const right = mx > innerW * 0.6;
              return (
                <g key={i} className="loss-chart-mark" data-testid="loss-chart-mark" data-step={m.step}>
                  <title>{t('lossChart.settingsMark', { step: m.step, changes: label })}</title>
                  <line x1={mx} x2={mx} y1={0} y2={innerH} />
                  <text x={right ? mx - 5 : mx + 5} y={14 + (i % 4) * 16} textAnchor={right ? 'end' : 'start'}>
                    {label}
                  </text>
                </g>
              );
            })}
            {lastTest && drawable(lastTest.value, logScale) && (
              <circle className="loss-chart-last" cx={x(lastTest.step)} cy={y(lastTest.value)} r={4} />
            )}
            {empty && (
              <text className="loss-chart-empty" x={innerW / 2} y={innerH * 0.2} textAnchor="middle">
                {t('lossChart.empty')}
              </text>
            )}
          </g>
        </svg>
      </div>
    </div>
  );
}

/** Drops ticks that would sit closer than `minGap` px to the previous one kept. */
function spacedTicks(ticks: number[], y: (v: number) => number, minGap: number): number[] {
  const kept: number[] = [];
  for (const v of ticks) {
    if (kept.length === 0 || Math.abs(y(v) - y(kept[kept.length - 1])) >= minGap) kept.push(v);
  }
  return kept;
}
