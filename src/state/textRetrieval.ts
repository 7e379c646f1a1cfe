/**
 * The page's actions for the text-retrieval lesson, callable outside React: load the passages
 * and the text autoencoders in the lab worker and LSA in the plain text worker, start and pause
 * the autoencoders' own training, and send a typed query to both. Results land in store.text.
 */
import { message } from '../core/messages';
import type { TextLoadResult, TextQueryResult } from '../worker/api';
import { fitTextLsa, queryTextLsa } from '../worker/textLsaClient';
import { act, ready } from './labBridge';
import { useLab } from './store';

/** Passages listed per query. */
export const TEXT_HITS = 8;

const store = () => useLab.getState();
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const dataUrl = () => new URL('data/', document.baseURI).href;

async function fitLsa(): Promise<void> {
  try {
    store().setText({ lsa: await fitTextLsa(dataUrl()), lsaError: undefined });
  } catch (e) {
    store().setText({ lsaError: errorText(e) });
  }
}

export const textRetrieval = {
  /** Once per worker: the passages, both autoencoders (measured at step 0) and LSA. A missing file fails only this panel. */
  async load(): Promise<void> {
    if (store().text.status !== 'idle') return;
    store().setText({ status: 'loading', error: undefined, errorHint: undefined });
    const lsa = store().text.lsa ? Promise.resolve() : fitLsa();
    try {
      const r = await (await ready()).call<TextLoadResult>((api) => api.textLoad() as Promise<TextLoadResult>);
      if (r.ok) store().setText({ status: 'ready', info: r.info });
      else store().setText({ status: 'failed', error: r.problem, errorHint: r.hint });
    } catch (e) {
      store().setText({ status: 'failed', error: message('internal.unexpected', {}, errorText(e)), errorHint: undefined });
    }
    await lsa;
  },

  /** After a failed load (the panel's Retry): the worker forgot the failed attempt, so load again. */
  async retry(): Promise<void> {
    if (store().text.status !== 'failed') return;
    store().setText({ status: 'idle' });
    await textRetrieval.load();
  },

  /** Starts or pauses the text autoencoders' training loop. */
  train: (on: boolean) => act(on ? 'textTrain' : 'textPause', (c) => c.call((api) => api.textTrain(on))),
  toggle: () => textRetrieval.train(!store().text.running),
  reset: () => act('textReset', (c) => c.call((api) => api.textReset())),

  /** The typed text through the autoencoder (lab worker) and LSA (text worker), side by side. */
  async query(text: string): Promise<void> {
    const [autoencoder, lsa] = await Promise.all([
      act('textSearch', (c) => c.call((api) => api.textQuery(text, TEXT_HITS))),
      store().text.lsa ? queryTextLsa(text, TEXT_HITS).catch((): TextQueryResult | undefined => undefined) : Promise.resolve(undefined),
    ]);
    store().setText({ query: { text, autoencoder, lsa } });
  },
};

// Tests drive it from the console like the lab.
(globalThis as { __text?: typeof textRetrieval }).__text = textRetrieval;
