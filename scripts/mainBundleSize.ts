/**
 * `npx tsx scripts/mainBundleSize.ts [--dist <folder>] [--json]`: the JavaScript a first visit runs on
 * the main thread before the app appears — every <script src> of the built index.html plus the chunks
 * Vite preloads for it (<link rel="modulepreload">, the entry's static imports) — gzip-compressed
 * (level 9), against the 200 KB budget. Without --dist it builds the app into a temporary folder first.
 * Lazy chunks, the training worker (tfjs) and the WebAssembly files load later and are not counted.
 * Exit code 1 when over budget.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The budget from issue 7: React + ReactDOM are ~66 KB of it; tfjs alone (~263 KB) would not fit. */
export const MAIN_BUNDLE_BUDGET_BYTES = 200 * 1024;

/** The site-relative paths of the scripts index.html runs or preloads, in document order, each once. */
export function initialScripts(html: string): string[] {
  const found: string[] = [];
  const tags = html.match(/<(script|link)\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];
    const url = tag.toLowerCase().startsWith('<script') ? attr('src') : attr('rel') === 'modulepreload' ? attr('href') : undefined;
    if (url && !/^[a-z]+:/i.test(url) && !url.startsWith('//') && !found.includes(url)) found.push(url);
  }
  return found;
}

/** A built file's path under `dist` for a URL of index.html (relative `./x`, or absolute under `base`). */
function fileOf(dist: string, url: string, base: string): string {
  const path = url.startsWith(base) ? url.slice(base.length) : url.replace(/^\.?\//, '');
  return join(dist, path.split(/[?#]/)[0]);
}

export interface MainBundleReport {
  files: { url: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
  budgetBytes: number;
}

/** Measures the initial main-thread JS of the build in `dist`, built with `base`. */
export async function measureMainBundle(dist: string, base = './'): Promise<MainBundleReport> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const files = await Promise.all(
    initialScripts(html).map(async (url) => {
      const bytes = await readFile(fileOf(dist, url, base));
      return { url, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    }),
  );
  const sum = (key: 'bytes' | 'gzipBytes') => files.reduce((s, f) => s + f[key], 0);
  return { files, bytes: sum('bytes'), gzipBytes: sum('gzipBytes'), budgetBytes: MAIN_BUNDLE_BUDGET_BYTES };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main(args: string[]): Promise<number> {
  const distFlag = args.indexOf('--dist');
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  let dist = distFlag >= 0 ? resolve(args[distFlag + 1] ?? '') : '';
  let temporary = '';
  const base = process.env.CNN_PLAYGROUND_BASE ?? './';
  if (!dist) {
    temporary = await mkdtemp(join(tmpdir(), 'cnn-main-bundle-'));
    dist = temporary;
    const { build } = await import('vite');
    await build({ root: repo, configFile: join(repo, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  }
  try {
    const report = await measureMainBundle(dist, base);
    if (args.includes('--json')) {
      console.log(JSON.stringify(report));
    } else {
      for (const f of report.files) console.log(`${f.url.padEnd(44)} ${kb(f.bytes).padStart(10)} ${kb(f.gzipBytes).padStart(10)} gzip`);
      console.log(`initial main-thread JS: ${kb(report.gzipBytes)} gzip (${kb(report.bytes)} raw); budget ${kb(report.budgetBytes)}`);
    }
    return report.gzipBytes <= report.budgetBytes ? 0 : 1;
  } finally {
    if (temporary) await rm(temporary, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(2);
    },
  );
}
