/**
 * A throwaway worker that checks one backend and measures how fast it trains the lab's
 * model; the lab worker terminates it when it is done or late (backendProbe.ts).
 */
import type { ProbeReply, ProbeRequest } from './backendProbe';
import { reason } from './backendReport';
import { checkBackend, errorText } from './backends';
import { measureTrainingSpeed } from './speed';
import { setFusedKernels } from '../core/kernels/fusedKernels';

self.onmessage = async (e: MessageEvent<ProbeRequest>) => {
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
    }
  } catch (err) {
    reply = { ok: false, reason: reason('trainingFailed', {}, errorText(err)) };
  }
  self.postMessage(reply);
};
