/**
 * The sample files for static hosts (public/_headers for Netlify and Cloudflare Pages,
 * vercel.json, deploy/nginx.conf) send exactly the lab's security headers
 * (securityPolicy.ts), and the meta tag's policy is the header's without what a meta tag
 * cannot carry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, CSP_HEADER_VALUE, CSP_META_VALUE, SECURITY_HEADERS } from './securityPolicy';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** name -> value of every header a sample file sets. */
const HOST_FILES: Record<string, () => Record<string, string>> = {
  'public/_headers': () =>
    Object.fromEntries(
      read('public/_headers')
        .split('\n')
        .filter((line) => /^\s+\S+:/.test(line))
        .map((line) => {
          const at = line.indexOf(':');
          return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
        }),
    ),
  'vercel.json': () => {
    const config = JSON.parse(read('vercel.json')) as { headers: { source: string; headers: { key: string; value: string }[] }[] };
    const all = config.headers.find((h) => h.source === '/(.*)');
    return Object.fromEntries((all?.headers ?? []).map(({ key, value }) => [key, value]));
  },
  'deploy/nginx.conf': () => {
    const lines = [...read('deploy/nginx.conf').matchAll(/^ {4}add_header (\S+) "([^"]*)" always;$/gm)];
    return Object.fromEntries(lines.map((m) => [m[1], m[2]]));
  },
};

describe('the security headers for hosts', () => {
  it.each(Object.keys(HOST_FILES))('%s sends exactly the lab\'s headers', (file) => {
    expect(HOST_FILES[file]()).toEqual(SECURITY_HEADERS);
  });

  it('the policy allows only the lab\'s own origin for scripts, and wasm compilation, no eval', () => {
    expect(CSP_HEADER_VALUE).toContain("script-src 'self' 'wasm-unsafe-eval' blob:;");
    expect(CSP_HEADER_VALUE).not.toContain("'unsafe-eval'");
    expect(CSP_HEADER_VALUE).toContain("object-src 'none'");
  });

  it('the meta tag carries every directive but those browsers ignore there', () => {
    expect(CSP_META_VALUE).not.toContain('frame-ancestors');
    for (const [name, value] of CSP_DIRECTIVES.filter(([n]) => n !== 'frame-ancestors')) expect(CSP_META_VALUE).toContain(`${name} ${value}`);
  });
});
