/**
 * Building a configuration's model in the lab worker: the backend for its kind (kindBackend.ts:
 * the chosen one, or the next checked one when it lacks what the kind needs), then the cost
 * guard (core/cost/costEstimate.ts: a model past what that backend can hold is refused before
 * anything is allocated, naming the setting and the largest value that fits), then the Trainer.
 * Each refusal is told to the page as one error event and thrown as a ReportedError.
 */
import * as tf from '@tensorflow/tfjs';
import type { LabConfig } from '../core/config';
import { costProblem, MEMORY_BUDGETS } from '../core/cost/costEstimate';
import { message } from '../core/messages';
import { Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';
import type { BackendName, BackendReport, ErrorEvent, LabEvent } from './api';
import { errorText } from './backends';
import type { KindBackends } from './kindBackend';

/**
 * A call's failure the page has already heard as an error event: the call rejects with it, and
 * the page's bridge (state/labConnection.ts `expected`) does not report it a second time.
 */
export class ReportedError extends Error {
  constructor(cause: unknown) {
    super(errorText(cause));
    this.name = 'ReportedError';
  }
}

export interface BuildParts {
  data: MnistData;
  report: BackendReport;
  kindBackends: KindBackends;
  emitError: (e: Omit<ErrorEvent, 'type'>) => void;
  post: (e: LabEvent) => void;
  /** True when `e` means the backend broke (labFailures.ts; the page has been told). */
  lostBy: (e: unknown) => boolean;
}

/** The model of a checked `config` on the backend for its kind, or a ReportedError. */
export async function buildTrainer(parts: BuildParts, config: LabConfig): Promise<Trainer> {
  await activateBackendFor(parts, config);
  const backend = tf.getBackend() as BackendName;
  const problem = costProblem(config, MEMORY_BUDGETS[backend] ?? MEMORY_BUDGETS.cpu);
  if (problem) {
    const { field, limit, megabytes, budgetMegabytes } = problem;
    parts.emitError({ kind: 'config', message: message('cost.memory', { field, limit, megabytes, budget: budgetMegabytes, backend }) });
    throw new ReportedError(`This model needs about ${megabytes} MB, more than ${backend} can hold (${budgetMegabytes} MB): ${field} at most ${limit}.`);
  }
  try {
    return new Trainer(parts.data, config);
  } catch (e) {
    if (!parts.lostBy(e)) parts.emitError({ kind: 'internal', message: message('internal.buildFailed', {}, errorText(e)) });
    throw new ReportedError(e);
  }
}

/**
 * The backend for this model's kind (kindBackend.ts): the chosen one, or the next checked one
 * when it lacks what the kind needs; the page hears which and why.
 */
async function activateBackendFor(parts: BuildParts, config: LabConfig): Promise<void> {
  const { kindBackends, report } = parts;
  const before = tf.getBackend();
  let choice;
  try {
    choice = await kindBackends.activate(config.model);
  } catch (e) {
    parts.emitError({ kind: 'backend', message: message('backend.noneForKind', { kind: config.model.kind }, errorText(e)) });
    throw new ReportedError(e);
  }
  if (choice.backend === before) return;
  parts.post({ type: 'backend', report: choice.report });
  if (choice.moved) {
    parts.emitError({
      kind: 'backend',
      message: message('backend.kindMoved', { kind: config.model.kind, usual: report.chosen }, choice.moved),
      hint: message('hint.kindMoved', { backend: choice.backend, usual: report.chosen }),
    });
  }
}
