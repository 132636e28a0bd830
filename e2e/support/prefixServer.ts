/**
 * A tiny static server that mounts a built site under a path prefix (`/cnn-playground/`), the way
 * GitHub Pages serves a project site: anything outside the prefix is a 404, so a URL that escapes the
 * sub-path fails loudly in the test.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface PrefixServer {
  /** e.g. `http://127.0.0.1:40123/cnn-playground/` */
  url: string;
  /** Paths requested outside the prefix (should stay empty). */
  outside: string[];
  close: () => Promise<void>;
}

/** Serves `root` at `http://127.0.0.1:<free port><prefix>`. */
export async function servePrefixed(root: string, prefix: string): Promise<PrefixServer> {
  const base = resolve(root);
  const outside: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0]);
      if (!path.startsWith(prefix)) {
        outside.push(path);
        res.writeHead(404).end('outside the sub-path');
        return;
      }
      let file = normalize(join(base, path.slice(prefix.length)));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': info.size });
      createReadStream(file).pipe(res);
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    outside,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
