/**
 * Makes tfjs' threaded SIMD WebAssembly build work in a minified bundle.
 *
 * tfjs-backend-wasm 4.22 starts its pthread workers with a Blob of
 * `"var WasmBackendModuleThreadedSimd = " + wasmFactoryThreadedSimd.toString()`: the factory's own source
 * text, which each worker evaluates. After minification that text refers to names of the enclosing
 * bundle (`_scriptDir` becomes `e`, …) that do not exist in the worker, and every pthread dies with
 * "ReferenceError: e is not defined" (seen in Chromium with the production build). Instead we hand the
 * workers the Emscripten glue file itself, copied verbatim next to the bundle as an asset: the same code
 * the bundle holds, unminified and self-contained.
 */
import type { Plugin } from 'vite';

/** The module of tfjs-backend-wasm that creates the Blob (its ES build, which bundlers use). */
export const BACKEND_MODULE = /[\\/]@tensorflow[\\/]tfjs-backend-wasm[\\/]dist[\\/]backend_wasm\.js$/;

/** The expression tfjs 4.22 assigns to `factoryConfig.mainScriptUrlOrBlob`. */
const BLOB_OF_SOURCE = /new Blob\(\[\s*`var WasmBackendModuleThreadedSimd = `\s*\+\s*wasmFactoryThreadedSimd\.toString\(\)\s*\],\s*\{\s*type:\s*'text\/javascript'\s*\}\)/;

/** The unminified glue, relative to BACKEND_MODULE. */
const GLUE = '../wasm-out/tfjs-backend-wasm-threaded-simd.js?url';

/**
 * `code` (the text of BACKEND_MODULE) with the pthread script pointed at the copied glue file.
 * @throws Error when the expected expression is missing (a tfjs upgrade changed it: check the threaded
 *   build again before adapting the pattern)
 */
export function patchThreadedMainScript(code: string): string {
  if (!BLOB_OF_SOURCE.test(code)) {
    throw new Error('tfjs-backend-wasm no longer builds its pthread script from wasmFactoryThreadedSimd.toString(); update scripts/build/wasmThreads.ts');
  }
  // An absolute URL: the pthread workers run from blob: URLs, against which a relative one means nothing.
  const url = 'new URL(__cnnThreadedGlueUrl, self.location.href).href';
  return `import __cnnThreadedGlueUrl from '${GLUE}';\n${code.replace(BLOB_OF_SOURCE, url)}`;
}

/** Vite plugin (build only: the dev server pre-bundles tfjs unminified, where the Blob works). */
export function wasmThreadsPlugin(): Plugin {
  return {
    name: 'cnn-playground:wasm-threads',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!BACKEND_MODULE.test(id.split('?')[0])) return null;
      return { code: patchThreadedMainScript(code), map: null };
    },
  };
}
