import { describe, expect, it } from 'vitest';
import { CROSS_ORIGIN_ISOLATION_HEADERS, withIsolationHeaders } from './isolation';

describe('withIsolationHeaders', () => {
  it('adds COOP, COEP and CORP, keeping status, body and the other headers', async () => {
    const r = withIsolationHeaders(new Response('shard', { status: 200, statusText: 'OK', headers: { 'content-type': 'application/octet-stream' } }));
    expect(r.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(r.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(r.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
    expect(r.headers.get('content-type')).toBe('application/octet-stream');
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('shard');
  });

  it('leaves an error response and an already isolated one as they are', () => {
    const error = Response.error();
    expect(withIsolationHeaders(error)).toBe(error);
    const done = new Response('x', { headers: CROSS_ORIGIN_ISOLATION_HEADERS });
    expect(withIsolationHeaders(done)).toBe(done);
  });
});
