import { describe, expect, it } from 'vitest';
import { message } from '../core/messages';
import { MAX_NOTICES, withNotice, type Notice } from './noticeSlice';

const notice = (code: 'internal.unexpected' | 'storage.full', detail?: string): Notice => ({ type: 'error', kind: 'internal', message: message(code, {}, detail) });
const failed = (action: string): Notice => ({ type: 'error', kind: 'internal', message: message('internal.actionFailed', { action }) });

describe('withNotice', () => {
  it('collapses a repeat into one notice with a count, moved last', () => {
    let list = withNotice([], notice('internal.unexpected', 'a'));
    list = withNotice(list, notice('storage.full'));
    list = withNotice(list, notice('internal.unexpected', 'b'));
    expect(list.map((n) => [n.message.code, n.count ?? 1])).toEqual([
      ['storage.full', 1],
      ['internal.unexpected', 2],
    ]);
    // The latest detail is the one shown.
    expect(list[1].message.detail).toBe('b');
  });

  it('tells notices apart by their parameters', () => {
    const list = withNotice(withNotice([], failed('train')), failed('decode'));
    expect(list).toHaveLength(2);
  });

  it('keeps at most MAX_NOTICES, dropping the oldest', () => {
    const actions = ['train', 'pause', 'step', 'reset', 'decode', 'decodeGrid'];
    const list = actions.reduce<Notice[]>((l, a) => withNotice(l, failed(a)), []);
    expect(list).toHaveLength(MAX_NOTICES);
    expect(list.map((n) => (n.message.params as { action: string }).action)).toEqual(actions.slice(-MAX_NOTICES));
  });

  it('keeps the button of a repeat', () => {
    const list = withNotice(withNotice([], { ...notice('storage.full'), action: 'reload' }), notice('storage.full'));
    expect(list[0]).toMatchObject({ action: 'reload', count: 2 });
  });
});
