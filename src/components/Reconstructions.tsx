import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLab } from '../state/store';
import { drawDigits, firstIndices, inkSum } from './digitCanvas';
import { useLabEffect } from './useLabEffect';
import './Reconstructions.css';

/** Transparent image pixels between neighbouring digits. */
const GAP = 2;

/**
 * The showcase test digits: originals above their reconstructions. The reconstruction row
 * is redrawn from the store through a subscription (up to ~30 Hz while training), so React
 * renders this panel only when the test sample arrives.
 */
export function Reconstructions() {
  const { t } = useTranslation();
  const sample = useLab((s) => s.testSample);
  const originals = useRef<HTMLCanvasElement>(null);
  const rebuilt = useRef<HTMLCanvasElement>(null);

  const n = sample?.showcase.length ?? 0;
  const layout = { cols: Math.max(n, 1), rows: 1, gap: GAP };

  useLabEffect(
    (s) => s.testSample,
    (ts) => {
      if (!ts || !originals.current) return;
      drawDigits(originals.current, ts.images, ts.showcase, { cols: ts.showcase.length, rows: 1, gap: GAP });
    },
  );

  useLabEffect(
    (s) => s.reconstructions,
    (pixels) => {
      const canvas = rebuilt.current;
      const count = useLab.getState().testSample?.showcase.length ?? 0;
      if (!canvas || !pixels || count === 0) return;
      drawDigits(canvas, pixels, firstIndices(count), { cols: count, rows: 1, gap: GAP });
      // Total ink of the row, for tests that check the reconstructions change while training.
      let ink = 0;
      for (let i = 0; i < count; i++) ink += inkSum(pixels, i);
      canvas.dataset.ink = String(Math.round(ink));
    },
  );

  const labels = sample ? sample.showcase.map((i) => sample.labels[i]).join(', ') : '';
  return (
    <section className="reconstructions" data-testid="reconstructions" aria-labelledby="reconstructions-title">
      <h2 id="reconstructions-title">{t('latent.reconstructions.title')}</h2>
      <p className="panel-intro">{t('latent.reconstructions.help')}</p>
      {!sample && <p className="waiting">{t('latent.reconstructions.waiting')}</p>}
      <div
        className="reconstructions-rows"
        role="img"
        aria-label={t('latent.reconstructions.canvasLabel', { count: n, labels })}
        hidden={!sample}
        style={{ ['--digits' as string]: layout.cols }}
      >
        <span className="row-label">{t('latent.reconstructions.original')}</span>
        <canvas ref={originals} className="digits" data-testid="reconstructions-originals" />
        <span className="row-label">{t('latent.reconstructions.reconstruction')}</span>
        <canvas ref={rebuilt} className="digits" data-testid="reconstructions-output" />
      </div>
    </section>
  );
}
