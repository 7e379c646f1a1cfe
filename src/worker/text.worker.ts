/**
 * A plain worker (no tfjs) for the text-retrieval lesson's LSA baselines (textLsa.ts): it loads
 * the passages itself, fits LSA-2 and LSA-10 and answers typed queries, off the lab worker's
 * thread. Started by the page (textLsaClient.ts) when the lesson's panel is shown.
 */
import * as Comlink from 'comlink';
import type { LsaBaselines, TextQueryResult } from './apiText';
import { loadPassages } from './textData';
import { TextLsa } from './textLsa';

let lsa: Promise<TextLsa> | undefined;

export interface TextLsaApi {
  /** Loads and fits once; a data problem rejects with the file and the fix in the message. */
  fit(dataUrl: string): Promise<LsaBaselines & { hint?: string }>;
  query(text: string, k: number): Promise<TextQueryResult>;
}

const api: TextLsaApi = {
  async fit(dataUrl) {
    lsa ??= loadPassages(dataUrl).then((corpus) => TextLsa.fit(corpus));
    try {
      const b = (await lsa).baselines;
      return { ...b, mapPoints: b.mapPoints.slice() };
    } catch (e) {
      lsa = undefined;
      throw e;
    }
  },
  async query(text, k) {
    if (!lsa) throw new Error('LSA is not fitted yet (fit() first).');
    return (await lsa).query(text, k);
  },
};

Comlink.expose(api);
