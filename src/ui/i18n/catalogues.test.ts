import { describe, expect, it } from 'vitest';

const modules = import.meta.glob<Record<string, unknown>>('./*.ts', { eager: true });

describe('every feature catalogue in src/ui/i18n has the same keys in English and Japanese', () => {
  const catalogues = Object.entries(modules).flatMap(([file, mod]) =>
    Object.entries(mod)
      .filter(([, v]) => typeof v === 'object' && v !== null && 'en' in v && 'ja' in v)
      .map(([name, v]) => [`${file}:${name}`, v as { en: Record<string, string>; ja: Record<string, string> }] as const),
  );
  it.each(catalogues.length ? catalogues : [['none', { en: {}, ja: {} }] as const])('%s', (_name, c) => {
    expect(Object.keys(c.ja).sort()).toEqual(Object.keys(c.en).sort());
    for (const v of [...Object.values(c.en), ...Object.values(c.ja)]) expect(v.trim()).not.toBe('');
  });
});
