import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { plainEpoch } from '../i18n/format';
import type { Lesson } from '../lessons/types';
import { claimFields, judgeOnce, readClaim, type ClaimJudgement, type ClaimReading, type ClaimState } from '../state/claimReading';
import { formatMeasure, measureNameKey, MEASURES } from '../state/measures';
import { useLab, type LabState } from '../state/store';
import './ClaimStatus.css';

type Shown = ClaimReading['verdict']['state'];

/** The store fields the lesson's claim reads (measures.ts says which), picked for a shallow compare. */
function pick(fields: readonly (keyof ClaimState)[]) {
  return (s: LabState) => Object.fromEntries(fields.map((f) => [f, s[f]])) as ClaimState;
}

/**
 * Whether the lesson's claim holds at the epoch it names: holds / does not hold at epoch N (the
 * first judged reading of the run, kept as training goes on: claimReading.ts judgeOnce), or not
 * judged yet (too little training, a number still missing); the latest reading beside it.
 * `data-state` carries the verdict and `data-judged-epoch` the epoch it was judged at, for tests.
 */
export function ClaimStatus({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  // Reading the claim is cheap (one pass over at most 2,000 points), so every update may run it.
  const latest: ClaimReading = readClaim(lesson, useLab(useShallow(pick(claimFields(lesson)))));
  const runId = useLab((s) => s.run.id);
  // Idempotent for the same inputs, so updating it while rendering is safe.
  const judgement = useRef<ClaimJudgement | undefined>(undefined);
  judgement.current = judgeOnce(judgement.current, lesson.id, runId, latest);
  const judged = judgement.current?.reading;
  const reading = judged ?? latest;
  const shown: Shown = reading.verdict.state;
  const check = lesson.claim.check;
  const detail = describe(reading);
  const later = judged && latest.verdict.state !== 'pending' && latest.epoch > judged.epoch ? latest : undefined;

  function describe({ verdict, metric, epoch }: ClaimReading): string {
    if (verdict.state === 'pending') {
      return verdict.reason === 'training'
        ? t('classroom.claim.afterEpochs', { epochs: check.minEpochs, epoch: plainEpoch(epoch) })
        : verdict.reason === 'waiting-for-metric'
          ? t('classroom.claim.waitingMetric')
          : t('classroom.claim.waitingReference', { baseline: t(`classroom.measures.baseline.${MEASURES[metric].baseline ?? 'pcaSameSize'}`) });
    }
    // A failed guard (claims.ts) reports its own metric and relation.
    const measure = verdict.guard ?? metric;
    const relation = verdict.guard && check.guard ? check.guard.relation : check.relation;
    const comparison = t('classroom.claim.comparison', {
      metric: t(measureNameKey(measure)),
      value: formatMeasure(measure, verdict.value),
      relation: t(`classroom.claim.relation.${relation}`),
      target: formatMeasure(measure, verdict.target),
    });
    return check.atLeast === undefined ? comparison : `${comparison} ${t('classroom.claim.atLeast', { floor: formatMeasure(metric, check.atLeast) })}`;
  }

  return (
    <div
      className={`claim-status claim-status--${shown}`}
      data-testid="claim-status"
      data-state={shown}
      {...(judged ? { 'data-judged-epoch': judged.epoch } : {})}
    >
      <p className="claim-status-head">
        <span className="claim-status-label">{t('classroom.claim.status')}</span>
        <span className="claim-status-verdict" data-testid="claim-verdict" aria-live="polite">
          <span aria-hidden="true" className="claim-status-mark">
            {MARKS[shown]}
          </span>
          {judged ? t(`classroom.claim.${judged.verdict.state === 'holds' ? 'holdsAt' : 'failsAt'}`, { epoch: plainEpoch(judged.epoch) }) : t('classroom.claim.pending')}
        </span>
      </p>
      <p className="claim-status-detail" data-testid="claim-detail">
        {detail}
      </p>
      {later && (
        <p className="claim-status-latest" data-testid="claim-latest">
          {t('classroom.claim.latest', { epoch: plainEpoch(later.epoch), reading: describe(later) })}
        </p>
      )}
      {latest.diverged && <p className="claim-status-note">{t('classroom.claim.diverged')}</p>}
      {latest.changed && <p className="claim-status-note">{t('classroom.claim.changed')}</p>}
    </div>
  );
}

/** Shape as well as colour carries the verdict. */
const MARKS: Record<Shown, string> = { holds: '✓', fails: '✗', pending: '…' };
