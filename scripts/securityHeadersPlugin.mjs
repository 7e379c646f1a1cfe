// The lab's security headers in Vite (src/offline/securityPolicy.ts holds them): the built
// index.html gets the meta tag of the Content-Security-Policy, and `vite preview` (`npm run
// preview`, the e2e server) sends the headers with every file. The dev server sends none: Vite's
// hot reload injects inline scripts that a strict policy refuses.

/**
 * @param {{ headers: Record<string, string>, meta: string }} policy
 * @returns {import('vite').Plugin}
 */
export function securityHeadersPlugin({ headers, meta }) {
  return {
    name: 'autoencoder-lab:security-headers',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.server) return html;
        return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${meta}" />`);
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        next();
      });
    },
  };
}
