import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { initialScripts, measureMainBundle } from './mainBundleSize';

const HTML = `<!doctype html><html><head>
<script type="module" crossorigin src="./assets/index-a.js"></script>
<link rel="modulepreload" crossorigin href="./assets/react-b.js">
<link rel="stylesheet" href="./assets/index.css">
<link rel="manifest" href="./manifest.webmanifest"><script id="vite-plugin-pwa:register-sw" src="./registerSW.js"></script>
<script src="https://cdn.example.com/x.js"></script>
</head></html>`;

describe('main bundle size', () => {
  it('counts the entry, its preloaded static imports and other same-site scripts, not styles or other origins', () => {
    expect(initialScripts(HTML)).toEqual(['./assets/index-a.js', './assets/react-b.js', './registerSW.js']);
  });

  it('sums gzip sizes of the files under a relative or an absolute base', async () => {
    const dist = await mkdtemp(join(tmpdir(), 'main-bundle-test-'));
    try {
      await mkdir(join(dist, 'assets'));
      const a = 'console.log("a");'.repeat(50);
      await writeFile(join(dist, 'index.html'), '<script type="module" src="/cnn-playground/assets/a.js"></script>');
      await writeFile(join(dist, 'assets', 'a.js'), a);
      const report = await measureMainBundle(dist, '/cnn-playground/');
      expect(report.files).toEqual([{ url: '/cnn-playground/assets/a.js', bytes: a.length, gzipBytes: gzipSync(a, { level: 9 }).length }]);
      expect(report.gzipBytes).toBeLessThan(report.bytes);
      expect(report.budgetBytes).toBe(200 * 1024);
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  });
});
