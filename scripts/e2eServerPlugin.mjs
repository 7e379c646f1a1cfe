// Switches the e2e server (`vite preview` under playwright.config.ts, LAB_E2E_SERVER=1) offers the
// browser tests of updates and server errors. They exist only in that server: no build and no
// real host has them.
// - any request with `e2e-status=<code>` in its query is answered with that HTTP status (a host
//   that fails: the service worker must open the cached app);
// - GET .../__e2e/next-version deploys a "next version": from then on sw.js is served changed
//   (a comment, and the page's entry chunk listed under another URL, so the new service worker
//   does not serve the code running in an open tab); .../__e2e/next-version?off=1 goes back.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** @returns {import('vite').Plugin} */
export function e2eServerPlugin() {
  let nextVersion = false;
  return {
    name: 'autoencoder-lab:e2e-server',
    configurePreviewServer(server) {
      const outDir = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const status = url.searchParams.get('e2e-status');
        if (status) {
          res.statusCode = Number(status);
          res.setHeader('content-type', 'text/plain');
          return res.end(`e2e server: answered ${status} on purpose`);
        }
        if (url.pathname.endsWith('/__e2e/next-version')) {
          nextVersion = !url.searchParams.has('off');
          res.setHeader('content-type', 'text/plain');
          return res.end(`next version ${nextVersion ? 'on' : 'off'}`);
        }
        if (nextVersion && url.pathname.endsWith('/sw.js')) {
          const html = readFileSync(join(outDir, 'index.html'), 'utf8');
          const entry = /src="\.\/(assets\/index-[^"]+\.js)"/.exec(html)?.[1];
          let sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
          if (entry) sw = sw.replace(`"url":"${entry}"`, `"url":"${entry}?v=next"`);
          res.setHeader('content-type', 'text/javascript');
          res.setHeader('cache-control', 'no-cache');
          return res.end(`${sw}\n// e2e: the next version\n`);
        }
        next();
      });
    },
  };
}
