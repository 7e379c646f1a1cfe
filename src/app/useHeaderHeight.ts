import { useEffect, type RefObject } from 'react';

/**
 * Publishes the sticky header's height as the CSS variable --header-height on <html>, so the
 * sticky lesson panel starts just below it whether the header takes one line or wraps to two.
 */
export function useHeaderHeight(header: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = header.current;
    if (!el) return undefined;
    const root = document.documentElement;
    const update = () => root.style.setProperty('--header-height', `${Math.ceil(el.getBoundingClientRect().height)}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [header]);
}
