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

/**
 * The content width and height (CSS px) of the element the ref is attached to. Its height must
 * come from CSS (not from its content), or a chart sized by it could only grow.
 */
export function useElementSize<T extends HTMLElement>(initialWidth: number, initialHeight: number) {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: initialWidth, height: initialHeight });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (!box || box.width <= 0 || box.height <= 0) return;
      const width = Math.floor(box.width);
      const height = Math.floor(box.height);
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, size.width, size.height] as const;
}
