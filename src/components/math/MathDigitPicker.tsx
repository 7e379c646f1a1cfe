import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MathDigit } from '../../state/mathSlice';
import { useLab } from '../../state/store';
import { clearCanvas, drawDigit } from '../digitCanvas';

/** Showcase digits offered (the reconstructions' first ones). */
const OFFERED = 6;

/**
 * Which digit the math views compute with: one of the first showcase test digits, or the
 * reader's drawing while the draw pad holds one (store.mathDigit, shared by the unit inspector
 * and the loss formula). A radio group: one tab stop, the arrow keys choose.
 */
export function MathDigitPicker() {
  const { t } = useTranslation();
  const sample = useLab((s) => s.testSample);
  const drawing = useLab((s) => s.drawing);
  const chosen = useLab((s) => s.mathDigit);
  const setMathDigit = useLab((s) => s.setMathDigit);
  const offered = sample ? sample.showcase.slice(0, OFFERED) : [];
  const options: { key: string; digit: MathDigit; label: string; pixels: Float32Array | Uint8Array; index: number; testId: string }[] = offered.map((index, i) => ({
    key: `t${index}`,
    digit: { showcase: i },
    label: t('math.digit.test', { label: sample!.labels[index], index }),
    pixels: sample!.images,
    index,
    testId: `math-digit-${i}`,
  }));
  if (drawing) options.push({ key: 'drawing', digit: 'drawing', label: t('math.digit.drawing'), pixels: drawing, index: 0, testId: 'math-digit-drawing' });
  const isChosen = (d: MathDigit) => (d === 'drawing' ? chosen === 'drawing' : chosen !== 'drawing' && chosen.showcase === d.showcase);
  const current = Math.max(0, options.findIndex((o) => isChosen(o.digit)));
  const group = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step || !options.length) return;
    e.preventDefault();
    const next = (current + step + options.length) % options.length;
    setMathDigit(options[next].digit);
    group.current?.querySelectorAll<HTMLElement>('[role=radio]')[next]?.focus();
  };
  return (
    <div className="math-digit-picker">
      <span className="math-digit-picker-label" aria-hidden="true">
        {t('math.digit.label')}
      </span>
      <div ref={group} role="radiogroup" aria-label={t('math.digit.label')} className="math-digit-options" onKeyDown={onKeyDown}>
        {options.map((o, i) => (
          <button
            key={o.key}
            type="button"
            role="radio"
            aria-checked={i === current}
            tabIndex={i === current ? 0 : -1}
            className={o.digit === 'drawing' ? 'math-digit-button math-digit-button--drawing' : 'math-digit-button'}
            aria-label={o.label}
            onClick={() => setMathDigit(o.digit)}
            data-testid={o.testId}
          >
            <Thumb pixels={o.pixels} index={o.index} />
            {o.digit === 'drawing' && <span aria-hidden="true">{o.label}</span>}
          </button>
        ))}
      </div>
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
