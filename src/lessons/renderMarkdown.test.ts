import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderMarkdownInline } from './renderMarkdown';

describe('renderMarkdown', () => {
  it('renders inline and display math with KaTeX', () => {
    const html = renderMarkdown('The code $z = f(x)$ has $k$ numbers.\n\n$$\n\\sum_{i=1}^{784} (x_i - \\hat x_i)^2\n$$\n');
    expect(html.match(/class="katex"/g)?.length).toBe(3);
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<div class="math-display">');
    expect(html).not.toContain('$');
    // KaTeX's MathML copy carries the TeX source for screen readers.
    expect(html).toContain('<annotation encoding="application/x-tex">z = f(x)</annotation>');
  });

  it('renders one-line and in-paragraph display math', () => {
    expect(renderMarkdown('$$a^2$$')).toContain('class="katex-display"');
    expect(renderMarkdown('so $$b^2$$ here')).toContain('class="katex-display"');
  });

  it('leaves prices, escaped dollars and unclosed math as text', () => {
    const prices = renderMarkdown('It costs $5 and $10.');
    expect(prices).not.toContain('katex');
    expect(prices).toContain('$5 and $10');
    expect(renderMarkdown('a \\$ sign')).toBe('<p>a $ sign</p>\n');
    expect(renderMarkdown('$$ never closed\n\ntext')).not.toContain('katex');
    expect(renderMarkdown('$ x$')).not.toContain('katex');
  });

  it('shows a TeX error in place instead of throwing', () => {
    const html = renderMarkdown('bad $\\frac{1}{$ and $\\undefinedmacro$');
    expect(html).toContain('katex-error');
  });

  it('escapes raw HTML in text and in math', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\nhi <img src=x onerror="alert(2)"> <b onclick=alert(3)>b</b>\n\n$<script>alert(4)</script>$\n\n$$\n<img src=x onerror=alert(5)>\n$$\n',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b /i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    // No real tag carries an event handler (escaped text has &lt;, not <).
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  });

  it('drops script URLs and KaTeX links', () => {
    const html = renderMarkdown(
      '[a](javascript:alert(1)) [b](vbscript:x) [c](data:text/html;base64,PHNjcmlwdD4=) $\\href{javascript:alert(1)}{x}$ $\\url{javascript:alert(2)}$',
    );
    expect(html).not.toMatch(/href="(javascript|vbscript|data):/i);
    expect(html).not.toMatch(/<a\s/);
  });

  it('gives links rel="noopener" and opens external ones in a new tab', () => {
    const html = renderMarkdown('See [the paper](https://www.science.org/doi/10.1126/science.1127647) and [lesson 2](#lesson=pca-vs-deep).');
    expect(html).toContain(
      '<a href="https://www.science.org/doi/10.1126/science.1127647" rel="noopener noreferrer" target="_blank">the paper</a>',
    );
    expect(html).toContain('<a href="#lesson=pca-vs-deep" rel="noopener noreferrer">lesson 2</a>');
  });

  it('does not turn bare URLs into links', () => {
    expect(renderMarkdown('www.example.com and https://example.com')).not.toMatch(/<a\s/);
  });

  it('renders inline Markdown without a paragraph', () => {
    expect(renderMarkdownInline('Press **Train**, watch $\\hat x$.')).toMatch(/^Press <strong>Train<\/strong>, watch <span class="katex">/);
  });
});
