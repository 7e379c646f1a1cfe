import { useEffect, useRef, useState } from 'react';

/**
 * The content width (CSS px) of the element the returned ref is attached to, kept current by
 * a ResizeObserver, so SVG charts draw in real pixels and their text stays legible.
 */
export function useElementWidth<T extends HTMLElement>(initial = 480) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w !== undefined && w > 0) setWidth(Math.floor(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
