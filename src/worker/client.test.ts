import { describe, expect, it } from 'vitest';
import { backendFromSearch, scatterSizeFromSearch } from './client';

describe('the page address options of the worker bridge', () => {
  it('?backend= names a backend, any case; anything else is no choice', () => {
    expect(backendFromSearch('?backend=WebGL')).toBe('webgl');
    expect(backendFromSearch('?backend=metal')).toBeUndefined();
    expect(backendFromSearch('')).toBeUndefined();
  });

  it('?scatter= sets the map\'s digits within 100 to 10,000; otherwise the default stands', () => {
    expect(scatterSizeFromSearch('?backend=webgpu&scatter=1000', 5000)).toBe(1000);
    expect(scatterSizeFromSearch('?scatter=100', 5000)).toBe(100);
    expect(scatterSizeFromSearch('?scatter=10000', 5000)).toBe(10_000);
    for (const bad of ['?scatter=99', '?scatter=10001', '?scatter=1e3x', '?scatter=2.5', '?scatter=', '?scatter=-1', '']) {
      expect(scatterSizeFromSearch(bad, 5000), bad).toBe(5000);
    }
  });
});
