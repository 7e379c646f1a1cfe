/**
 * A plain worker (no tfjs) that fits the PCA baseline off the lab worker's thread, so
 * training goes on while the seconds-long exact fit runs. Cancelled by terminate().
 */
import { scorePcaBaseline, type PcaFitReply, type PcaFitRequest } from './pcaBaseline';

self.onmessage = (e: MessageEvent<PcaFitRequest>) => {
  const { id, train, n, test, m, k, scatter } = e.data;
  let reply: PcaFitReply;
  try {
    reply = { id, scores: scorePcaBaseline(train, n, test, m, k, scatter) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  const map = 'scores' in reply ? reply.scores.map : undefined;
  self.postMessage(reply, map ? [map.points.buffer] : []);
};
