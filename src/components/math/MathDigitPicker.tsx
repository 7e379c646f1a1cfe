import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLab } from '../../state/store';
import { clearCanvas, drawDigit } from '../digitCanvas';

/** Showcase digits offered (the reconstructions' first ones). */
const OFFERED = 6;

/**
 * Which digit the math views compute with: one of the first showcase test digits, or the
 * reader's drawing while the draw pad holds one (store.mathDigit, shared by the unit inspector
 * and the loss formula).
 */
export function MathDigitPicker() {
  const { t } = useTranslation();
  const sample = useLab((s) => s.testSample);
  const drawing = useLab((s) => s.drawing);
  const chosen = useLab((s) => s.mathDigit);
  const setMathDigit = useLab((s) => s.setMathDigit);
  const offered = sample ? sample.showcase.slice(0, OFFERED) : [];
  return (
    <div className="math-digit-picker" role="group" aria-label={t('math.digit.label')}>
      <span className="math-digit-picker-label">{t('math.digit.label')}</span>
      {offered.map((index, i) => (
        <button
          key={index}
          type="button"
          className="math-digit-button"
          aria-pressed={chosen !== 'drawing' && chosen.showcase === i}
          aria-label={t('math.digit.test', { label: sample!.labels[index], index })}
          onClick={() => setMathDigit({ showcase: i })}
          data-testid={`math-digit-${i}`}
        >
          <Thumb pixels={sample!.images} index={index} />
        </button>
      ))}
      {drawing && (
        <button type="button" className="math-digit-button math-digit-button--drawing" aria-pressed={chosen === 'drawing'} onClick={() => setMathDigit('drawing')} data-testid="math-digit-drawing">
          <Thumb pixels={drawing} index={0} />
          <span>{t('math.digit.drawing')}</span>
        </button>
      )}
    </div>
  );
}

function Thumb({ pixels, index }: { pixels: Float32Array | Uint8Array; index: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    if (pixels.length >= (index + 1) * 784) drawDigit(c, pixels, index);
    else clearCanvas(c);
  }, [pixels, index]);
  return <canvas ref={canvas} width={28} height={28} className="math-digit-thumb" aria-hidden="true" />;
}
