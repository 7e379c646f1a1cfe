import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { plainNumber } from '../i18n/format';
import { LABEL_CHOICES, labelCount, PRETRAIN_WIDTH_NAMES, PRETRAIN_WIDTHS, type PretrainWidthsName } from '../core/train/pretrainConfig';
import { lab } from '../state/labBridge';
import { useLab } from '../state/store';
import type { AccuracyPoint, PretrainSummary } from '../worker/api';
import { AccuracyChart } from './charts/AccuracyChart';
import { Metric } from './MetricCard';
import { MessageText } from './MessageText';
import './Pretraining.css';

/** Accuracy as a percentage with two decimals (the difference is read in hundredths of a point). */
const pct = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? `${(100 * v).toFixed(2)}%` : '—');
const signed = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(2)}`;
const widthsText = (name: PretrainWidthsName) => `784-${PRETRAIN_WIDTHS[name].join('-')}-10`;

/**
 * Pretraining with autoencoders (lesson pretraining): the labels slider and the widths, the
 * stages as the worker runs them (each layer's reconstruction loss, then the fine-tuning), the
 * live test accuracy of the pretrained and the randomly initialised network, and the final
 * figures on all 10,000 test digits side by side. The run is the worker's (worker/pretrainRun.ts)
 * and the lesson's experiment: the header's Train/Pause/Reset drive it (state/experiments.ts). It
 * is prepared when the panel appears and paused when it goes.
 */
export function Pretraining() {
  const { t } = useTranslation();
  const settings = useLab((s) => s.pretrainSettings);
  const trainSize = useLab((s) => s.config.train.trainSize);
  const seed = useLab((s) => s.config.train.seed);
  const summary = useLab((s) => s.pretraining);

  useEffect(() => {
    void lab.configurePretraining();
    return () => void lab.pausePretraining();
  }, [settings, trainSize, seed]);

  const set = useLab.getState().setPretrainSettings;
  const labelIndex = LABEL_CHOICES.indexOf(settings.labels);
  const state = summary?.state ?? 'idle';
  const latest = summary?.accuracy[summary.accuracy.length - 1];

  return (
    <section className="pretraining" data-testid="pretraining" data-state={state} aria-labelledby="pretraining-title">
      <h2 id="pretraining-title">{t('pretraining.title')}</h2>
      <p className="panel-intro">{t('pretraining.help', { n: trainSize.toLocaleString() })}</p>
      <div className="pretraining-settings">
        <label className="pretraining-labels">
          <span>{t('pretraining.labelsLabel')}</span>
          <input
            type="range"
            min={0}
            max={LABEL_CHOICES.length - 1}
            step={1}
            value={labelIndex}
            data-testid="pretraining-labels"
            aria-valuetext={String(labelCount(settings.labels, trainSize))}
            onChange={(e) => set({ ...settings, labels: LABEL_CHOICES[Number(e.currentTarget.value)] })}
          />
          <output data-testid="pretraining-labels-value">{labelCount(settings.labels, trainSize).toLocaleString()}</output>
        </label>
        <label className="pretraining-widths">
          <span>{t('pretraining.widthsLabel')}</span>
          <select value={settings.widths} data-testid="pretraining-widths" onChange={(e) => set({ ...settings, widths: e.currentTarget.value as PretrainWidthsName })}>
            {PRETRAIN_WIDTH_NAMES.map((name) => (
              <option key={name} value={name}>
                {t(`pretraining.widths.${name}`, { widths: widthsText(name) })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {summary && <Stages summary={summary} />}
      {summary?.error && (
        <div className="pretraining-error" role="alert">
          <MessageText message={summary.error} className="pretraining-error-text" />
        </div>
      )}
      {summary && summary.accuracy.length > 0 && (
        <div className="pretraining-results">
          <figure>
            <AccuracyChart points={summary.accuracy} steps={summary.fineTune.steps} />
            <figcaption>
              <span className="swatch swatch-pretrained" aria-hidden="true" /> {t('pretraining.pretrained')}{' '}
              <span className="swatch swatch-random" aria-hidden="true" /> {t('pretraining.random')} · {t('pretraining.chartCaption', { count: (latest?.count ?? 0).toLocaleString() })}
            </figcaption>
          </figure>
          <Figures summary={summary} latest={latest} />
        </div>
      )}
    </section>
  );
}

/** The stages in order: each layer's autoencoder with its reconstruction loss, then the fine-tuning. */
function Stages({ summary }: { summary: PretrainSummary }) {
  const { t } = useTranslation();
  const { stage } = summary;
  const now = (i: number) => (stage.kind === 'pretrain' && stage.layer === i ? 'current' : stage.kind !== 'pretrain' || stage.layer > i ? 'done' : 'waiting');
  const ftState = stage.kind === 'fineTune' ? 'current' : stage.kind === 'done' ? 'done' : 'waiting';
  return (
    <ol className="pretraining-stages" data-testid="pretraining-stages">
      {summary.layers.map((l, i) => (
        <li key={i} data-testid={`pretraining-stage-${i + 1}`} data-stage={now(i)}>
          <strong>{t('pretraining.layer', { n: i + 1, shape: `${l.inputWidth}-${l.width}-${l.inputWidth}` })}</strong>{' '}
          <progress max={l.steps} value={l.stepsDone} aria-label={t('pretraining.layer', { n: i + 1, shape: '' })} />{' '}
          <span className="pretraining-note">
            {t('pretraining.steps', { done: l.stepsDone, total: l.steps })}
            {l.lastLoss !== undefined &&
              ` · ${t(`pretraining.loss.${l.loss}`)} ${plainNumber(l.firstLoss ?? Number.NaN, 3)} → `}
            {l.lastLoss !== undefined && <span data-testid={`pretraining-loss-${i + 1}`}>{plainNumber(l.lastLoss, 3)}</span>}
          </span>
        </li>
      ))}
      <li data-testid="pretraining-stage-finetune" data-stage={ftState}>
        <strong>{t('pretraining.fineTune', { labels: summary.config.labels.toLocaleString() })}</strong>{' '}
        <progress max={summary.fineTune.steps} value={summary.fineTune.stepsDone} aria-label={t('pretraining.fineTune', { labels: summary.config.labels })} />{' '}
        <span className="pretraining-note">{t('pretraining.steps', { done: summary.fineTune.stepsDone, total: summary.fineTune.steps })}</span>
      </li>
    </ol>
  );
}

/** Both networks' accuracy side by side: the full test once the run is done, the live figure before. */
function Figures({ summary, latest }: { summary: PretrainSummary; latest?: AccuracyPoint }) {
  const { t } = useTranslation();
  const shown = summary.final ?? latest;
  if (!shown) return null;
  const gain = 100 * (shown.pretrained - shown.random);
  return (
    <div className="pretraining-figures">
      <p className="pretraining-note" data-testid="pretraining-figures-basis">
        {summary.final ? t('pretraining.finalBasis', { count: shown.count.toLocaleString(), step: shown.step }) : t('pretraining.liveBasis', { count: shown.count.toLocaleString(), step: shown.step })}
      </p>
      <dl className="metrics-grid">
        <Metric label={t('pretraining.pretrained')} testId="pretraining-accuracy-pretrained" emphasis>
          {pct(shown.pretrained)}
        </Metric>
        <Metric label={t('pretraining.random')} testId="pretraining-accuracy-random" emphasis>
          {pct(shown.random)}
        </Metric>
        <Metric label={t('pretraining.difference')} unit={t('pretraining.points')} testId="pretraining-difference">
          {signed(gain)}
        </Metric>
      </dl>
      {summary.firstAccuracyMs !== undefined && (
        <p className="pretraining-note">{t('pretraining.timing', { first: plainNumber(summary.firstAccuracyMs / 1000, 3), total: plainNumber(summary.elapsedMs / 1000, 3) })}</p>
      )}
      {summary.final && <p className="pretraining-verdict" data-testid="pretraining-verdict">{t(gain > 0 ? 'pretraining.verdictPretrained' : 'pretraining.verdictRandom', { points: plainNumber(Math.abs(gain), 3) })}</p>}
    </div>
  );
}
