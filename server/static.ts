/**
 * Serves the built client (client/dist) with sirv: files as they are (MIME types, ETag, 304,
 * ranges), unknown paths without an extension fall back to index.html (client-side routes).
 * Vite's content-hashed assets are cached for a year, everything else is revalidated.
 * When the client has not been built, / answers a short page saying so.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Client not built</title></head>
<body>
<h1>The client is not built</h1>
<p>The GraphQL API runs at <a href="/graphql">/graphql</a> (the schema is at <a href="/schema.graphql">/schema.graphql</a>).
Build the explorer with <code>npm run build:client</code> and reload.</p>
</body></html>`;

function notFound(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
}

export function createStaticHandler(clientDir: string | undefined) {
  const root = clientDir ? resolve(clientDir) : undefined;
  const built = root !== undefined && existsSync(join(root, 'index.html'));
  const serve = built
    ? sirv(root, {
        single: true,
        etag: true,
        onNoMatch: notFound,
        setHeaders(res, pathname) {
          // Vite puts content-hashed files under assets/: they never change under the same name.
          res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      })
    : undefined;

  // The third argument (the path, older callers pass it) is read from req.url instead.
  return function serveStatic(req: IncomingMessage, res: ServerResponse, _path?: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
      return;
    }
    if (serve) {
      serve(req, res);
      return;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(req.method === 'HEAD' ? undefined : NOT_BUILT);
    } else {
      notFound(req, res);
    }
  };
}
