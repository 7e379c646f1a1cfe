import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLab } from '../state/store';
import { clearCanvas, drawDigit, inkSum } from './digitCanvas';
import { useLabEffect } from './useLabEffect';
import './DecodedImage.css';

/**
 * The decoder's output for the chosen code, large and pixelated. `data-ink` on the canvas
 * holds the image's total ink (sum of its 784 values in [0, 1], rounded to 0.01) so an
 * end-to-end test can check that it is not blank and that it changes.
 */
export function DecodedImage() {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const pointRef = useRef<HTMLParagraphElement>(null);
  const hasImage = useLab((s) => s.decoded !== undefined);

  useLabEffect(
    (s) => s.decoded,
    (pixels) => {
      const canvas = canvasRef.current;
      if (!canvas) return;
      if (!pixels) {
        clearCanvas(canvas);
        delete canvas.dataset.ink;
        return;
      }
      drawDigit(canvas, pixels);
      canvas.dataset.ink = (Math.round(inkSum(pixels) * 100) / 100).toFixed(2);
    },
  );

  useLabEffect(
    (s) => s.selectedPoint,
    (p) => {
      if (pointRef.current) pointRef.current.textContent = p ? t('latent.decoded.at', { x: p[0].toFixed(2), y: p[1].toFixed(2) }) : '';
    },
  );

  return (
    <figure className="decoded-image">
      <figcaption>
        <h3>{t('latent.decoded.title')}</h3>
      </figcaption>
      <canvas ref={canvasRef} width={28} height={28} data-testid="decoded-image" role="img" aria-label={t('latent.decoded.canvasLabel')} />
      <p className="decoded-note" ref={pointRef} />
      {!hasImage && <p className="decoded-note">{t('latent.decoded.empty')}</p>}
    </figure>
  );
}
