/**
 * Every message code (core/messages.ts) is worded in English, 简体中文 and 繁體中文, each
 * wording uses exactly the code's parameters, and worded with them by i18next it leaves nothing
 * unresolved: no {{placeholder}}, no $t(nesting), no key. The same for the actions named by
 * 'internal.actionFailed' and the model kinds named by the backend messages.
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODEL_KINDS } from '../core/config';
import { ACTIONS, MESSAGE_CODES, MESSAGE_PARAMS, type MessageCode } from '../core/messages';
import { en } from './locales/en';
import { zhHans } from './locales/zh-Hans';
import { zhHant } from './locales/zh-Hant';

type Tree = { readonly [key: string]: string | Tree };
const LOCALES = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant } as const;

/** The string at a dotted path, or undefined. */
function at(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** Dotted paths of every string under `tree`. */
function paths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : paths(v, `${prefix}${k}.`)));
}

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort();

/** Parameters as a page would get them: numbers, a file, a backend, a kind, an action. */
function sampleParams(code: MessageCode): Record<string, string | number> {
  const sample: Record<string, string | number> = { kind: 'vq', action: 'applyConfig', backend: 'wasm', usual: 'webgpu', excluded: 'webgpu, webgl', file: 'train-images.idx.gz', url: 'http://x/data/train-images.idx.gz' };
  return Object.fromEntries(MESSAGE_PARAMS[code].map((p: string) => [p, sample[p] ?? 12.5]));
}

describe.each(Object.entries(LOCALES))('message wordings in %s', (locale, strings) => {
  const tree = strings as unknown as Tree;

  it('words every code with exactly its parameters', () => {
    const missing = MESSAGE_CODES.filter((c) => at(tree, `messages.${c}`) === undefined);
    expect(missing).toEqual([]);
    const wrongParams = MESSAGE_CODES.filter((c) => placeholders(at(tree, `messages.${c}`) ?? '').join() !== [...MESSAGE_PARAMS[c]].sort().join());
    expect(wrongParams).toEqual([]);
  });

  it('words every action and every model kind', () => {
    expect(ACTIONS.filter((a) => at(tree, `messages.actions.${a}`) === undefined)).toEqual([]);
    expect(MODEL_KINDS.filter((k) => at(tree, `messages.kinds.${k}`) === undefined)).toEqual([]);
  });

  it('holds no wording of a code that no longer exists', () => {
    const known = new Set<string>([...MESSAGE_CODES, ...ACTIONS.map((a) => `actions.${a}`), ...MODEL_KINDS.map((k) => `kinds.${k}`)]);
    expect(paths(tree.messages as Tree).filter((p) => !known.has(p))).toEqual([]);
  });

  describe('worded by i18next', () => {
    const t = i18next.createInstance();
    beforeAll(() => t.init({ lng: locale, resources: { [locale]: { translation: strings } }, interpolation: { escapeValue: false } }));

    it('resolves every placeholder and nested name', () => {
      const unresolved = MESSAGE_CODES.map((c) => [c, t.t(`messages.${c}`, sampleParams(c))] as const).filter(([, text]) => /\{\{|\$t\(|messages\./.test(text));
      expect(unresolved).toEqual([]);
      for (const action of ACTIONS) {
        const text = t.t('messages.internal.actionFailed', { action });
        expect(text).toContain(at(tree, `messages.actions.${action}`));
      }
    });

    it('puts the numbers in: the divergence advice quotes the step and both rates', () => {
      const text = t.t('messages.diverged.nan', { step: 812, learningRate: 0.5, suggested: 0.05 });
      for (const n of ['812', '0.5', '0.05']) expect(text).toContain(n);
      expect(t.t('messages.backend.kindMoved', { kind: 'conv', usual: 'webgpu' })).toContain(at(tree, 'messages.kinds.conv'));
    });
  });
});
