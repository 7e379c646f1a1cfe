import 'katex/dist/katex.min.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { renderTex } from '../../lessons/markdownMath';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * TeX the page builds from numbers (never from a link or a file), rendered by KaTeX with trust
 * off. A display formula wider than its column scrolls sideways, and only then takes the
 * keyboard focus (a scrollable region a keyboard cannot reach is an accessibility fault; one
 * that does not scroll would be a needless tab stop).
 */
export function Tex({ tex, display = false, testId }: { tex: string; display?: boolean; testId?: string }) {
  const html = useMemo(() => renderTex(tex, display, escapeHtml), [tex, display]);
  const ref = useRef<HTMLSpanElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!display || !el) return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [display, html]);
  return (
    <span
      ref={ref}
      className={display ? 'math-tex math-tex--display' : 'math-tex'}
      data-testid={testId}
      tabIndex={scrolls ? 0 : undefined}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/** A number as TeX writes it: 4 significant digits, an exponent as × 10^k. */
export function texNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '\\mathrm{NaN}' : x > 0 ? '\\infty' : '-\\infty';
  const s = String(Number(x.toPrecision(digits)));
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(s);
  return m ? `${m[1]} \\times 10^{${Number(m[2])}}` : s;
}
