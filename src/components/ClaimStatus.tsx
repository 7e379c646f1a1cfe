import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { plainEpoch } from '../i18n/format';
import type { Lesson } from '../lessons/types';
import { claimFields, readClaim, type ClaimReading, type ClaimState } from '../state/claimReading';
import { formatMeasure, measureNameKey, MEASURES } from '../state/measures';
import { useLab, type LabState } from '../state/store';
import './ClaimStatus.css';

type Shown = ClaimReading['verdict']['state'];

/** The store fields the lesson's claim reads (measures.ts says which), picked for a shallow compare. */
function pick(fields: readonly (keyof ClaimState)[]) {
  return (s: LabState) => Object.fromEntries(fields.map((f) => [f, s[f]])) as ClaimState;
}

/**
 * Whether the page's current measurement supports the lesson's claim: holds / does not hold /
 * not judged yet (too little training, a number still missing). `data-state` carries the
 * verdict for tests.
 */
export function ClaimStatus({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  // Reading the claim is cheap (one pass over at most 2,000 points), so every update may run it.
  const reading: ClaimReading = readClaim(lesson, useLab(useShallow(pick(claimFields(lesson)))));
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
          : t('classroom.claim.waitingReference', { baseline: t(`classroom.measures.baseline.${MEASURES[metric].baseline ?? 'pcaSameSize'}`) });
  } else {
    // A failed guard (claims.ts) reports its own metric and relation.
    const judged = verdict.guard ?? metric;
    const relation = verdict.guard && check.guard ? check.guard.relation : check.relation;
    detail = t('classroom.claim.comparison', {
      metric: t(measureNameKey(judged)),
      value: formatMeasure(judged, verdict.value),
      relation: t(`classroom.claim.relation.${relation}`),
      target: formatMeasure(judged, verdict.target),
    });
    if (check.atLeast !== undefined) detail += ` ${t('classroom.claim.atLeast', { floor: formatMeasure(metric, check.atLeast) })}`;
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
