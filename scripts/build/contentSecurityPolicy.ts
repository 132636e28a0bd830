/**
 * The site's Content-Security-Policy, injected into the built index.html as a <meta http-equiv> (GitHub
 * Pages cannot send headers). Build only: the dev server's React refresh preamble is an inline script.
 *
 * What it allows, and why:
 * - scripts, styles, images, fonts, fetches only from the site itself;
 * - 'wasm-unsafe-eval': compiling tfjs' WebAssembly backend (no JS eval is allowed);
 * - worker-src blob:: tfjs may start helper workers from blobs;
 * - style 'unsafe-inline': React's style props (bar widths, chart colours);
 * - connect-src ONLINE_MODEL_ORIGINS: the one online model a user can explicitly ask for (the transfer
 *   panel's ImageNet MobileNet, src/engine/transfer/baseLoader.ts); nothing is fetched from it otherwise.
 * A same-origin worker gets its policy from its own response headers, not this meta tag; the e2e test
 * (e2e/deploy.spec.ts) watches every request, the worker's included.
 */
import type { Plugin } from 'vite';

/** Origins the page may fetch from besides itself: only on the user's explicit request. */
export const ONLINE_MODEL_ORIGINS = ['https://storage.googleapis.com'] as const;

/** The policy, one directive per entry. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  'img-src': ["'self'", 'data:', 'blob:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'", ...ONLINE_MODEL_ORIGINS],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; …` */
export function contentSecurityPolicy(directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * `html` with the policy's <meta> right after <meta charset> (before any script or style, so it covers
 * them all; the charset must stay within the first 1024 bytes).
 * @throws Error when the page has no <meta charset> to anchor on
 */
export function withCspMeta(html: string, policy = contentSecurityPolicy()): string {
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  if (!charset.test(html)) throw new Error('index.html needs a <meta charset> for the Content-Security-Policy to follow.');
  const content = policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return html.replace(charset, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${content}" />`);
}

/** Vite plugin: puts the policy into the built index.html (not the dev server's). */
export function cspMetaPlugin(policy = contentSecurityPolicy()): Plugin {
  return {
    name: 'cnn-playground:csp-meta',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => withCspMeta(html, policy) },
  };
}
