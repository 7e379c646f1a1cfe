/**
 * Lesson Markdown -> HTML, safely: markdown-it with raw HTML off (`<script>` and
 * `<img onerror>` come out as text), no linkify, markdown-it's own check that drops
 * javascript:/vbscript:/file: and non-image data: URLs, KaTeX with trust off for the math.
 * Every link gets rel="noopener noreferrer"; links that leave the page open in a new tab.
 * Pure (no DOM), so it runs in Node tests.
 */
import markdownIt, { type MarkdownIt } from 'markdown-it';
import { markdownMath } from './markdownMath';

let instance: MarkdownIt | undefined;

function markdown(): MarkdownIt {
  if (instance) return instance;
  const md = markdownIt('default', { html: false, linkify: false, typographer: false });
  md.use(markdownMath);
  const renderLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    token.attrSet('rel', 'noopener noreferrer');
    if (/^https?:/i.test(String(token.attrGet('href') ?? ''))) token.attrSet('target', '_blank');
    return renderLinkOpen(tokens, idx, options, env, self);
  };
  instance = md;
  return md;
}

/** A whole lesson body (blocks: paragraphs, lists, headings, display math). */
export function renderMarkdown(source: string): string {
  return markdown().render(source);
}

/** One line without a surrounding paragraph (a "try this" step, a claim sentence). */
export function renderMarkdownInline(source: string): string {
  return markdown().renderInline(source);
}
