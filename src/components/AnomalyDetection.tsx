import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plainEpoch, plainNumber } from '../i18n/format';
import { histogram, quantile, squaredErrors } from '../core/analysis/anomaly';
import { confusionMatrix, rocCurve } from '../core/analysis/roc';
import { IMAGE_SIZE } from '../core/config';
import { isAllDigits } from '../core/data/normalSubset';
import { lab } from '../state/labBridge';
import { FREE_LAB } from '../state/link';
import { useLab } from '../state/store';
import type { AnomalyDigits, AnomalyEvent } from '../worker/api';
import { AnomalyDigitsRow, NormalDigitsChooser } from './AnomalyParts';
import { RocChart, ScoreHistogram } from './charts/AnomalyCharts';
import './AnomalyDetection.css';

const BINS = 40;
/** The histogram's range ends at this quantile of all scores (a few huge errors would squash it). */
const RANGE_QUANTILE = 0.995;

/** What the views need from one anomaly event: classes, ROC, histograms, the slider's range. */
function analyse(e: AnomalyEvent) {
  const normal = new Set(e.normalDigits);
  const anomalous = Uint8Array.from(e.labels, (l) => (normal.has(l) ? 0 : 1));
  const finite = e.scores.every(Number.isFinite);
  const both = anomalous.includes(0) && anomalous.includes(1);
  const max = finite ? Math.max(quantile(e.scores, RANGE_QUANTILE), 1e-3) : 1;
  const normalScores = e.scores.filter((_, i) => !anomalous[i]);
  return {
    anomalous,
    usable: finite && both,
    max,
    roc: finite && both ? rocCurve(e.scores, anomalous) : undefined,
    normalHist: histogram(e.scores, BINS, 0, max, (i) => !anomalous[i]),
    anomalousHist: histogram(e.scores, BINS, 0, max, (i) => anomalous[i] === 1),
    // Start the threshold where 5% of the normal digits are (wrongly) flagged.
    startThreshold: finite ? quantile(normalScores, 0.95) : 0,
  };
}

/**
 * Anomaly detection (lesson anomaly-detection): choose the normal digits, then every test digit
 * is scored by its reconstruction error. Histograms of the score per class, a threshold with its
 * confusion matrix, the ROC curve and AUROC, the most and least anomalous digits and the
 * drawing's score. Measured at once in a lesson that shows the panel, on request in the free lab.
 */
export function AnomalyDetection() {
  const { t } = useTranslation();
  const event = useLab((s) => s.anomaly);
  const normalDigits = useLab((s) => s.config.train.normalDigits);
  const inLesson = useLab((s) => s.lessonId !== FREE_LAB);
  const [measuring, setMeasuring] = useState(inLesson);
  const [threshold, setThreshold] = useState<number | undefined>(undefined);

  useEffect(() => {
    if (!measuring) return;
    void lab.watchAnomaly(true);
    return () => void lab.watchAnomaly(false);
  }, [measuring]);

  const a = useMemo(() => (event ? analyse(event) : undefined), [event]);
  // A new run (other normal digits) starts from its own default threshold.
  const runKey = event ? event.normalDigits.join(',') : '';
  const lastRun = useRef('');
  useEffect(() => {
    if (a && runKey !== lastRun.current) {
      lastRun.current = runKey;
      setThreshold(a.startThreshold);
    }
  }, [a, runKey]);
  const th = threshold ?? a?.startThreshold ?? 0;
  const cm = useMemo(() => (event && a?.usable ? confusionMatrix(event.scores, a.anomalous, th) : undefined), [event, a, th]);
  // Which anomalies slip through: the missed ones counted per digit (the lesson's 1s).
  const missed = useMemo(() => {
    if (!event || !a?.usable) return '';
    const counts = new Array<number>(10).fill(0);
    event.scores.forEach((s, i) => {
      if (a.anomalous[i] && s < th) counts[event.labels[i]]++;
    });
    return counts.map((c, d) => (a.anomalous[event.labels.indexOf(d)] ? `${d}: ${c}` : '')).filter(Boolean).join(', ');
  }, [event, a, th]);

  return (
    <section className="anomaly" data-testid="anomaly" aria-labelledby="anomaly-title">
      <h2 id="anomaly-title">{t('applications.anomaly.title')}</h2>
      <p className="panel-intro">{t('applications.anomaly.help')}</p>
      <NormalDigitsChooser normalDigits={normalDigits} />
      {!measuring && (
        <button type="button" className="button" data-testid="anomaly-measure" onClick={() => setMeasuring(true)}>
          {t('applications.anomaly.start')}
        </button>
      )}
      {measuring && isAllDigits(normalDigits) && <p className="anomaly-note">{t('applications.anomaly.allNormal')}</p>}
      {measuring && !event && <p className="waiting">{t('applications.anomaly.waiting')}</p>}
      {event && a && (
        <>
          <p className="anomaly-summary">
            {t('applications.anomaly.auroc')}{' '}
            <strong data-testid="anomaly-auroc">{a.usable ? plainNumber(event.auroc, 3) : '—'}</strong>{' '}
            <span className="anomaly-note">{t('applications.anomaly.atEpoch', { epoch: plainEpoch(event.epoch), digits: event.normalDigits.join(', ') })}</span>
          </p>
          <div className="anomaly-charts">
            <figure>
              <ScoreHistogram normal={a.normalHist} anomalous={a.anomalousHist} threshold={th} />
              <figcaption>
                <span className="swatch swatch-normal" aria-hidden="true" /> {t('applications.anomaly.normal')}{' '}
                <span className="swatch swatch-anomalous" aria-hidden="true" /> {t('applications.anomaly.anomalous')}
              </figcaption>
            </figure>
            {a.roc && (
              <figure>
                <RocChart roc={a.roc} point={cm && { fpr: cm.falsePositiveRate, tpr: cm.truePositiveRate }} />
                <figcaption>{t('applications.anomaly.rocCaption')}</figcaption>
              </figure>
            )}
          </div>
          <label className="anomaly-threshold">
            <span className="anomaly-threshold-text">{t('applications.anomaly.threshold')}</span>
            <input
              type="range"
              min={0}
              max={a.max}
              step={a.max / 500}
              value={Math.min(th, a.max)}
              data-testid="anomaly-threshold"
              onChange={(e) => setThreshold(Number(e.currentTarget.value))}
            />{' '}
            <output data-testid="anomaly-threshold-value">{plainNumber(th, 3)}</output>
          </label>
          {cm && <Confusion cm={cm} />}
          {missed && (
            <p className="anomaly-note" data-testid="anomaly-missed">
              {t('applications.anomaly.missedByDigit', { list: missed })}
            </p>
          )}
          <Extremes title={t('applications.anomaly.most')} digits={event.most} kind="most" />
          <Extremes title={t('applications.anomaly.least')} digits={event.least} kind="least" />
          <DrawingScore threshold={th} />
        </>
      )}
    </section>
  );
}

function Confusion({ cm }: { cm: ReturnType<typeof confusionMatrix> }) {
  const { t } = useTranslation();
  const pct = (v: number) => (Number.isFinite(v) ? `${plainNumber(100 * v, 3)}%` : '—');
  return (
    <table className="anomaly-confusion" data-testid="anomaly-confusion">
      <caption>{t('applications.anomaly.confusionTitle')}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{t('applications.anomaly.flagged')}</th>
          <th scope="col">{t('applications.anomaly.passed')}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t('applications.anomaly.isAnomalous')}</th>
          <td data-testid="anomaly-tp">{cm.truePositive}</td>
          <td data-testid="anomaly-fn">{cm.falseNegative}</td>
        </tr>
        <tr>
          <th scope="row">{t('applications.anomaly.isNormal')}</th>
          <td data-testid="anomaly-fp">{cm.falsePositive}</td>
          <td data-testid="anomaly-tn">{cm.trueNegative}</td>
        </tr>
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={3}>{t('applications.anomaly.rates', { tpr: pct(cm.truePositiveRate), fpr: pct(cm.falsePositiveRate) })}</td>
        </tr>
      </tfoot>
    </table>
  );
}

function Extremes({ title, digits, kind }: { title: string; digits: AnomalyDigits; kind: 'most' | 'least' }) {
  return (
    <div className="anomaly-extremes">
      <h3>{title}</h3>
      <AnomalyDigitsRow digits={digits} testId={`anomaly-${kind}`} />
    </div>
  );
}

/** The drawing's reconstruction error, and whether the threshold flags it. */
function DrawingScore({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  const drawing = useLab((s) => s.drawing);
  const model = useLab((s) => s.anomaly?.step);
  const [score, setScore] = useState<number | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setScore(undefined);
    if (!drawing) return;
    void lab.encodeDrawing(drawing).then((r) => {
      if (live && r) setScore(squaredErrors(drawing, r.reconstructions, 1, IMAGE_SIZE)[0]);
    });
    return () => {
      live = false;
    };
  }, [drawing, model]);
  if (!drawing) return <p className="anomaly-note">{t('applications.anomaly.drawHint')}</p>;
  if (score === undefined) return <p className="anomaly-note">{t('applications.anomaly.scoring')}</p>;
  return (
    <p className="anomaly-drawing" data-testid="anomaly-drawing" data-flagged={score >= threshold ? 'true' : 'false'}>
      {t(score >= threshold ? 'applications.anomaly.drawingFlagged' : 'applications.anomaly.drawingPassed', { score: plainNumber(score, 3) })}
    </p>
  );
}
