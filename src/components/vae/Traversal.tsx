import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plainNumber } from '../../i18n/format';
import { lab } from '../../state/labBridge';
import { useLab } from '../../state/store';
import { DigitTiles } from './DigitTiles';

/** The sweep of each code number: -3..3 prior standard deviations, 7 images. */
const VALUES = [-3, -2, -1, 0, 1, 2, 3];
/** A code number whose mean KL is above this (nats) counts as used (core/train/vaeEngine.ts ACTIVE_DIMENSION_NATS). */
const USED_NATS = 0.1;

/**
 * Latent traversal: one row of decoded images per code number, that number swept over
 * -3..3 with the others kept at a chosen test digit's code, and beside each row the number's
 * mean KL on the live test digits (which numbers the model uses; a β-VAE switches some off).
 */
export function Traversal() {
  const { t } = useTranslation();
  const [digit, setDigit] = useState(0);
  /** The model step the rows on screen were decoded at (data-step, for tests). */
  const [drawnStep, setDrawnStep] = useState<number>();
  const traversal = useLab((s) => s.traversal);
  const values = useLab((s) => s.engineMeasures?.values);
  const step = useLab((s) => s.engineMeasures?.step);
  const running = useLab((s) => s.runState === 'running');
  /** The paused model's step: a progress event after the pause redraws the rows too. */
  const pausedStep = useLab((s) => (s.runState === 'running' ? undefined : s.progress?.step));
  const codeSize = useLab((s) => s.config.model.codeSize);
  const testCount = 10000;

  // Redrawn with each new measurement while paused, and whenever the digit changes (once a
  // model exists: its first measurement comes with the first views).
  useEffect(() => {
    if (running || step === undefined) return;
    const at = useLab.getState().progress?.step ?? 0;
    void lab.traverse(digit, VALUES).then((t) => t && setDrawnStep(at));
  }, [digit, step, running, pausedStep]);

  const kl = (j: number) => values?.[`kl${j}`];
  return (
    <section className="variant-view traversal" data-testid="traversal" data-step={drawnStep} aria-labelledby="traversal-title">
      <h2 id="traversal-title">{t('vae.traversal.title')}</h2>
      <p className="panel-intro">{t('vae.traversal.help')}</p>
      <label>
        {t('vae.traversal.digit')}{' '}
        <input type="number" min={0} max={testCount - 1} value={digit} data-testid="traversal-digit" onChange={(e) => setDigit(Math.min(testCount - 1, Math.max(0, Math.round(Number(e.target.value) || 0))))} />
      </label>
      <button
        type="button"
        className="button"
        data-testid="traversal-refresh"
        onClick={() => {
          const at = useLab.getState().progress?.step ?? 0;
          void lab.traverse(digit, VALUES).then((t) => t && setDrawnStep(at));
        }}
      >
        {t('vae.traversal.refresh')}
      </button>
      <p className="caption" data-testid="traversal-used">
        {t('vae.traversal.used', { used: values?.activeDimensions ?? '—', total: codeSize, nats: USED_NATS })}
      </p>
      {traversal && traversal.code.length === codeSize && (
        <table className="traversal-rows">
          <thead>
            <tr>
              <th scope="col">{t('vae.traversal.dimension')}</th>
              <th scope="col">KL</th>
              <th scope="col">{VALUES.map((v) => (v > 0 ? `+${v}` : String(v))).join('  ')}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: codeSize }, (_, j) => (
              <tr key={j} className={(kl(j) ?? 0) > USED_NATS ? 'traversal-used' : 'traversal-unused'} data-testid={`traversal-row-${j}`}>
                <th scope="row">z{j + 1}</th>
                <td data-testid={`traversal-kl-${j}`}>{kl(j) === undefined ? '—' : plainNumber(kl(j)!, 2)}</td>
                <td>
                  <DigitTiles
                    pixels={traversal.images.subarray(j * VALUES.length * 784, (j + 1) * VALUES.length * 784)}
                    rows={1}
                    cols={VALUES.length}
                    label={t('vae.traversal.rowLabel', { dimension: j + 1, label: traversal.label })}
                    testId={`traversal-images-${j}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
