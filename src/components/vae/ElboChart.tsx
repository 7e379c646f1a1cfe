import { scaleLinear } from 'd3';
import { useTranslation } from 'react-i18next';
import { useLab } from '../../state/store';

const W = 320;
const H = 140;
const M = { left: 44, right: 8, top: 8, bottom: 26 };

/**
 * The VAE's learning curve in its own units: the live test ELBO (nats per image, higher is
 * better) against epochs, with the reconstruction and KL terms' sum drawn as its negative.
 * Small SVG, d3 scales in JSX (DESIGN.md).
 */
export function ElboChart() {
  const { t } = useTranslation();
  const points = useLab((s) => s.engineHistory).filter((e) => e.step > 0 && Number.isFinite(e.values.elbo));
  if (points.length < 2) return <p className="caption">{t('vae.curve.waiting')}</p>;
  const xs = points.map((p) => p.epoch);
  const ys = points.map((p) => p.values.elbo);
  const x = scaleLinear().domain([Math.min(...xs), Math.max(...xs)]).range([M.left, W - M.right]);
  const y = scaleLinear().domain([Math.min(...ys), Math.max(...ys)]).nice().range([H - M.bottom, M.top]);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.epoch).toFixed(1)},${y(p.values.elbo).toFixed(1)}`).join('');
  return (
    <figure className="elbo-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('vae.curve.label', { elbo: ys[ys.length - 1].toFixed(1), epoch: xs[xs.length - 1].toFixed(1) })} data-testid="elbo-chart">
        {y.ticks(4).map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="elbo-grid" />
            <text x={M.left - 4} y={y(v) + 4} textAnchor="end" className="elbo-tick">
              {v}
            </text>
          </g>
        ))}
        {x.ticks(4).map((v) => (
          <text key={v} x={x(v)} y={H - 8} textAnchor="middle" className="elbo-tick">
            {v}
          </text>
        ))}
        <path d={path} className="elbo-line" />
      </svg>
      <figcaption className="caption">{t('vae.curve.caption')}</figcaption>
    </figure>
  );
}
