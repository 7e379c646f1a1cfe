/**
 * The experiment dispatcher: what the header's Train/Pause, Step and Reset (and their keys,
 * app/useShortcuts.ts) do on the open lesson's page. A lesson names its experiment
 * (lessons/catalog.ts EXPERIMENTS); the free lab's is the MNIST autoencoder. Each experiment says
 * how the store shows its run and which actions drive it; the rule for which buttons are enabled
 * is one function (experimentActions) that the buttons and the keys share.
 */
import { experimentOf } from '../lessons';
import type { ExperimentId } from '../lessons/catalog';
import { lab } from './labBridge';
import { useLab, type LabState } from './store';
import { textRetrieval } from './textRetrieval';

/** What the header says about the run (`controls.state.<shown>`). */
export type ExperimentShown = 'booting' | 'unavailable' | 'idle' | 'running' | 'paused' | 'diverged' | 'done';

/** An experiment's run as the header needs it. */
export interface ExperimentStatus {
  shown: ExperimentShown;
  /** The experiment can take actions now (its data loaded, its model built). */
  ready: boolean;
  running: boolean;
  /** The run cannot go on until it is reset: diverged (MNIST) or finished (pretraining). */
  stopped: boolean;
  /** The experiment takes single steps (the text models and the pretraining run do not). */
  steps: boolean;
}

interface Experiment {
  status: (s: LabState) => ExperimentStatus;
  train: () => Promise<unknown>;
  pause: () => Promise<unknown>;
  step?: () => Promise<unknown>;
  reset: () => Promise<unknown>;
}

const EXPERIMENT_ACTIONS: { readonly [K in ExperimentId]: Experiment } = {
  mnistAutoencoder: {
    status: (s) => {
      const ready = !s.booting && s.backend !== undefined && !s.errors.some((e) => e.kind === 'data');
      const shown = s.booting ? 'booting' : ready ? s.runState : 'unavailable';
      return { shown, ready, running: s.runState === 'running', stopped: s.runState === 'diverged', steps: true };
    },
    train: lab.train,
    pause: lab.pause,
    step: () => lab.step(),
    reset: lab.reset,
  },
  // The two text autoencoders (2000-250-10 and 2000-250-2) train together in the lab worker.
  textAutoencoders: {
    status: (s) => {
      const { status, running, progress } = s.text;
      const ready = !s.booting && status === 'ready';
      const shown = ready ? (running ? 'running' : progress && progress.step > 0 ? 'paused' : 'idle') : status === 'failed' ? 'unavailable' : 'booting';
      return { shown, ready, running, stopped: false, steps: false };
    },
    train: () => textRetrieval.train(true),
    pause: () => textRetrieval.train(false),
    reset: textRetrieval.reset,
  },
  // Layer-wise pretraining, then fine-tuning beside the same network from random weights.
  pretraining: {
    status: (s) => {
      const state = s.pretraining?.state;
      const ready = !s.booting && state !== undefined;
      return { shown: state ?? 'booting', ready, running: state === 'running', stopped: state === 'done', steps: false };
    },
    train: lab.startPretraining,
    pause: lab.pausePretraining,
    reset: lab.resetPretraining,
  },
};

/** The run of the open lesson's experiment, for the header and the keys. */
export function experimentStatus(s: LabState): ExperimentStatus {
  return EXPERIMENT_ACTIONS[experimentOf(s.lessonId)].status(s);
}

/**
 * Which actions may run now: Train/Pause while ready and not stopped; Step while ready, paused
 * or idle, not stopped, for an experiment that steps; Reset while ready. A key never does what
 * a disabled button could not.
 */
export function experimentActions(status: ExperimentStatus): { toggleTraining: boolean; step: boolean; reset: boolean } {
  return {
    toggleTraining: status.ready && !status.stopped,
    step: status.ready && status.steps && !status.running && !status.stopped,
    reset: status.ready,
  };
}

const current = () => EXPERIMENT_ACTIONS[experimentOf(useLab.getState().lessonId)];

/** The header's actions on the open lesson's experiment, callable outside React. */
export const experiment = {
  /** Train when paused or idle, pause when running. */
  toggle: () => (experimentStatus(useLab.getState()).running ? current().pause() : current().train()),
  /** One training step, where the experiment takes steps. */
  step: () => current().step?.() ?? Promise.resolve(undefined),
  reset: () => current().reset(),
};
