/**
 * The visualization lesson's maps (embeddingMaps.ts) in a worker of their own: UMAP of 2,000
 * digits' pixels takes seconds of plain JS, which must not stall the page or the training.
 * No tfjs here. The page ends an older request by terminating the worker.
 */
import { makeMaps, type EmbeddingReply, type EmbeddingRequest } from './embeddingMaps';

const post = (reply: EmbeddingReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);

self.onmessage = (e: MessageEvent<EmbeddingRequest>) => {
  const { id, inputs, seed } = e.data;
  try {
    makeMaps(inputs, seed, (map) => post({ id, map }, [map.points.buffer]));
    post({ id, done: true });
  } catch (err) {
    post({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
