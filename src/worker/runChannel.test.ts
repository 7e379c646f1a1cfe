import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../core/config';
import type { LabEvent } from './api';
import { RunChannel } from './runChannel';

const counters = { config: DEFAULT_CONFIG, step: 0, epoch: 0, samplesSeen: 0 };

describe('RunChannel', () => {
  it('announces each run first, stamps its events, and keeps a pinned answer on the run that asked', () => {
    const seen: LabEvent[] = [];
    const channel = new RunChannel();
    channel.subscribe((e) => seen.push(e));
    channel.begin({ runId: 3, cause: 'configure' }, counters);
    channel.emit({ type: 'status', state: 'idle' });
    const pcaAnswer = channel.pin();
    channel.begin({ runId: 4, cause: 'reset' }, counters);
    channel.emit({ type: 'status', state: 'idle' });
    pcaAnswer({ type: 'pcaBaseline', codeSize: 2, testSquaredError: 40, testLoss: 0.2 });
    channel.post({ type: 'backend', report: { chosen: 'wasm', forced: false, candidates: [] } });
    expect(seen.map((e) => [e.type, 'runId' in e ? e.runId : '-'])).toEqual([
      ['run', 3],
      ['status', 3],
      ['run', 4],
      ['status', 4],
      ['pcaBaseline', 3],
      ['backend', '-'],
    ]);
    expect(seen[2]).toMatchObject({ type: 'run', runId: 4, cause: 'reset', config: DEFAULT_CONFIG, step: 0 });
  });

  it('a request older than the run in progress is stale', () => {
    const channel = new RunChannel();
    expect(channel.stale({ runId: 1, cause: 'configure' })).toBe(false);
    channel.begin({ runId: 5, cause: 'configure' }, counters);
    expect(channel.stale({ runId: 4, cause: 'restore' })).toBe(true);
    expect(channel.stale({ runId: 5, cause: 'reset' })).toBe(true);
    expect(channel.stale({ runId: 6, cause: 'reset' })).toBe(false);
  });
});
