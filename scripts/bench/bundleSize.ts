/**
 * Sizes of the app build for the report: the initial main-thread JS as scripts/mainBundleSize.ts
 * measures it for the bundle budget (every <script src> and modulepreload of index.html, gzip level 9),
 * the initial CSS, and the worker chunks, which load after the page starts and are listed apart.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureMainBundle } from '../mainBundleSize';
import type { BundleFile, BundleReport } from './schema';

/** The site-relative URLs of index.html's stylesheets. */
export function initialStylesheets(html: string): string[] {
  const tags = html.match(/<link\b[^>]*>/gi) ?? [];
  return tags
    .filter((t) => /\srel="stylesheet"/i.test(t))
    .map((t) => /\shref="([^"]*)"/i.exec(t)?.[1])
    .filter((u): u is string => u !== undefined && !/^[a-z]+:|^\/\//i.test(u));
}

/** Worker chunks as Vite names them (`<name>.worker-<hash>.js`). */
export const WORKER_CHUNK = /\.worker-[\w-]+\.m?js$/;

async function measure(dir: string, file: string): Promise<BundleFile> {
  const bytes = await readFile(join(dir, file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/** Sizes of the app build in `dir` (built with base `./`). */
export async function bundleReport(dir: string): Promise<BundleReport> {
  const main = await measureMainBundle(dir, './');
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const css = await Promise.all(initialStylesheets(html).map((u) => measure(dir, u.replace(/^\.?\//, ''))));
  const workers = (await readdir(join(dir, 'assets'))).filter((f) => WORKER_CHUNK.test(f)).sort();
  return {
    initialJsGzipBytes: main.gzipBytes,
    initialJsBytes: main.bytes,
    initialJs: main.files.map((f) => ({ file: f.url, bytes: f.bytes, gzipBytes: f.gzipBytes })),
    initialCssGzipBytes: css.reduce((s, f) => s + f.gzipBytes, 0),
    workerJs: await Promise.all(workers.map((f) => measure(dir, `assets/${f}`))),
  };
}
