/**
 * The page's error notices (components/Notices.tsx): what the worker, the bridge and the storage
 * layer must say out loud, each a worded code (core/messages.ts). A failure that repeats (the
 * same kind, code and parameters) is one notice with a count, moved to the end; at most
 * MAX_NOTICES are kept, the oldest dropped first, so a loop of failures cannot bury the page.
 */
import type { ErrorEvent } from '../worker/api';

/** What a notice's button does: reload the page, or start the lab again (labBridge.retry). */
export type NoticeAction = 'reload' | 'retry';

/** One notice: an error event, how many times it came, and the button it offers. */
export type Notice = ErrorEvent & { count?: number; action?: NoticeAction };

/** Notices kept on the page at once. */
export const MAX_NOTICES = 4;

const sameNotice = (a: Notice, b: Notice) =>
  a.kind === b.kind && a.message.code === b.message.code && JSON.stringify(a.message.params) === JSON.stringify(b.message.params);

/** `list` with `e` added: a repeat of a notice raises its count and moves it last; the oldest go beyond MAX_NOTICES. */
export function withNotice(list: readonly Notice[], e: Notice): Notice[] {
  const before = list.find((n) => sameNotice(n, e));
  const added: Notice = before ? { ...e, count: (before.count ?? 1) + 1, action: e.action ?? before.action } : e;
  const next = [...list.filter((n) => n !== before), added];
  return next.slice(Math.max(0, next.length - MAX_NOTICES));
}

export interface NoticeSlice {
  errors: Notice[];
  addError: (e: Notice) => void;
  dismissError: (index: number) => void;
  /** Drops every notice (a retried start begins with a clean page). */
  clearErrors: () => void;
}

type Set = (fn: (s: NoticeSlice) => Partial<NoticeSlice>) => void;

export const noticeSlice = (set: Set): NoticeSlice => ({
  errors: [],
  addError: (e) => set((s) => ({ errors: withNotice(s.errors, e) })),
  dismissError: (index) => set((s) => ({ errors: s.errors.filter((_, i) => i !== index) })),
  clearErrors: () => set(() => ({ errors: [] })),
});
