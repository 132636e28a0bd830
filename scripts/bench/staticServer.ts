/**
 * A tiny static file server on 127.0.0.1 (a free port) for the built app and bench page: fewer moving
 * parts than `vite preview`, and 127.0.0.1 is a secure context, so WebGPU and crypto.subtle work.
 * With a `prefix` it mounts the site under a sub-path the way GitHub Pages serves a project site
 * (e2e/deploy.spec.ts): anything outside it is a 404 and recorded in `outside`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** Content types by extension. The data shards (`.gz`) are served as bytes, never with Content-Encoding. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** One answered request: path under the prefix (query dropped), status and body bytes sent. */
export interface Transfer {
  readonly path: string;
  readonly status: number;
  readonly bytes: number;
}

/** A running server: its base URL (ending in `/`, the prefix included) and how to stop it. */
export interface StaticServer {
  readonly url: string;
  /** Paths requested outside the prefix (always empty without one). */
  readonly outside: string[];
  /** Every request answered, in order: what crossed the network (e2e/bytesOnce.spec.ts counts it). */
  readonly transfers: Transfer[];
  close(): Promise<void>;
}

/** How {@link serveStatic} serves. */
export interface ServeOptions {
  /** Mount under this sub-path (e.g. `/cnn-playground/`). */
  prefix?: string;
  /**
   * `no-store` (default: every request reaches the server, as the bench wants) or `github-pages`:
   * `Cache-Control: max-age=600` with an ETag and 304 answers, as GitHub Pages serves.
   */
  caching?: 'no-store' | 'github-pages';
  /** Extra headers on every answer (e.g. COOP/COEP for a cross-origin-isolated bench page). */
  headers?: Readonly<Record<string, string>>;
}

/**
 * The file under `root` that `urlPath` names (`index.html` for a folder), or null when the path
 * escapes `root`.
 */
export function resolveUnder(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const base = resolve(root);
  const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
  return file === base || file.startsWith(base + sep) ? file : null;
}

/** Serves `root` read-only on 127.0.0.1 at a free port, under `prefix` (e.g. `/cnn-playground/`) when given. */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const prefix = options.prefix ?? '/';
  const outside: string[] = [];
  const transfers: Transfer[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const urlPath = req.url ?? '/';
      if (!urlPath.startsWith(prefix)) {
        outside.push(urlPath.split(/[?#]/)[0]);
        res.writeHead(404, { 'content-type': 'text/plain' }).end('outside the sub-path');
        return;
      }
      let file = resolveUnder(root, `/${urlPath.slice(prefix.length)}`);
      if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(file ? 405 : 403).end();
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const path = urlPath.slice(prefix.length).split(/[?#]/)[0];
      const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      const pages = options.caching === 'github-pages';
      const common = { ...options.headers, ...(pages ? { 'cache-control': 'max-age=600', etag } : { 'cache-control': 'no-store' }) };
      if (pages && req.headers['if-none-match'] === etag) {
        transfers.push({ path, status: 304, bytes: 0 });
        res.writeHead(304, common).end();
        return;
      }
      res.writeHead(200, {
        ...common,
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
      });
      transfers.push({ path, status: 200, bytes: req.method === 'HEAD' ? 0 : info.size });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
      else res.destroy();
    });
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ready);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    outside,
    transfers,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
