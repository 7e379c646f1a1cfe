import { useRef } from 'react';
import { Metric } from '../MetricCard';
import { useTranslation } from 'react-i18next';
import { plainNumber } from '../../i18n/format';
import { useLab } from '../../state/store';
import { drawDigits, firstIndices } from '../digitCanvas';
import { useLabEffect } from '../useLabEffect';
import './variants.css';

/** Transparent image pixels between neighbouring digits. */
const GAP = 2;

/**
 * The denoising autoencoder at work (model.noise is not 'none'): the fixed showcase test digits
 * clean, with the test noise, and the model's output for the noisy digit, redrawn from the
 * store as the worker measures them; beside them the PSNRs of the noisy input and of the output
 * against the clean digit on the first 1,000 test digits. Numbers sit alone in their test-id
 * elements, for tests and teachers' scripts.
 */
export function Denoising() {
  const { t } = useTranslation();
  const sample = useLab((s) => s.testSample);
  const noisyPsnr = useLab((s) => s.denoising?.noisyPsnr);
  const outputPsnr = useLab((s) => s.denoising?.outputPsnr);
  const count = useLab((s) => s.denoising?.count);
  const clean = useRef<HTMLCanvasElement>(null);
  const noisy = useRef<HTMLCanvasElement>(null);
  const denoised = useRef<HTMLCanvasElement>(null);
  const n = sample?.showcase.length ?? 0;

  useLabEffect(
    (s) => s.testSample,
    (ts) => {
      if (!ts || !clean.current) return;
      drawDigits(clean.current, ts.images, ts.showcase, { cols: ts.showcase.length, rows: 1, gap: GAP });
    },
  );
  useLabEffect(
    (s) => s.denoising,
    (d) => {
      if (!d || !noisy.current || !denoised.current) return;
      const layout = { cols: d.n, rows: 1, gap: GAP };
      drawDigits(noisy.current, d.noisy, firstIndices(d.n), layout);
      drawDigits(denoised.current, d.denoised, firstIndices(d.n), layout);
    },
  );

  const none = t('metrics.none');
  const labels = sample ? sample.showcase.map((i) => sample.labels[i]).join(', ') : '';
  const measured = noisyPsnr !== undefined && outputPsnr !== undefined;
  return (
    <section className="variant-view denoising" data-testid="denoising" aria-labelledby="denoising-title">
      <h2 id="denoising-title">{t('variants.denoising.title')}</h2>
      <p className="panel-intro">{t('variants.denoising.help')}</p>
      <div
        className="variant-rows"
        role="img"
        aria-label={t('variants.denoising.canvasLabel', { count: n, labels })}
        style={{ ['--digits' as string]: Math.max(n, 1) }}
      >
        <span className="row-label">{t('variants.denoising.clean')}</span>
        <canvas ref={clean} className="digits" data-testid="denoising-clean" />
        <span className="row-label">{t('variants.denoising.noisy')}</span>
        <canvas ref={noisy} className="digits" data-testid="denoising-noisy" />
        <span className="row-label">{t('variants.denoising.denoised')}</span>
        <canvas ref={denoised} className="digits" data-testid="denoising-output" />
      </div>
      {!measured && <p className="waiting">{t('variants.denoising.waiting')}</p>}
      <dl className="variant-numbers">
        <Metric unit={t('variants.unit.dB')} label={t('variants.denoising.noisyPsnr')} testId="metric-noisy-psnr">
          {measured ? plainNumber(noisyPsnr, 4) : none}
        </Metric>
        <Metric unit={t('variants.unit.dB')} label={t('variants.denoising.outputPsnr')} testId="metric-output-psnr" emphasis>
          {measured ? plainNumber(outputPsnr, 4) : none}
        </Metric>
        <Metric unit={t('variants.unit.dB')} label={t('variants.denoising.gain')} testId="metric-psnr-gain" emphasis>
          {measured ? plainNumber(outputPsnr - noisyPsnr, 3) : none}
        </Metric>
      </dl>
      <p className="field-hint">{t('variants.denoising.psnrNote', { count: count ?? 1000 })}</p>
    </section>
  );
}

