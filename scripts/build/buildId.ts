/**
 * Stamps each build with an id, `<meta name="cnn-build" content="…">` in index.html: the page shows it
 * (src/ui/update/BuildStamp.tsx), so a visitor and the update test (e2e/update.spec.ts) can tell which
 * deployment they are looking at. The id is derived from the bundle's file names, which carry content
 * hashes: the same sources give the same id, any change to the code gives a new one (and a new
 * index.html revision in the service worker's precache list). CNN_PLAYGROUND_BUILD_ID overrides it.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/** The meta tag's name. */
export const BUILD_ID_META = 'cnn-build';

/** A short id (12 hex digits) for a bundle, from its output file names in any order. */
export function bundleId(fileNames: readonly string[]): string {
  return createHash('sha256').update([...fileNames].sort().join('\n')).digest('hex').slice(0, 12);
}

/** The Vite plugin: in a build the bundle's id, in the dev server `dev`. */
export function buildIdPlugin(): Plugin {
  return {
    name: 'cnn-build-id',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => [{
        tag: 'meta',
        attrs: { name: BUILD_ID_META, content: process.env.CNN_PLAYGROUND_BUILD_ID ?? (ctx.bundle ? bundleId(Object.keys(ctx.bundle)) : 'dev') },
        injectTo: 'head',
      }],
    },
  };
}
