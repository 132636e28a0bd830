import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveUnder, serveStatic, type StaticServer } from './staticServer';

describe('resolveUnder', () => {
  it('maps URL paths into the root and folders to index.html', () => {
    expect(resolveUnder('/srv', '/app/index.js?x=1')).toBe('/srv/app/index.js');
    expect(resolveUnder('/srv', '/bench/')).toBe('/srv/bench/index.html');
  });

  it('refuses paths that leave the root', () => {
    expect(resolveUnder('/srv', '/../etc/passwd')).toBeNull();
    expect(resolveUnder('/srv', '/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveUnder('/srv', '/a/%00')).toBeNull();
  });
});

describe('serveStatic', () => {
  let root = '';
  let server: StaticServer;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'bench-static-'));
    await mkdir(join(root, 'data'));
    await writeFile(join(root, 'index.html'), '<p>hi</p>');
    await writeFile(join(root, 'm.wasm'), new Uint8Array([0, 97, 115, 109]));
    await writeFile(join(root, 'data', 'shard.u8.gz'), new Uint8Array([0x1f, 0x8b, 8]));
    server = await serveStatic(root);
  });
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves files on 127.0.0.1 with their content types, gzip shards as plain bytes', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const html = await fetch(server.url);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toBe('<p>hi</p>');
    expect((await fetch(`${server.url}m.wasm`)).headers.get('content-type')).toBe('application/wasm');
    const shard = await fetch(`${server.url}data/shard.u8.gz`);
    expect(shard.headers.get('content-encoding')).toBeNull();
    expect(new Uint8Array(await shard.arrayBuffer())).toEqual(new Uint8Array([0x1f, 0x8b, 8]));
  });

  it('answers 404 for a missing file', async () => {
    expect((await fetch(`${server.url}nope.js`)).status).toBe(404);
  });
});
