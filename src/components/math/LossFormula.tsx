import { useEffect, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { IMAGE_SIDE } from '../../core/config';
import { lab } from '../../state/labBridge';
import { mathDigitQuery } from '../../state/mathActions';
import { useLab } from '../../state/store';
import type { DigitLoss } from '../../worker/api';
import { drawDigit } from '../digitCanvas';
import { MathDigitPicker } from './MathDigitPicker';
import { Tex, texNumber } from './Tex';
import { useLatestRead } from './useLatestRead';
import './math.css';

/** The formula is read again at most this often while training (ms). */
const READ_EVERY_MS = 500;

/** The loss as a formula with this digit's value, and its largest pixel term with the pixel's own numbers. */
function formulas(d: DigitLoss): { loss: string; term: string; pixel: number } {
  let pixel = 0;
  for (let i = 1; i < d.terms.length; i++) if (d.terms[i] > d.terms[pixel]) pixel = i;
  const x = texNumber(d.pixels[pixel], 3);
  const xh = texNumber(d.reconstruction[pixel], 3);
  const term = texNumber(d.terms[pixel]);
  if (d.loss === 'bce') {
    return {
      loss: `\\mathrm{BCE} = -\\frac{1}{784} \\sum_{i=1}^{784} \\Big[ x_i \\log \\hat x_i + (1 - x_i) \\log (1 - \\hat x_i) \\Big] = ${texNumber(d.value)}`,
      term: `-\\big[\\, ${x} \\log ${xh} + (1 - ${x}) \\log (1 - ${xh}) \\,\\big] = ${term}`,
      pixel,
    };
  }
  return {
    loss: `\\mathrm{MSE} = \\frac{1}{784} \\sum_{i=1}^{784} \\big( x_i - \\hat x_i \\big)^2 = ${texNumber(d.value)}`,
    term: `(${x} - ${xh})^2 = ${term}`,
    pixel,
  };
}

/**
 * The reconstruction loss with its numbers (issue 14 item 4): the formula the training curve
 * averages, written out for the digit in view, = its value, then the pixel that costs most with
 * its own x and x̂. The digit and its reconstruction stand beside it, that pixel ringed. Read
 * from the worker (mathViews.ts digitLoss) at most every 500 ms while training.
 */
export function LossFormula() {
  const { t } = useTranslation();
  const digit = useLab((s) => s.mathDigit);
  const sources = useLab(useShallow((s) => ({ testSample: s.testSample, drawing: s.drawing })));
  const runId = useLab((s) => s.run.id);
  const step = useLab((s) => s.progress?.step ?? 0);
  const query = mathDigitQuery(digit, sources);
  const digitKey = query ? ('testIndex' in query ? `t${query.testIndex}` : `d${sources.drawing?.reduce((a, b) => a + b, 0)}`) : '';
  const answer = useLatestRead(query ? `${runId}:${step}:${digitKey}` : undefined, () => lab.digitLoss(query!), READ_EVERY_MS);
  const d = answer.key?.startsWith(`${runId}:`) && answer.key.endsWith(`:${digitKey}`) ? answer.value : undefined;
  const f = d && formulas(d);
  const ring = f && { left: `${(((f.pixel % IMAGE_SIDE) + 0.5) / IMAGE_SIDE) * 100}%`, top: `${((Math.floor(f.pixel / IMAGE_SIDE) + 0.5) / IMAGE_SIDE) * 100}%` };
  return (
    <section className="loss-formula" aria-labelledby="loss-formula-title" data-testid="loss-formula" data-value={d?.value} data-step={d?.step}>
      <h3 id="loss-formula-title">{t('math.loss.title')}</h3>
      {!f || !d ? (
        <p className="waiting">{query ? t('math.unit.reading') : t('math.unit.noDigit')}</p>
      ) : (
        <div className="loss-formula-body">
          <div className="loss-formula-digits">
            <DigitFigure pixels={d.pixels} ring={ring} symbol="x" label={t('math.loss.original')} />
            <DigitFigure pixels={d.reconstruction} ring={ring} symbol={'\\hat x'} label={t('math.loss.reconstruction')} />
          </div>
          <div className="loss-formula-math">
            <Tex tex={f.loss} display testId="loss-formula-tex" />
            <p className="field-hint">{t('math.loss.largest', { pixel: f.pixel + 1, row: Math.floor(f.pixel / IMAGE_SIDE), col: f.pixel % IMAGE_SIDE })}</p>
            <Tex tex={f.term} display testId="loss-formula-term" />
            <p className="field-hint">{t('math.loss.curve')}</p>
          </div>
        </div>
      )}
      <MathDigitPicker />
    </section>
  );
}

/** A 28 x 28 digit with a ring on one pixel, and its symbol and name under it. */
function DigitFigure({ pixels, ring, symbol, label }: { pixels: Float32Array; ring?: CSSProperties; symbol: string; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) drawDigit(canvas.current, pixels);
  }, [pixels]);
  return (
    <figure className="loss-formula-digit">
      <span className="loss-formula-frame">
        <canvas ref={canvas} width={28} height={28} role="img" aria-label={label} />
        <span className="loss-formula-ring" style={ring} aria-hidden="true" />
      </span>
      <figcaption>
        <Tex tex={symbol} /> {label}
      </figcaption>
    </figure>
  );
}
