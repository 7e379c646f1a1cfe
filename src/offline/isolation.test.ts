import { describe, expect, it } from 'vitest';
import { isolationWhy, threadsFromSearch, type PageFacts } from './isolation';

const TOP: PageFacts = { isolated: false, inFrame: false, serviceWorkerExpected: true, controlled: false };

describe('isolationWhy', () => {
  it('is undefined for an isolated page, wherever it is', () => {
    expect(isolationWhy({ ...TOP, isolated: true })).toBeUndefined();
    expect(isolationWhy({ ...TOP, isolated: true, inFrame: true })).toBeUndefined();
  });

  it('names the frame first: a reload cannot isolate a frame', () => {
    expect(isolationWhy({ ...TOP, inFrame: true })).toBe('frame');
    expect(isolationWhy({ ...TOP, inFrame: true, controlled: true })).toBe('frame');
  });

  it('waits for the service worker on a first visit, else the headers are missing', () => {
    expect(isolationWhy(TOP)).toBe('firstVisit');
    expect(isolationWhy({ ...TOP, controlled: true })).toBe('noHeaders');
    expect(isolationWhy({ ...TOP, serviceWorkerExpected: false })).toBe('noHeaders');
  });
});

describe('threadsFromSearch', () => {
  it('reads a whole number of at least one', () => {
    expect(threadsFromSearch('?threads=1')).toBe(1);
    expect(threadsFromSearch('?backend=wasm&threads=4')).toBe(4);
    expect(threadsFromSearch('?threads=0')).toBeUndefined();
    expect(threadsFromSearch('?threads=two')).toBeUndefined();
    expect(threadsFromSearch('?threads=1.5')).toBeUndefined();
    expect(threadsFromSearch('')).toBeUndefined();
  });
});
