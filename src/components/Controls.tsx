import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { experiment, experimentActions, experimentStatus } from '../state/experiments';
import { lab } from '../state/labBridge';
import { useLab } from '../state/store';
import { configWithText, wordProblem } from './settingText';
import { useShown } from './useShown';
import './Controls.css';

/**
 * Train/Pause, Step, Reset and the seed: the buttons a teacher presses in front of the class.
 * They live in the page header so they stay visible while scrolling, and drive the open
 * lesson's experiment (state/experiments.ts): the MNIST autoencoder, the text autoencoders or
 * the pretraining run.
 */
export function Controls() {
  const { t } = useTranslation();
  const status = useLab(useShallow(experimentStatus));
  const allowed = experimentActions(status);
  const { running, shown } = status;
  // A teacher may hide the run buttons or the seed (teacher mode); hidden means not rendered.
  const showRun = useShown('run');
  const showSeed = useShown('seed');
  if (!showRun && !showSeed) return null;

  return (
    <div className="controls" role="group" aria-label={t('controls.label')}>
      {showRun && (
        <>
          <button
            type="button"
            className={running ? 'button button--primary controls-toggle is-running' : 'button button--primary controls-toggle'}
            data-testid="train-toggle"
            aria-pressed={running}
            disabled={!allowed.toggleTraining}
            onClick={() => void experiment.toggle()}
          >
            <span aria-hidden="true" className="controls-icon">
              {running ? '❚❚' : '▶'}
            </span>
            {running ? t('controls.pause') : t('controls.train')}
          </button>
          {/* The text models and the pretraining run train in chunks: no single step to take. */}
          {status.steps && (
            <button
              type="button"
              className="button"
              data-testid="step-button"
              title={t('controls.stepHint')}
              disabled={!allowed.step}
              onClick={() => void experiment.step()}
            >
              {t('controls.step')}
            </button>
          )}
          <button
            type="button"
            className={status.stopped ? 'button button--primary' : 'button'}
            data-testid="reset-button"
            title={t('controls.resetHint')}
            disabled={!allowed.reset}
            onClick={() => void experiment.reset()}
          >
            {t('controls.reset')}
          </button>
        </>
      )}
      {showSeed && <SeedField disabled={!status.ready} />}
      {showRun && (
        <span className={`controls-state controls-state--${shown}`} aria-live="polite">
          {t(`controls.state.${shown}`)}
        </span>
      )}
    </div>
  );
}

/**
 * The seed of the weights, subset and batch order: the one editor of the seed (the model editor
 * leaves it here). Read and checked like every setting (settingText.ts); applied on Enter or blur.
 */
function SeedField({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const config = useLab((s) => s.config);
  const [text, setText] = useState(String(config.train.seed));
  const [seenSeed, setSeenSeed] = useState(config.train.seed);
  if (seenSeed !== config.train.seed) {
    setSeenSeed(config.train.seed);
    setText(String(config.train.seed));
  }
  const check = configWithText(config, 'seed', text);
  // The store's config changes only once the worker has rebuilt the model; until then a blur
  // after Enter must not send the same seed again.
  const sent = useRef<number | undefined>(undefined);

  const commit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!check.ok) return;
    const seed = check.config.train.seed;
    if (seed === config.train.seed || seed === sent.current) return;
    sent.current = seed;
    void lab.applyConfig(check.config).finally(() => {
      sent.current = undefined;
    });
  };

  return (
    <form className="controls-seed" onSubmit={commit} noValidate>
      <label htmlFor={id}>{t('controls.seed')}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        size={6}
        disabled={disabled}
        title={t('controls.seedHint')}
        aria-invalid={check.ok ? undefined : true}
        aria-describedby={check.ok ? undefined : `${id}-error`}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => commit()}
      />
      {!check.ok && (
        <p id={`${id}-error`} className="controls-seed-error" role="alert">
          {wordProblem(t, check.problem)}
        </p>
      )}
    </form>
  );
}
