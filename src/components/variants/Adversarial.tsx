import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plainNumber } from '../../i18n/format';
import { CODE_PRIORS, modelSetting, type CodePrior } from '../../core/config';
import { priorProblem, samplePriorCodes } from '../../core/models/priors2d';
import { lab } from '../../state/labBridge';
import { useLab } from '../../state/store';
import { drawDigits, firstIndices } from '../digitCanvas';
import { configWith } from '../settingText';
import { Metric } from '../MetricCard';
import './variants.css';

/** Prior samples decoded per press, one row. */
const SAMPLES = 12;
const GAP = 2;

/**
 * The adversarial autoencoder (model.kind 'adversarial'): which prior the discriminator
 * compares the codes with (applied at once, a new model), the live figures (energy distance of
 * the live test codes to the prior, the discriminator's accuracy), and "Sample from the prior":
 * codes drawn from the prior, decoded in one batched call. Numbers sit alone in their test-id
 * elements, for tests and teachers' scripts.
 */
export function Adversarial() {
  const { t } = useTranslation();
  const id = useId();
  const config = useLab((s) => s.config);
  const measures = useLab((s) => (s.engineMeasures?.kind === 'adversarial' ? s.engineMeasures : undefined));
  const canvas = useRef<HTMLCanvasElement>(null);
  const [draws, setDraws] = useState(0);
  const [busy, setBusy] = useState(false);
  const prior = modelSetting(config.model, 'prior');
  const { codeSize } = config.model;
  const distance = measures?.values.priorDistance;
  const accuracy = measures?.values.discriminatorAccuracy;
  const none = t('metrics.none');

  const choosePrior = (value: string) => {
    const next = CODE_PRIORS.find((p) => p === value);
    if (!next || next === prior || config.model.kind !== 'adversarial') return;
    // Validated here, where the setting enters (the options a code size refuses are disabled).
    const checked = configWith(config, { prior: next });
    if (checked.ok) void lab.applyConfig(checked.config);
  };

  const sample = async () => {
    setBusy(true);
    try {
      // A new seed each press (the same sequence after a reload: 1, 2, 3, ...).
      const codes = samplePriorCodes(prior, SAMPLES, codeSize, 1000 + draws);
      const images = await lab.decodeCodes(codes, SAMPLES);
      if (images && canvas.current) {
        drawDigits(canvas.current, images, firstIndices(SAMPLES), { cols: SAMPLES, rows: 1, gap: GAP });
        setDraws((d) => d + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="variant-view adversarial" data-testid="adversarial" aria-labelledby="adversarial-title">
      <h2 id="adversarial-title">{t('variants.adversarial.title')}</h2>
      <p className="panel-intro">{t('variants.adversarial.help')}</p>
      <div className="field adversarial-prior">
        <label htmlFor={`${id}-prior`}>{t('variants.adversarial.prior')}</label>
        <select id={`${id}-prior`} value={prior} data-testid="adversarial-prior" onChange={(e) => choosePrior(e.target.value)}>
          {CODE_PRIORS.map((p: CodePrior) => (
            <option key={p} value={p} disabled={priorProblem(p, codeSize) !== null}>
              {t(`variants.adversarial.priors.${p}`)}
            </option>
          ))}
        </select>
        <p className="field-hint">{codeSize === 2 ? t('variants.adversarial.priorHint') : t('variants.adversarial.priorHintWide', { codeSize })}</p>
      </div>
      {distance === undefined && <p className="waiting">{t('variants.adversarial.waiting')}</p>}
      <dl className="variant-numbers">
        <Metric label={t('variants.adversarial.distance')} testId="metric-prior-distance" emphasis>
          {distance !== undefined ? plainNumber(distance, 3) : none}
        </Metric>
        <Metric label={t('variants.adversarial.accuracy')} testId="metric-discriminator-accuracy">
          {accuracy !== undefined ? `${plainNumber(100 * accuracy, 3)}%` : none}
        </Metric>
      </dl>
      <p className="field-hint">{t('variants.adversarial.note')}</p>
      <div className="adversarial-samples">
        <button type="button" className="button" data-testid="sample-prior" onClick={() => void sample()} disabled={busy}>
          {t('variants.adversarial.sample')}
        </button>
        <canvas
          ref={canvas}
          className="digits"
          data-testid="prior-samples"
          data-draws={draws}
          role="img"
          aria-label={draws > 0 ? t('variants.adversarial.samplesLabel', { count: SAMPLES }) : t('variants.adversarial.samplesEmpty')}
          hidden={draws === 0}
          style={{ ['--digits' as string]: SAMPLES }}
        />
      </div>
    </section>
  );
}
