import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { plainEpoch, plainNumber } from '../i18n/format';
import type { Lesson } from '../lessons/types';
import type { ClaimMetric } from '../lessons/types';
import { readClaim, type ClaimReading } from '../state/claimReading';
import { useLab, type LabState } from '../state/store';
import './ClaimStatus.css';

/** The store fields the claim is read from; a new reading only when one of them changes. */
const claimState = (s: LabState) => ({
  history: s.history,
  pcaBaseline: s.pcaBaseline,
  measurements: s.measurements,
  pcaMap: s.pcaMap,
  config: s.config,
  runState: s.runState,
  denoising: s.denoising,
  imageSearch: s.imageSearch,
  sensitivity: s.sensitivity,
  anomaly: s.anomaly,
  embedding: s.embedding,
  pretraining: s.pretraining,
  text: s.text,
  sparsity: s.sparsity,
  vq: s.vq,
  engineMeasures: s.engineMeasures,
});

type Shown = ClaimReading['verdict']['state'];

/** Accuracies as percentages (students read "56.7%" faster than "0.567"). */
function formatMetric(metric: ClaimMetric, value: number): string {
  if (metric === 'psnrGain') return `${plainNumber(value, 3)} dB`;
  // Percentage points, signed: "+4.65 pp".
  if (metric === 'pretrainGain') return `${value > 0 ? '+' : ''}${plainNumber(value, 3)} pp`;
  if (metric === 'activeDimensions') return String(Math.round(value));
  const share =
    metric === 'knnAccuracy' ||
    metric === 'searchPrecision' ||
    metric === 'umapKnnAccuracy' ||
    metric === 'textRetrievalFraction' ||
    metric === 'activeFraction' ||
    metric === 'swapReadAsLabel';
  return share ? `${plainNumber(100 * value, 3)}%` : plainNumber(value, 4);
}

/**
 * Whether the page's current measurement supports the lesson's claim: holds / does not hold /
 * not judged yet (too little training, a number still missing). `data-state` carries the
 * verdict for tests.
 */
export function ClaimStatus({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  // Reading the claim is cheap (one pass over at most 2,000 points), so every update may run it.
  const reading: ClaimReading = readClaim(lesson, useLab(useShallow(claimState)));
  const { verdict, metric } = reading;
  const shown: Shown = verdict.state;
  const check = lesson.claim.check;

  let detail: string;
  if (verdict.state === 'pending') {
    detail =
      verdict.reason === 'training'
        ? t('classroom.claim.afterEpochs', { epochs: check.minEpochs, epoch: plainEpoch(reading.epoch) })
        : verdict.reason === 'waiting-for-metric'
          ? t('classroom.claim.waitingMetric')
          : t('classroom.claim.waitingReference');
  } else {
    // A failed guard (claims.ts) reports its own metric and relation.
    const judged = verdict.guard ?? metric;
    const relation = verdict.guard && check.guard ? check.guard.relation : check.relation;
    detail = t('classroom.claim.comparison', {
      metric: t(`classroom.claim.metric.${judged}`),
      value: formatMetric(judged, verdict.value),
      relation: t(`classroom.claim.relation.${relation}`),
      target: formatMetric(judged, verdict.target),
    });
    if (check.atLeast !== undefined) detail += ` ${t('classroom.claim.atLeast', { floor: formatMetric(metric, check.atLeast) })}`;
  }

  return (
    <div className={`claim-status claim-status--${shown}`} data-testid="claim-status" data-state={shown}>
      <p className="claim-status-head">
        <span className="claim-status-label">{t('classroom.claim.status')}</span>
        <span className="claim-status-verdict" data-testid="claim-verdict" aria-live="polite">
          <span aria-hidden="true" className="claim-status-mark">
            {MARKS[shown]}
          </span>
          {t(`classroom.claim.${shown}`)}
        </span>
      </p>
      <p className="claim-status-detail" data-testid="claim-detail">
        {detail}
      </p>
      {reading.diverged && <p className="claim-status-note">{t('classroom.claim.diverged')}</p>}
      {reading.changed && <p className="claim-status-note">{t('classroom.claim.changed')}</p>}
    </div>
  );
}

/** Shape as well as colour carries the verdict. */
const MARKS: Record<Shown, string> = { holds: '✓', fails: '✗', pending: '…' };
