import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plainNumber } from '../../i18n/format';
import { LIMITS, modelSetting } from '../../core/config';
import { lab } from '../../state/labBridge';
import { useLab } from '../../state/store';
import { Metric } from '../MetricCard';
import { configWith } from '../settingText';
import { DigitTiles } from './DigitTiles';
import { ElboChart } from './ElboChart';
import './vae.css';

/** Digits per press of "Sample". */
const SAMPLES = 16;
/** The side-by-side grids: 10 x 10, the cells of the live holes measure. */
const COMPARE_SIDE = 10;

const pct = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : `${plainNumber(100 * v, 3)}%`);
const nats = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : plainNumber(v, 4));

/**
 * The variational autoencoder (model.kind 'vae'): the β slider, the loss as reconstruction + KL
 * and as the ELBO (nats per image, live test digits), the Sample button, and the VAE's grid
 * beside a plain autoencoder's of the same shape with the share of empty cells of each.
 */
export function VaePanel() {
  const { t } = useTranslation();
  const config = useLab((s) => s.config);
  const m = useLab((s) => s.engineMeasures);
  const samples = useLab((s) => s.priorSamples);
  const comparison = useLab((s) => s.plainComparison);
  const epoch = useLab((s) => s.progress?.epoch ?? 0);
  const appliedBeta = modelSetting(config.model, 'beta');
  const [beta, setBeta] = useState(appliedBeta);
  const [vaeGrid, setVaeGrid] = useState<Float32Array>();
  useEffect(() => setBeta(appliedBeta), [appliedBeta]);

  const applyBeta = (value: number) => {
    if (value === appliedBeta || config.model.kind !== 'vae') return;
    // Validated here, where the setting enters (the slider stays within the row's limits).
    const checked = configWith(config, { beta: value });
    if (checked.ok) void lab.applyConfig(checked.config);
  };
  const compare = async () => {
    const epochs = Math.max(1, Math.round(epoch));
    const r = await lab.comparePlain(epochs, COMPARE_SIDE);
    // The VAE's own grid at the same moment, for the side-by-side view.
    if (r) setVaeGrid(await lab.decodeGrid(COMPARE_SIDE, { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }));
  };
  const v = m?.values;
  const two = config.model.codeSize === 2;

  return (
    <section className="variant-view vae" data-testid="vae-panel" aria-labelledby="vae-title">
      <h2 id="vae-title">{t('vae.title')}</h2>
      <p className="panel-intro">{t('vae.help')}</p>
      <label className="vae-beta">
        {t('vae.beta')} <output data-testid="vae-beta-value">{plainNumber(beta, 3)}</output>
        <input
          type="range"
          min={LIMITS.beta.min}
          max={10}
          step={0.5}
          value={beta}
          data-testid="vae-beta"
          aria-describedby="vae-beta-hint"
          onChange={(e) => setBeta(Number(e.target.value))}
          onPointerUp={(e) => applyBeta(Number(e.currentTarget.value))}
          onKeyUp={(e) => applyBeta(Number(e.currentTarget.value))}
        />
      </label>
      <p className="caption" id="vae-beta-hint">
        {t('vae.betaHint')}
      </p>
      <dl className="metrics">
        <Metric label={t('vae.elbo')} unit={t('vae.nats')} testId="vae-elbo" emphasis>
          {nats(v?.elbo)}
        </Metric>
        <Metric label={t('vae.reconstruction')} unit={t('vae.nats')} testId="vae-reconstruction">
          {nats(v?.reconstruction)}
        </Metric>
        <Metric label={t('vae.kl')} unit={t('vae.nats')} testId="vae-kl">
          {nats(v?.kl)}
        </Metric>
        {two && (
          <Metric label={t('vae.emptyCells')} testId="vae-empty-cells">
            {pct(v?.emptyCells)}
          </Metric>
        )}
      </dl>
      <p className="caption">{t('vae.measuredOn', { epoch: plainNumber(m?.epoch ?? 0, 3) })}</p>
      <ElboChart />
      <div className="vae-samples">
        <button type="button" className="button" data-testid="vae-sample" onClick={() => void lab.samplePrior(SAMPLES)}>
          {t('vae.sample')}
        </button>
        <DigitTiles pixels={samples?.images} rows={2} cols={SAMPLES / 2} label={t('vae.samplesLabel', { count: SAMPLES })} testId="vae-samples" />
      </div>
      {two && (
        <div className="vae-compare">
          <h3>{t('vae.compare.title')}</h3>
          <p className="caption">{t('vae.compare.help')}</p>
          <button type="button" className="button" data-testid="vae-compare" disabled={comparison === 'training'} onClick={() => void compare()}>
            {comparison === 'training' ? t('vae.compare.training') : t('vae.compare.start', { epochs: Math.max(1, Math.round(epoch)) })}
          </button>
          {comparison && comparison !== 'training' && (
            <div className="vae-compare-grids" data-testid="vae-compare-grids">
              <figure>
                <DigitTiles pixels={vaeGrid} rows={COMPARE_SIDE} cols={COMPARE_SIDE} label={t('vae.compare.vaeGrid')} testId="vae-grid-prior" gap={0} />
                <figcaption>
                  {t('vae.compare.vaeGrid')}: <span data-testid="vae-grid-empty">{pct(v?.emptyCells)}</span> {t('vae.compare.empty')}
                </figcaption>
              </figure>
              <figure>
                <DigitTiles pixels={comparison.boxGrid} rows={COMPARE_SIDE} cols={COMPARE_SIDE} label={t('vae.compare.plainBox')} testId="plain-grid-box" gap={0} />
                <figcaption>
                  {t('vae.compare.plainBox')}: <span data-testid="plain-box-empty">{pct(comparison.emptyBox)}</span> {t('vae.compare.empty')}
                </figcaption>
              </figure>
              <figure>
                <DigitTiles pixels={comparison.quantileGrid} rows={COMPARE_SIDE} cols={COMPARE_SIDE} label={t('vae.compare.plainPrior')} testId="plain-grid-prior" gap={0} />
                <figcaption>
                  {t('vae.compare.plainPrior')}: <span data-testid="plain-prior-empty">{pct(comparison.emptyQuantile)}</span> {t('vae.compare.empty')}
                </figcaption>
              </figure>
              <p className="caption">{t('vae.compare.trained', { epochs: comparison.epochs, seconds: plainNumber(comparison.seconds, 2) })}</p>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
