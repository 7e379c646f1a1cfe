/**
 * Every reason a value can be refused (core/kinds/problems.ts ProblemCode, and the editor's
 * notANumber) is worded in English, 简体中文 and 繁體中文 with exactly its parameters, and worded
 * by i18next with them it leaves nothing unresolved (the kind and the prior are named).
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_PRIORS, MODEL_KINDS } from '../core/config';
import type { ProblemCode } from '../core/kinds/problems';
import { en } from './locales/en';
import { zhHans } from './locales/zh-Hans';
import { zhHant } from './locales/zh-Hant';

type Tree = { readonly [key: string]: string | Tree };
const LOCALES = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant } as const;

/** The parameters of each code: the type makes this list every code, and only those. */
const PARAMS: Record<ProblemCode | 'notANumber', readonly string[]> = {
  notANumber: [],
  invalid: [],
  range: ['min', 'max'],
  wholeNumber: [],
  tooMany: ['max'],
  tooFew: ['min'],
  'loss.bceNeedsSigmoid': [],
  'contractive.depth': [],
  'contractive.linearCode': [],
  'sparsity.klNeedsSigmoid': [],
  'kind.contractiveMlpOnly': [],
  'kind.noDenseLayers': [],
  'kind.needsBernoulli': ['kind'],
  'vq.codeSizeMultiple': ['positions'],
  'adversarial.priorNeeds2d': ['prior'],
  'adversarial.cleanCode': [],
};
const CODES = Object.keys(PARAMS) as (keyof typeof PARAMS)[];

function at(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}
function paths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : paths(v, `${prefix}${k}.`)));
}
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort();

describe.each(Object.entries(LOCALES))('problem wordings in %s', (locale, strings) => {
  const tree = strings as unknown as Tree;

  it('words every code with exactly its parameters, and nothing else', () => {
    expect(CODES.filter((c) => at(tree, `problems.${c}`) === undefined)).toEqual([]);
    expect(CODES.filter((c) => placeholders(at(tree, `problems.${c}`) ?? '').join() !== [...PARAMS[c]].sort().join())).toEqual([]);
    expect(paths(tree.problems as Tree).filter((p) => !(p in PARAMS))).toEqual([]);
  });

  describe('worded by i18next', () => {
    const t = i18next.createInstance();
    beforeAll(() => t.init({ lng: locale, resources: { [locale]: { translation: strings } }, interpolation: { escapeValue: false } }));

    it('resolves every placeholder and names the kind and the prior', () => {
      for (const c of CODES) {
        const text = t.t(`problems.${c}`, { min: 1, max: 64, positions: 8, kind: 'vq', prior: 'ring' });
        expect(text, c).not.toMatch(/\{\{|\$t\(|problems\.|messages\.|variants\./);
      }
      for (const kind of MODEL_KINDS) expect(t.t('problems.kind.needsBernoulli', { kind })).toContain(at(tree, `messages.kinds.${kind}`));
      for (const prior of CODE_PRIORS) expect(t.t('problems.adversarial.priorNeeds2d', { prior })).toContain(at(tree, `variants.adversarial.priors.${prior}`));
      expect(t.t('problems.range', { min: 1000, max: 60000 })).toMatch(/1000.*60000/);
    });

    it('words a link field that a kind does not use with the kind\'s name', () => {
      for (const kind of MODEL_KINDS) expect(t.t('classroom.link.reason.unused', { kind })).toContain(at(tree, `messages.kinds.${kind}`));
    });
  });
});
