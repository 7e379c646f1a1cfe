/**
 * The page's side of text.worker.ts (LSA of the Brown passages): one worker, started on the
 * first request and kept while the page lives (the fit is done once; queries are cheap).
 */
import * as Comlink from 'comlink';
import type { LsaBaselines, TextQueryResult } from './apiText';
import type { TextLsaApi } from './text.worker';

let remote: Comlink.Remote<TextLsaApi> | undefined;

function worker(): Comlink.Remote<TextLsaApi> {
  remote ??= Comlink.wrap<TextLsaApi>(new Worker(new URL('./text.worker.ts', import.meta.url), { type: 'module' }));
  return remote;
}

export function fitTextLsa(dataUrl: string): Promise<LsaBaselines> {
  return worker().fit(dataUrl);
}

export function queryTextLsa(text: string, k: number): Promise<TextQueryResult> {
  return worker().query(text, k);
}
