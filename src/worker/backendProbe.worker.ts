/**
 * A throwaway worker that checks one backend and measures how fast it trains the lab's
 * model; the lab worker terminates it when it is done or late (backendProbe.ts).
 */
import type { ProbeReply, ProbeRequest } from './backendProbe';
import { reason, type ThreadsReport } from './backendReport';
import { checkBackend, errorText, restartWasmOnOneThread } from './backends';
import { measureTrainingSpeed } from './speed';
import { setFusedKernels } from '../core/kernels/fusedKernels';

/** The threaded build's reply, or the single-threaded one's if it trains faster (both speeds in the report). */
async function againstOneThread(threaded: ProbeReply, threads: ThreadsReport): Promise<ProbeReply> {
  const { data, config, budgetMs } = request!;
  const single = await restartWasmOnOneThread(threads);
  if (!single.ok) return threaded;
  const singleSpeed = await measureTrainingSpeed(data, config, budgetMs);
  const measured = { threads: threads.count, threaded: threaded.samplesPerSec ?? 0, single: singleSpeed };
  if (singleSpeed > measured.threaded) {
    return { ...threaded, ...single, samplesPerSec: singleSpeed, threads: { count: 1, cores: threads.cores, why: 'slower', measured } };
  }
  return { ...threaded, threads: { ...threads, measured } };
}

let request: ProbeRequest | undefined;

self.onmessage = async (e: MessageEvent<ProbeRequest>) => {
  request = e.data;
  const { name, data, config, budgetMs, threads, fusedKernels } = e.data;
  setFusedKernels(fusedKernels !== false);
  const t0 = performance.now();
  let reply: ProbeReply;
  try {
    const check = await checkBackend(name, threads);
    const checkedAt = performance.now();
    if (!check.ok) reply = { ...check, timings: { checkMs: checkedAt - t0 } };
    else {
      const samplesPerSec = await measureTrainingSpeed(data, config, budgetMs);
      reply = { ...check, samplesPerSec, timings: { checkMs: checkedAt - t0, benchmarkMs: performance.now() - checkedAt } };
      // Threads the reader did not ask for by number are measured against one thread: on a busy
      // machine the threads wait for other programs' time and one thread can be faster.
      if (check.threads && check.threads.count > 1 && threads?.requested === undefined) reply = await againstOneThread(reply, check.threads);
    }
  } catch (err) {
    reply = { ok: false, reason: reason('trainingFailed', {}, errorText(err)) };
  }
  self.postMessage(reply);
};
