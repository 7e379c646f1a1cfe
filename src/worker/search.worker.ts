/**
 * A plain worker (no tfjs) that measures the similar-image search in pixels and in PCA codes
 * off the lab worker's thread (see searchBaselines.ts). Cancelled by terminate().
 */
import { measureSearchBaselines, type SearchReply, type SearchRequest } from './searchBaselines';

self.onmessage = (e: MessageEvent<SearchRequest>) => {
  const post = (reply: SearchReply) => self.postMessage(reply);
  try {
    measureSearchBaselines(e.data, post);
  } catch (err) {
    post({ id: e.data.id, error: err instanceof Error ? err.message : String(err) });
  }
};
