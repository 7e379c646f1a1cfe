import { useEffect, useRef, useState } from 'react';

/**
 * Reads from the worker whenever `key` changes (another unit, digit or model step), at most once
 * every `intervalMs` and one read at a time: a change while a read runs waits for it, then the
 * latest key is read (a moving mouse asks for the unit under it now, not every unit it passed;
 * training asks about once per interval, not 30 times a second). `undefined` key: nothing to read.
 * Returns the latest answer with the key it answered, kept while the next one is on its way.
 */
export function useLatestRead<T>(key: string | undefined, read: () => Promise<T | undefined>, intervalMs: number): { value?: T; key?: string } {
  const [answer, setAnswer] = useState<{ value?: T; key?: string }>({});
  const latest = useRef({ key, read });
  latest.current = { key, read };
  const state = useRef({ running: false, pending: false, last: 0, timer: 0 as ReturnType<typeof setTimeout> | 0, alive: true });

  useEffect(() => {
    const s = state.current;
    s.alive = true;
    return () => {
      s.alive = false;
      if (s.timer) clearTimeout(s.timer);
      s.timer = 0;
    };
  }, []);

  useEffect(() => {
    const s = state.current;
    if (key === undefined) return;
    const start = async () => {
      s.timer = 0;
      s.running = true;
      s.pending = false;
      s.last = Date.now();
      const asked = latest.current.key;
      let answer: T | undefined;
      try {
        answer = await latest.current.read();
      } finally {
        s.running = false;
      }
      if (!s.alive) return;
      if (answer !== undefined && asked !== undefined) setAnswer({ value: answer, key: asked });
      if (s.pending || latest.current.key !== asked) schedule();
    };
    const schedule = () => {
      if (latest.current.key === undefined) return;
      if (s.running) {
        s.pending = true;
        return;
      }
      if (s.timer) return;
      s.timer = setTimeout(() => void start(), Math.max(0, s.last + intervalMs - Date.now()));
    };
    schedule();
  }, [key, intervalMs]);

  return key === undefined ? {} : answer;
}
