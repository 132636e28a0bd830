/**
 * The worker's origin policy, which a page's Content-Security-Policy meta tag cannot give it (a meta CSP
 * does not govern workers, and GitHub Pages sends no headers): every fetch in the worker goes to the
 * page's own origin, except the one opt-in pretrained base on the internet — ImageNet MobileNet v1,
 * fetched only when the user picks it. Any other URL is refused with a message saying why.
 */
import { engineError } from '../messages/index';
import { MOBILENET_URL } from './transfer/transferProtocol';

/** URL prefixes outside the page's origin that the worker may fetch: tfjs' model bucket, where MobileNet lives. */
export const OPT_IN_PREFIXES: readonly string[] = [new URL('../../', MOBILENET_URL).href];

/** True when the worker may fetch `url` (resolved against `origin`): same origin, data:/blob:, or an opt-in prefix. */
export function allowedUrl(url: string, origin: string): boolean {
  let u: URL;
  try {
    u = new URL(url, origin);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  if (u.origin === origin) return true;
  return OPT_IN_PREFIXES.some((prefix) => u.href.startsWith(prefix));
}

/**
 * Wraps `inner` so a request outside the policy rejects with UserMessage `engine.originRefused` before
 * anything leaves the worker.
 */
export function guardedFetch(inner: typeof fetch, origin: string): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!allowedUrl(url, origin)) return Promise.reject(engineError('engine.originRefused', { url, origin }));
    return inner(input, init);
  };
}
