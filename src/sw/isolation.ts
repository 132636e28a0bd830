/**
 * Cross-origin isolation for a host that cannot send headers (GitHub Pages): the service worker adds
 * COOP/COEP to every same-origin response it hands the page, as coi-serviceworker does, so the page
 * (and its workers) get SharedArrayBuffer, which tfjs' threaded WASM backend needs. Pure: used by the
 * service worker, the dev/preview servers (vite.config.ts) and the e2e servers.
 */

/** The two headers that make a document cross-origin isolated, plus CORP so that our own files may be embedded. */
export const CROSS_ORIGIN_ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  // require-corp, not credentialless: Safari knows only the former. Our one cross-origin fetch (the
  // opt-in MobileNet) is a CORS request, which require-corp allows.
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * `response` with the isolation headers added. Opaque and error responses pass through unchanged
 * (their headers cannot be read or set), as do responses that already carry them.
 */
export function withIsolationHeaders(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  if (response.headers.get('Cross-Origin-Embedder-Policy') === CROSS_ORIGIN_ISOLATION_HEADERS['Cross-Origin-Embedder-Policy']) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(CROSS_ORIGIN_ISOLATION_HEADERS)) headers.set(name, value);
  // 101/204/205/304 may not have a body; none of those reach a service worker's respondWith from our routes.
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
