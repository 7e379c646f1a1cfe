/**
 * Transient store updates for canvas views (zustand README, "transient updates"): run a
 * callback with a slice of the store now and whenever that slice changes (by identity),
 * without re-rendering the component. Fast streams (codes, pixels) reach canvases this way.
 */
import { useEffect, useRef } from 'react';
import { useLab, type LabState } from '../state/store';

/** Calls `onChange(value, previous)` once on mount and after every change of `select(state)`. */
export function useLabEffect<T>(select: (s: LabState) => T, onChange: (value: T, previous: T | undefined) => void): void {
  // Latest callbacks in refs so callers may pass inline closures without re-subscribing.
  const selectRef = useRef(select);
  const onChangeRef = useRef(onChange);
  selectRef.current = select;
  onChangeRef.current = onChange;

  useEffect(() => {
    let last = selectRef.current(useLab.getState());
    onChangeRef.current(last, undefined);
    return useLab.subscribe((state) => {
      const next = selectRef.current(state);
      if (Object.is(next, last)) return;
      const previous = last;
      last = next;
      onChangeRef.current(next, previous);
    });
  }, []);
}
