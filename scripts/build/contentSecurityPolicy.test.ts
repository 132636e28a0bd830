import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, ONLINE_MODEL_ORIGINS, withCspMeta } from './contentSecurityPolicy';

describe('content security policy', () => {
  const policy = contentSecurityPolicy();
  const directive = (name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

  it('allows only the site itself, WebAssembly compilation and blob workers', () => {
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(directive('worker-src')).toBe("worker-src 'self' blob:");
    expect(directive('img-src')).toBe("img-src 'self' data: blob:");
    expect(directive('style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive('object-src')).toBe("object-src 'none'");
  });

  it('never allows inline or evaluated scripts', () => {
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });

  it('connects only to itself and the explicitly requested online model host', () => {
    expect(directive('connect-src')).toBe(`connect-src 'self' ${ONLINE_MODEL_ORIGINS.join(' ')}`);
    for (const origin of ONLINE_MODEL_ORIGINS) expect(origin).toMatch(/^https:\/\/[a-z0-9.-]+$/);
  });
});

describe('withCspMeta', () => {
  it('puts the policy right after <meta charset>', () => {
    const html = withCspMeta('<head>\n    <meta charset="UTF-8" />\n    <script type="module" src="x.js"></script>', "default-src 'self'");
    expect(html).toBe(`<head>\n    <meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />\n    <script type="module" src="x.js"></script>`);
  });

  it('refuses a page without a charset to anchor on', () => {
    expect(() => withCspMeta('<head></head>')).toThrow(/meta charset/);
  });
});
