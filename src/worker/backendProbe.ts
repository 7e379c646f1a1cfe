/**
 * Checking and measuring one backend in a throwaway worker (backendProbe.worker.ts), so a
 * backend that hangs or compiles its shaders for too long is stopped for real: terminate()
 * frees its GPU device and its threads.
 */
import { IMAGE_SIZE, LIMITS, type LabConfig } from '../core/config';
import type { MnistData } from '../core/train/types';
import type { BackendName } from './api';
import { reason, type ThreadRequest } from './backendReport';
import type { ProbeResult } from './backends';

export interface ProbeRequest {
  name: BackendName;
  /** A small slice of MNIST: enough digits for the smallest training subset and the live test set. */
  data: MnistData;
  config: LabConfig;
  /** Measured training time, after the warm-up, ms. */
  budgetMs: number;
  /** wasm: what the page allows its threads. */
  threads?: ThreadRequest;
  /** The lab's fused kernels on (the default) or off, as in the lab worker. */
  fusedKernels?: boolean;
}

export type ProbeReply = ProbeResult & { timings?: Record<string, number> };

/** The first `count` digits of each set, copied (they are transferred to the probe). */
export function probeData(data: MnistData, count = LIMITS.trainSize.min): MnistData {
  const train = Math.min(count, data.trainCount);
  const test = Math.min(count, data.testCount);
  return {
    trainImages: data.trainImages.slice(0, train * IMAGE_SIZE),
    trainLabels: data.trainLabels.slice(0, train),
    testImages: data.testImages.slice(0, test * IMAGE_SIZE),
    testLabels: data.testLabels.slice(0, test),
    trainCount: train,
    testCount: test,
  };
}

/**
 * Runs the probe of `name`; resolves by `deadlineMs` in any case (a late probe is terminated
 * and reported as failed with the reason).
 */
export function probeInWorker(request: Omit<ProbeRequest, 'data'> & { data: MnistData }, deadlineMs: number): Promise<ProbeReply> {
  const t0 = performance.now();
  return new Promise<ProbeReply>((resolve) => {
    const worker = new Worker(new URL('./backendProbe.worker.ts', import.meta.url), { type: 'module', name: `probe-${request.name}` });
    const finish = (reply: ProbeReply) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(reply);
    };
    const timer = setTimeout(
      () => finish({ ok: false, reason: reason('probeLate', { seconds: deadlineMs / 1000 }) }),
      deadlineMs,
    );
    worker.onmessage = (e: MessageEvent<ProbeReply>) =>
      finish({ ...e.data, timings: { ...e.data.timings, totalMs: performance.now() - t0 } });
    worker.onerror = (e) => {
      e.preventDefault();
      finish({ ok: false, reason: reason('probeCrashed', {}, e.message || 'no message') });
    };
    const d = request.data;
    worker.postMessage(request, [d.trainImages.buffer, d.trainLabels.buffer, d.testImages.buffer, d.testLabels.buffer]);
  });
}
