import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { IMAGE_SIDE } from '../../core/config';
import type { LayerActivation } from '../../core/models/dense';
import { plainNumber } from '../../i18n/format';
import { lab } from '../../state/labBridge';
import { mathDigitQuery } from '../../state/mathActions';
import { useLab } from '../../state/store';
import { MathDigitPicker } from './MathDigitPicker';
import { Tex, texNumber } from './Tex';
import { useLatestRead } from './useLatestRead';
import { WeightImage } from './WeightImage';
import './math.css';

/** A hovered unit is read at most this often (ms), also while training moves its numbers. */
const READ_EVERY_MS = 250;

/** f(z) = value, as TeX, for the unit's activation. */
function activationTex(f: LayerActivation, z: number, a: number): string {
  const zt = texNumber(z);
  const at = texNumber(a);
  switch (f) {
    case 'linear':
      return `a = z = ${at}`;
    case 'relu':
      return `a = \\max(0,\\ z) = \\max(0,\\ ${zt}) = ${at}`;
    case 'sigmoid':
      return `a = \\sigma(z) = \\frac{1}{1 + e^{-z}} = \\frac{1}{1 + e^{-(${zt})}} = ${at}`;
    case 'tanh':
      return `a = \\tanh(z) = \\tanh(${zt}) = ${at}`;
    case 'elu':
      return `a = \\mathrm{elu}(z) = \\mathrm{elu}(${zt}) = ${at}`;
  }
}

/**
 * One unit of the architecture diagram for the digit in view: for an input unit its pixel value;
 * for any other its incoming weights as an image (28 x 28 for the first layer), its input sum
 * z = Σ w a + b and its output a = f(z), read from the worker (mathViews.ts) at most every 250 ms.
 * @param layer diagram layer: 0 = the input pixels, `last` = the output
 * @param decoder the layer is on the decoder's side (a conditional decoder's units also read the label)
 */
export function UnitInspector({ layer, unit, last, name, decoder }: { layer: number; unit: number; last: number; name: string; decoder: boolean }) {
  const { t } = useTranslation();
  const digit = useLab((s) => s.mathDigit);
  const sources = useLab(useShallow((s) => ({ testSample: s.testSample, drawing: s.drawing })));
  const runId = useLab((s) => s.run.id);
  const step = useLab((s) => s.progress?.step ?? 0);
  const query = mathDigitQuery(digit, sources);
  const digitKey = query ? ('testIndex' in query ? `t${query.testIndex}` : `d${sources.drawing?.reduce((a, b) => a + b, 0)}`) : '';
  const unitKey = `${layer}:${unit}:${digitKey}`;
  const key = query && layer >= 1 ? `${runId}:${step}:${unitKey}` : undefined;
  const answer = useLatestRead(key, () => lab.inspectUnit(query!, layer, unit), READ_EVERY_MS);
  const r = answer.key?.endsWith(unitKey) && answer.key.startsWith(`${runId}:`) ? answer.value : undefined;

  const row = Math.floor(unit / IMAGE_SIDE);
  const col = unit % IMAGE_SIDE;
  let body;
  if (layer === 0) {
    const x = !query ? undefined : 'testIndex' in query ? (sources.testSample?.images[query.testIndex * 784 + unit] ?? 0) / 255 : query.image[unit];
    body = (
      <p className="math-unit-numbers">
        {t('math.unit.pixel', { row, col })} <Tex tex={`x_{${unit + 1}} = ${x === undefined ? '?' : texNumber(x, 3)}`} testId="unit-activation" />
      </p>
    );
  } else if (!r) {
    body = <p className="math-unit-numbers waiting">{query ? t('math.unit.reading') : t('math.unit.noDigit')}</p>;
  } else {
    const input = layer === 1 ? 'x' : 'a';
    body = (
      <div className="math-unit-body">
        <figure className="math-unit-weights">
          <WeightImage weights={r.weights} label={t('math.unit.weightsLabel', { count: r.weights.length })} testId="unit-weights" />
          <figcaption>{t(layer === 1 ? 'math.unit.weightsPixels' : 'math.unit.weightsUnits', { count: r.weights.length })}</figcaption>
        </figure>
        <div className="math-unit-numbers" data-testid="unit-numbers" data-input-sum={r.inputSum} data-activation={r.activation} data-step={r.step}>
          <Tex tex={`z = \\sum_{i=1}^{${r.weights.length}} w_i\\, ${input}_i + b = ${texNumber(r.inputSum)} \\quad (b = ${texNumber(r.bias)})`} display testId="unit-input-sum" />
          <Tex tex={activationTex(r.activationName, r.inputSum, r.activation)} display testId="unit-activation" />
          {layer === last && <p className="field-hint">{t('math.unit.outputPixel', { row, col, value: plainNumber(r.activation, 3) })}</p>}
          {r.label >= 0 && decoder && <p className="field-hint">{t('math.unit.label', { label: r.label })}</p>}
        </div>
      </div>
    );
  }

  return (
    <section className="math-unit" data-testid="unit-inspector" data-layer={layer} data-unit={unit} aria-live="polite">
      <h3 className="math-unit-title">{t('math.unit.title', { name, unit: unit + 1 })}</h3>
      {body}
      <MathDigitPicker />
    </section>
  );
}
