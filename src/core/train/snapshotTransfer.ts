/**
 * A model snapshot crosses the worker boundary as transferable Float32Arrays only: these are
 * the buffers to transfer (page -> worker on import, worker -> page on export). No tfjs here.
 */
import type { ModelSnapshot } from './snapshot';

/**
 * Every tensor buffer of a snapshot, each once. A tensor whose array is a view on a shared
 * buffer would take its neighbours along, so such arrays are first replaced by copies.
 */
export function snapshotBuffers(s: ModelSnapshot): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const t of [...s.weights, ...(s.optimizer?.slots ?? [])]) {
    const whole = t.data.byteOffset === 0 && t.data.byteLength === t.data.buffer.byteLength;
    if (!whole || buffers.has(t.data.buffer as ArrayBuffer)) t.data = t.data.slice();
    buffers.add(t.data.buffer as ArrayBuffer);
  }
  return [...buffers];
}
