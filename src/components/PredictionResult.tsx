import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { plainEpoch } from '../i18n/format';
import type { Lesson } from '../lessons/types';
import { formatMeasure, measureNameKey, MEASURES } from '../state/measures';
import type { PredictionStatus } from '../state/predictionStatus';
import { formatDifference, formatItem, formatRatio, formatTrial } from './predictionFormat';

/**
 * The second half of the question card: until the measurement is in, when it will be (after how
 * many epochs, or which runs are missing); then the student's answer beside the measured one,
 * the numbers that decided it, and whether the answer was right.
 * @param trained epochs the lesson's experiment has trained (measurements come a little later)
 */
export function PredictionResult({ lesson, status, trained }: { lesson: Lesson; status: PredictionStatus; trained: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { verdict, answer, outcome } = status;
  const { judge, choices } = lesson.prediction;
  const choiceText = (id: string) => choices.find((c) => c.id === id)?.text[locale] ?? id;

  if (verdict.state === 'pending') {
    // Trained far enough but not measured there yet (a measurement on request, or the next one): say what it waits for.
    const text =
      verdict.reason === 'training' && trained < judge.epoch
        ? t('predict.pending.training', { epochs: judge.epoch, epoch: plainEpoch(trained) })
        : verdict.reason === 'trials'
          ? t('predict.pending.trials', { epochs: judge.epoch })
          : t(`predict.pending.waiting.${judge.kind === 'extreme' ? judge.items : 'measure'}`);
    return (
      <p className="prediction-pending" data-testid="prediction-result" data-state="pending" aria-live="polite">
        {text}
      </p>
    );
  }

  let detail = '';
  if (judge.kind === 'range' && status.record?.reading.kind === 'value') {
    const r = status.record.reading;
    const m = judge.measure;
    const base = {
      measure: t(measureNameKey(m)),
      epoch: plainEpoch(r.epoch),
      value: r.measured === undefined ? '' : formatMeasure(m, r.measured),
      baseline: r.baseline === undefined ? '' : formatMeasure(m, r.baseline),
      baselineName: t(`classroom.measures.baseline.${MEASURES[m].baseline ?? 'pcaSameSize'}`),
    };
    const x = r.value ?? Number.NaN;
    detail = t(`predict.detail.${judge.of}`, { ...base, ratio: formatRatio(x), difference: formatDifference(m, x) });
  } else if (judge.kind === 'extreme' && status.record?.reading.kind === 'items') {
    const x = status.record.reading.items[verdict.right];
    detail = t(`predict.detail.extreme.${judge.pick}`, {
      name: t(`predict.items.${judge.items}`),
      epoch: plainEpoch(status.record.reading.epoch),
      best: choiceText(verdict.right),
      value: x === undefined ? '' : formatItem(judge.items, x),
    });
  } else if (judge.kind === 'setting') {
    const trial = status.trials[String(choices.find((c) => c.id === verdict.right)?.value)];
    detail = t(`predict.detail.setting.${judge.pick}`, {
      measure: t(measureNameKey(judge.measure)),
      epochs: judge.epoch,
      best: choiceText(verdict.right),
      value: trial ? formatTrial(judge.measure, trial.value) : '',
    });
  }

  return (
    <div
      className={`prediction-result prediction-result--${outcome ?? 'measured'}`}
      data-testid="prediction-result"
      data-state={outcome ?? 'measured'}
      data-right={verdict.right}
      data-value={status.record?.reading.kind === 'value' ? status.record.reading.value : undefined}
      data-epoch={status.record?.reading.epoch}
      aria-live="polite"
    >
      {outcome && (
        <p className="prediction-verdict" data-testid="prediction-verdict">
          <span aria-hidden="true">{outcome === 'right' ? '✓' : '✗'}</span> {t(`predict.outcome.${outcome}`)}
        </p>
      )}
      <dl className="prediction-compare">
        <div>
          <dt>{t('predict.yours')}</dt>
          <dd data-testid="prediction-yours">{answer ? choiceText(answer.choice) : t('predict.none')}</dd>
        </div>
        <div>
          <dt>{t('predict.measured')}</dt>
          <dd data-testid="prediction-measured">{choiceText(verdict.right)}</dd>
        </div>
      </dl>
      <p className="prediction-detail" data-testid="prediction-detail">
        {detail}
      </p>
      {answer && answer.epoch > 0 && <p className="prediction-note">{t('predict.note.late', { epoch: plainEpoch(answer.epoch) })}</p>}
      {status.changed && <p className="prediction-note">{t('predict.note.changed')}</p>}
      {judge.kind !== 'setting' && <p className="prediction-note">{t('predict.note.again')}</p>}
    </div>
  );
}
