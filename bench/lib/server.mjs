// A static file server for the benchmark, on 127.0.0.1 only. It serves the project root but only
// below the prefixes the pages use (the built dist/, the bench pages, the peers' packages), from
// memory, uncompressed (bytes over the wire are computed from the files, not from the loopback),
// with the caching a site would give: HTML revalidated on every visit, assets cached for an hour,
// so a returning visitor gets the libraries from the HTTP cache as on a real site.
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { URL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};
const ALLOWED = ['/dist/', '/bench/pages/', '/bench/node_modules/'];

/** Starts the server on a free loopback port; resolves to { base, stop(), fileFor(url) }. */
export async function startServer(root) {
  const cache = new Map();
  const fileFor = (url) => {
    const { pathname } = new URL(url, 'http://127.0.0.1');
    const path = normalize(decodeURIComponent(pathname));
    if (!ALLOWED.some((prefix) => path.startsWith(prefix))) return null;
    return join(root, path);
  };
  const server = createServer((request, response) => {
    const file = fileFor(request.url);
    let body = file && cache.get(file);
    if (file && !body) {
      try {
        if (statSync(file).isFile()) cache.set(file, (body = readFileSync(file)));
      } catch {
        body = undefined;
      }
    }
    if (!body) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, {
      'content-type': type,
      'content-length': body.length,
      'cache-control': type.startsWith('text/html') ? 'no-cache' : 'public, max-age=3600',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    base: `http://127.0.0.1:${port}`,
    fileFor,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}
