import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { currentLocale } from '../i18n';
import { plainEpoch } from '../i18n/format';
import { trialKey, type PredictionChoice } from '../lessons/prediction';
import { renderMarkdownInline } from '../lessons/renderMarkdown';
import type { Lesson } from '../lessons/types';
import { lab } from '../state/labBridge';
import { predictionFields } from '../state/predictionReading';
import { predictionStatus, type PredictionStatus, type StatusState } from '../state/predictionStatus';
import { useLab, type LabState } from '../state/store';
import { formatItem, formatTrial } from './predictionFormat';
import { PredictionResult } from './PredictionResult';
import { useShown } from './useShown';
import './PredictionCard.css';

/** The store fields the card reads, picked for a shallow compare. */
function pick(lesson: Lesson) {
  const fields = [...predictionFields(lesson.prediction.judge), 'answers', 'predictionRecords', 'predictionTrials'] as const;
  return (s: LabState) => Object.fromEntries(fields.map((f) => [f, s[f]])) as StatusState;
}

/**
 * Predict, then run (lessons/prediction.ts): the lesson's question with its choices, asked
 * before Train (it never blocks Train), then the answer beside what the lab measured and whether
 * it was right. `data-state` carries unanswered / answered / right / wrong / measured for tests.
 * A teacher's link leaves it out with `predict_hide=1`.
 */
export function PredictionCard({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const name = useId();
  const shown = useShown('predict');
  const status = predictionStatus(lesson, useLab(useShallow(pick(lesson))));
  const trainedEpoch = useLab((s) => (lesson.experiment === 'mnistAutoencoder' ? (s.progress?.epoch ?? 0) : status.live.epoch));
  const answerPrediction = useLab((s) => s.answerPrediction);
  const question = useMemo(() => renderMarkdownInline(lesson.prediction.question[locale]), [lesson, locale]);
  if (!shown) return null;

  const { answer, verdict, locked } = status;
  const state = status.outcome ?? (verdict.state === 'measured' ? 'measured' : answer ? 'answered' : 'unanswered');
  const choose = (c: PredictionChoice) => answerPrediction(lesson.id, { choice: c.id, epoch: trainedEpoch });

  return (
    <section className={`prediction-card prediction-card--${state}`} data-testid="prediction-card" data-state={state} aria-labelledby={`${name}-title`}>
      <h3 id={`${name}-title`} className="prediction-title">
        <span aria-hidden="true" className="prediction-mark">?</span> {t('predict.title')}
      </h3>
      <fieldset className="prediction-choices" disabled={locked}>
        <legend className="prediction-question" dangerouslySetInnerHTML={{ __html: question }} />
        {lesson.prediction.choices.map((c) => (
          <div key={c.id} className={answer?.choice === c.id ? 'prediction-choice prediction-choice--chosen' : 'prediction-choice'}>
            <label>
              <input type="radio" name={name} value={c.id} checked={answer?.choice === c.id} onChange={() => choose(c)} data-testid={`prediction-choice-${c.id}`} />
              <span>{c.text[locale]}</span>
            </label>
            <ChoiceFigure lesson={lesson} choice={c} status={status} />
          </div>
        ))}
      </fieldset>
      {!answer && verdict.state !== 'measured' && <p className="prediction-hint">{t('predict.hint')}</p>}
      <PredictionResult lesson={lesson} status={status} trained={trainedEpoch} />
    </section>
  );
}

/**
 * Beside a choice, what the lab measured for it: an 'extreme' question's part (a digit's AUROC)
 * once the question is judged, a 'setting' question's run so far (or a button that switches the
 * model to that value).
 */
function ChoiceFigure({ lesson, choice, status }: { lesson: Lesson; choice: PredictionChoice; status: PredictionStatus }) {
  const { t } = useTranslation();
  const { judge } = lesson.prediction;
  if (judge.kind === 'extreme') {
    // Only the measurement the question is judged on: live parts before it would answer the question for the student.
    const reading = status.record?.reading;
    const x = reading?.kind === 'items' ? reading.items[choice.id] : undefined;
    return x === undefined ? null : (
      <span className="prediction-figure" data-testid={`prediction-figure-${choice.id}`} data-value={x}>
        {formatItem(judge.items, x)}
      </span>
    );
  }
  if (judge.kind !== 'setting') return null;
  const key = trialKey(choice.value);
  const trial = status.trials[key];
  if (trial) {
    return (
      <span className="prediction-figure" data-testid={`prediction-figure-${choice.id}`} data-value={trial.value}>
        {t('predict.trial.measured', { value: formatTrial(judge.measure, trial.value), epoch: plainEpoch(trial.epoch) })}
      </span>
    );
  }
  if (status.current === key) return <span className="prediction-figure prediction-figure--now">{t('predict.trial.now')}</span>;
  const train = () => {
    const config = useLab.getState().config;
    void lab.applyConfig({ ...config, model: { ...config.model, [judge.setting]: choice.value } } as typeof config);
  };
  return (
    <button type="button" className="button button--quiet prediction-try" onClick={train} data-testid={`prediction-try-${choice.id}`}>
      {t('predict.trial.switch')}
    </button>
  );
}
