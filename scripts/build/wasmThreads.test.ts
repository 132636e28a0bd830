import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKEND_MODULE, patchThreadedMainScript } from './wasmThreads';

const backendFile = join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist', 'backend_wasm.js');

describe('patchThreadedMainScript', () => {
  it('matches the module bundlers take from tfjs-backend-wasm', () => {
    expect(BACKEND_MODULE.test(backendFile)).toBe(true);
    expect(BACKEND_MODULE.test('/x/node_modules/@tensorflow/tfjs-backend-wasm/dist/index.js')).toBe(false);
  });

  it('hands the pthreads the verbatim glue file instead of the factory\'s (minified) source text', () => {
    const patched = patchThreadedMainScript(readFileSync(backendFile, 'utf8'));
    expect(patched).not.toContain('wasmFactoryThreadedSimd.toString()');
    expect(patched).toMatch(/^import __cnnThreadedGlueUrl from '\.\.\/wasm-out\/tfjs-backend-wasm-threaded-simd\.js\?url';/);
    expect(patched).toContain('factoryConfig.mainScriptUrlOrBlob = new URL(__cnnThreadedGlueUrl, self.location.href).href;');
  });

  it('fails the build loudly when a tfjs upgrade changes the code it patches', () => {
    expect(() => patchThreadedMainScript('export const nothing = 1;')).toThrow(/update scripts\/build\/wasmThreads\.ts/);
  });
});
