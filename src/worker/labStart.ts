/**
 * Starting the lab worker: load MNIST, then choose, check and activate the backend.
 * Failures are reported as the page's error events (message codes: which file, what to do) and
 * rethrown.
 */
import { DEFAULT_CONFIG, IMAGE_SIZE } from '../core/config';
import { setFusedKernels } from '../core/kernels/fusedKernels';
import { message } from '../core/messages';
import { LIVE_TEST_SIZE } from '../core/data/dataset';
import type { MnistData } from '../core/train/types';
import type { BackendReport, ErrorEvent, InitOptions } from './api';
import { probeData, probeInWorker } from './backendProbe';
import { errorText, selectBackend } from './backends';
import { DataLoadError, loadMnist } from './dataLoader';
import { PcaFitter } from './pcaFitter';

/** Measured training time per candidate backend during selection (warm-up excluded). */
const BENCHMARK_BUDGET_MS = 700;

type ReportError = (e: Omit<ErrorEvent, 'type'>) => void;

export async function loadData(dataUrl: string, report: ReportError): Promise<MnistData> {
  try {
    return await loadMnist(dataUrl);
  } catch (e) {
    if (e instanceof DataLoadError) report({ kind: 'data', message: e.problem, hint: e.hint });
    else report({ kind: 'data', message: message('data.failed', {}, errorText(e)) });
    throw e;
  }
}

/** Chooses the backend (probing candidates with the default model on a slice of `data`) and leaves it active. */
export async function startBackend(data: MnistData, options: InitOptions, report: ReportError): Promise<BackendReport> {
  const fusedKernels = options.fusedKernels !== false;
  setFusedKernels(fusedKernels);
  try {
    const selection = await selectBackend({
      forced: options.forcedBackend,
      exclude: options.excludeBackends,
      threads: options.threads,
      probe: async (name, deadlineMs, threads) => {
        const r = await probeInWorker({ name, data: probeData(data), config: DEFAULT_CONFIG, budgetMs: BENCHMARK_BUDGET_MS, threads, fusedKernels }, deadlineMs);
        console.debug(`lab worker: probe ${name}`, JSON.stringify(r));
        return r;
      },
      onProblem: (problem, hint) => report({ kind: 'backend', message: problem, hint }),
    });
    console.info(`lab worker: backend ${selection.report.chosen} chosen in ${Math.round(selection.selectionMs)} ms`, selection.report);
    return selection.report;
  } catch (e) {
    report({ kind: 'backend', message: message('backend.none', {}, errorText(e)), hint: message('hint.otherBrowser', {}) });
    throw e;
  }
}

/**
 * The PCA baseline's fitter: scored on the live test subset, and placing the scatter's digits
 * (uint8 rows of the test set, the first `scatter.n`) on the PCA-2 map.
 */
export function pcaFitterFor(data: MnistData, scatter: { labels: Uint8Array; n: number }, onError: (detail: string) => void): PcaFitter {
  const live = Math.min(LIVE_TEST_SIZE, data.testCount);
  const { n, labels } = scatter;
  return new PcaFitter(data.trainImages, data.testImages.subarray(0, live * IMAGE_SIZE), onError, {
    images: data.testImages.subarray(0, n * IMAGE_SIZE),
    labels,
    n,
  });
}
