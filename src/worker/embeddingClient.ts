/**
 * The page's side of embedding.worker.ts: one request at a time; a new one (or cancelMaps())
 * terminates the worker of the old one, so a stale map never arrives.
 */
import type { EmbeddingInputs, EmbeddingMap, EmbeddingReply } from './embeddingMaps';

let current: { worker: Worker; cancel: () => void } | undefined;
let nextId = 1;

/** Ends the request in progress, if any (its promise rejects with 'cancelled'). */
export function cancelMaps(): void {
  current?.cancel();
}

/**
 * Makes the three maps of `inputs` in a fresh worker; `onMap` gets each as it is done.
 * Resolves when all three are done; rejects with the worker's message on failure, or with
 * 'cancelled' when a newer request or cancelMaps() ended it. The inputs' buffers are transferred.
 */
export function makeMapsInWorker(inputs: EmbeddingInputs, seed: number, onMap: (m: EmbeddingMap) => void): Promise<void> {
  cancelMaps();
  const worker = new Worker(new URL('./embedding.worker.ts', import.meta.url), { type: 'module' });
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      worker.terminate();
      if (current?.worker === worker) current = undefined;
      if (error) reject(error);
      else resolve();
    };
    current = { worker, cancel: () => finish(new Error('cancelled')) };
    worker.onmessage = (e: MessageEvent<EmbeddingReply>) => {
      const r = e.data;
      if (r.id !== id) return;
      if ('map' in r) onMap(r.map);
      else if ('done' in r) finish();
      else finish(new Error(r.error));
    };
    worker.onerror = (e) => finish(new Error(e.message || 'the map worker failed'));
    worker.postMessage({ id, inputs, seed }, [inputs.codes.buffer, inputs.pixels.buffer, inputs.labels.buffer]);
  });
}
