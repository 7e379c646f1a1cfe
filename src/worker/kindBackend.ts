/**
 * The backend a model kind trains on. The selection at start-up (backends.ts) chose the fastest
 * checked backend for the dense model; a kind that backend cannot train (a missing kernel, a
 * failed conv self-check: core/kindSupport.ts) moves to the next checked backend, fastest first,
 * and the page is told why. A kind it can train (or the MLP again) goes back to the chosen one.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../core/config';
import { kindBackendSupport } from '../core/kindSupport';
import type { BackendCandidate, BackendName, BackendReport } from './api';
import { reason, type ThreadRequest } from './backendReport';
import { checkBackend, errorText } from './backends';

export interface KindBackendChoice {
  /** The backend now active. */
  backend: BackendName;
  /** The report as the page should show it (chosen = the backend in use for this kind). */
  report: BackendReport;
  /** Why the kind does not train on the selection's choice, when it moved. */
  moved?: string;
}

/** Backends that passed their checks at start-up, the selection's choice first, then by speed, cpu last. */
export function fallbackOrder(report: BackendReport): BackendName[] {
  const passed = report.candidates
    .filter((c) => c.name !== report.chosen && c.name !== 'cpu' && c.status === 'passed')
    .sort((a, b) => (b.samplesPerSec ?? 0) - (a.samplesPerSec ?? 0))
    .map((c) => c.name);
  const cpuFailed = report.candidates.some((c) => c.name === 'cpu' && c.status === 'failed');
  return [report.chosen, ...passed, ...(report.chosen === 'cpu' || cpuFailed ? [] : (['cpu'] as const))];
}

export class KindBackends {
  /** Backends initialised and self-checked in this worker (the chosen one was at start-up). */
  private readonly ready = new Set<BackendName>();

  constructor(private readonly selection: BackendReport) {
    this.ready.add(selection.chosen);
  }

  /** Makes the right backend for `model` active (call with no model alive on the old one). */
  async activate(model: ModelConfig): Promise<KindBackendChoice> {
    const reasons: string[] = [];
    for (const name of fallbackOrder(this.selection)) {
      if (!this.ready.has(name)) {
        const check = await checkBackend(name, this.wasmThreads()).catch((e: unknown) => ({ ok: false, reason: reason('initFailed', {}, errorText(e)) }));
        if (!check.ok) {
          reasons.push(`${name} failed (${check.reason?.detail ?? check.reason?.code ?? 'failed'})`);
          continue;
        }
        this.ready.add(name);
      } else if (tf.getBackend() !== name && !(await tf.setBackend(name))) {
        reasons.push(`${name} did not start again`);
        continue;
      }
      const support = await kindBackendSupport(model, name);
      if (!support.ok) {
        reasons.push(support.reason ?? `${name} cannot train this model`);
        continue;
      }
      if (tf.getBackend() !== name) await tf.setBackend(name);
      return { backend: name, report: this.reportFor(name, reasons), moved: reasons.length ? reasons.join(' ') : undefined };
    }
    throw new Error(`No backend can train this model: ${reasons.join(' ')}`);
  }

  /** wasm started here runs on the threads its probe ran on (the report keeps why). */
  private wasmThreads(): ThreadRequest {
    const threads = this.selection.candidates.find((c) => c.name === 'wasm')?.threads;
    return { requested: threads?.count ?? 1 };
  }

  private reportFor(backend: BackendName, reasons: string[]): BackendReport {
    if (backend === this.selection.chosen) return this.selection;
    const candidates = this.selection.candidates.map((c): BackendCandidate => {
      if (c.name === backend) return { ...c, status: 'chosen', forModel: { code: 'inUse' } };
      if (c.name === this.selection.chosen) return { ...c, status: 'passed', forModel: { code: 'cannotTrain', detail: reasons.join(' ') } };
      return c;
    });
    return { ...this.selection, chosen: backend, candidates };
  }
}
