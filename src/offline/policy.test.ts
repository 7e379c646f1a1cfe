import { describe, expect, it } from 'vitest';
import { isAppShell, isServesQuery, isServesReply, isSkipWaiting, REVISION_PARAM, withoutRevision } from './policy';

describe('withoutRevision', () => {
  it("drops Workbox's revision parameter and keeps every other part of the URL", () => {
    expect(withoutRevision(`https://host/lab/data/train-images.idx.gz?${REVISION_PARAM}=4a48d7`)).toBe(
      'https://host/lab/data/train-images.idx.gz',
    );
    expect(withoutRevision(`https://host/lab/index.html?v=2&${REVISION_PARAM}=61d3#top`)).toBe('https://host/lab/index.html?v=2#top');
  });

  it('leaves a key without a revision as it is', () => {
    expect(withoutRevision('https://host/lab/assets/index-5WnMfqWv.js')).toBe('https://host/lab/assets/index-5WnMfqWv.js');
  });
});

describe('isAppShell', () => {
  const scope = 'https://host/courses/ml/lab/';

  it('is the scope and its index.html, with any query and hash', () => {
    expect(isAppShell('https://host/courses/ml/lab/', scope)).toBe(true);
    expect(isAppShell('https://host/courses/ml/lab/?backend=wasm', scope)).toBe(true);
    expect(isAppShell('https://host/courses/ml/lab/index.html#v=1&lesson=pca', scope)).toBe(true);
  });

  it('is not another page under the scope, a page outside it, or another origin', () => {
    expect(isAppShell('https://host/courses/ml/lab/data/manifest.json', scope)).toBe(false);
    expect(isAppShell('https://host/courses/ml/lab/bench/engines.html', scope)).toBe(false);
    expect(isAppShell('https://host/courses/ml/', scope)).toBe(false);
    expect(isAppShell('https://host/courses/ml/lab', scope)).toBe(false);
    expect(isAppShell('https://other/courses/ml/lab/', scope)).toBe(false);
  });

  it('works at the root of a host', () => {
    expect(isAppShell('http://localhost:4173/?backend=wasm', 'http://localhost:4173/')).toBe(true);
    expect(isAppShell('http://localhost:4173/sw.js', 'http://localhost:4173/')).toBe(false);
  });
});

describe('message guards', () => {
  it('accept the messages of the protocol and nothing else', () => {
    expect(isServesQuery({ type: 'autoencoder-lab/serves', url: 'https://host/lab/assets/a.js' })).toBe(true);
    expect(isServesQuery({ type: 'autoencoder-lab/serves' })).toBe(false);
    expect(isServesQuery({ type: 'SKIP_WAITING' })).toBe(false);
    expect(isServesQuery(null)).toBe(false);
    expect(isServesQuery('autoencoder-lab/serves')).toBe(false);
    expect(isServesReply({ type: 'autoencoder-lab/serves-reply', serves: false })).toBe(true);
    expect(isServesReply({ type: 'autoencoder-lab/serves-reply', serves: 'no' })).toBe(false);
    expect(isServesReply(undefined)).toBe(false);
    // Only the page's own ask lets a waiting version take over (a reader's choice, never Workbox's generic message).
    expect(isSkipWaiting({ type: 'autoencoder-lab/skip-waiting' })).toBe(true);
    expect(isSkipWaiting({ type: 'SKIP_WAITING' })).toBe(false);
    expect(isSkipWaiting(null)).toBe(false);
  });
});
