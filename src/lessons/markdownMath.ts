/**
 * A small markdown-it plugin for TeX math rendered with KaTeX:
 * - `$...$` inline (Pandoc's rule: no space just inside the dollars, no digit right after the
 *   closing one, so "$5 and $10" stays text);
 * - `$$...$$` display math, as a block of its own lines or inside a paragraph.
 * `\$` stays a literal dollar. KaTeX runs with trust off (no \href, \url, \html*), so math
 * cannot produce links or raw HTML; a TeX error shows the source in red instead of throwing.
 */
import katex from 'katex';
import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it';

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** Renders TeX to HTML; never throws (an unexpected KaTeX failure shows the escaped source). */
export function renderTex(tex: string, displayMode: boolean, escapeHtml: (s: string) => string): string {
  try {
    return katex.renderToString(tex, {
      displayMode,
      throwOnError: false,
      trust: false,
      strict: 'ignore',
      // Guards against links that try to make KaTeX build huge boxes or expand macros forever.
      maxSize: 20,
      maxExpand: 500,
    });
  } catch {
    return `<code class="math-error">${escapeHtml(tex)}</code>`;
  }
}

/** Index of the closing delimiter of math opened just before `from`, or -1. */
function findClose(src: string, from: number, end: number, display: boolean): number {
  for (let i = from; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c === BACKSLASH) {
      i++;
      continue;
    }
    if (c !== DOLLAR) continue;
    if (display) {
      if (src.charCodeAt(i + 1) === DOLLAR) return i;
      continue;
    }
    const closes = !isSpace(src.charCodeAt(i - 1)) && !(i + 1 < end && isDigit(src.charCodeAt(i + 1)));
    if (closes) return i;
  }
  return -1;
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const src = state.src;
  if (src.charCodeAt(start) !== DOLLAR) return false;
  const display = src.charCodeAt(start + 1) === DOLLAR;
  const open = display ? 2 : 1;
  const contentStart = start + open;
  if (contentStart >= state.posMax) return false;
  if (!display && isSpace(src.charCodeAt(contentStart))) return false;
  const close = findClose(src, contentStart, state.posMax, display);
  if (close < 0 || close === contentStart) return false;
  if (!silent) {
    const token = state.push('math_inline', 'math', 0);
    token.content = src.slice(contentStart, close);
    token.markup = display ? '$$' : '$';
    token.meta = { display };
  }
  state.pos = close + open;
  return true;
}

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  let pos = state.bMarks[startLine] + state.tShift[startLine];
  let max = state.eMarks[startLine];
  // Four spaces of indentation make a code block, not math.
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  if (pos + 2 > max || state.src.charCodeAt(pos) !== DOLLAR || state.src.charCodeAt(pos + 1) !== DOLLAR) {
    return false;
  }
  const firstLine = state.src.slice(pos + 2, max).trim();
  let content: string;
  let last = startLine;
  if (firstLine.length >= 2 && firstLine.endsWith('$$')) {
    content = firstLine.slice(0, -2);
  } else {
    let lastLine: string | undefined;
    while (lastLine === undefined) {
      last++;
      if (last >= endLine) return false; // never closed: leave it to the paragraph as text
      pos = state.bMarks[last] + state.tShift[last];
      max = state.eMarks[last];
      if (pos < max && state.sCount[last] < state.blkIndent) return false;
      const line = state.src.slice(pos, max).trim();
      if (line.endsWith('$$')) lastLine = line.slice(0, -2);
    }
    const middle = state.getLines(startLine + 1, last, state.tShift[startLine], false);
    content = [firstLine, middle, lastLine].filter((s) => s.trim() !== '').join('\n');
  }
  if (silent) return true;
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.content = content;
  token.markup = '$$';
  token.map = [startLine, last + 1];
  state.line = last + 1;
  return true;
}

/** markdown-it plugin: `md.use(markdownMath)`. */
export function markdownMath(md: MarkdownIt): void {
  const escape = md.utils.escapeHtml;
  md.inline.ruler.before('escape', 'math_inline', mathInline);
  md.block.ruler.before('fence', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules.math_inline = (tokens, idx) =>
    renderTex(tokens[idx].content, Boolean(tokens[idx].meta?.display), escape);
  md.renderer.rules.math_block = (tokens, idx) =>
    `<div class="math-display">${renderTex(tokens[idx].content, true, escape)}</div>\n`;
}
