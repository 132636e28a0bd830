import { describe, expect, it } from 'vitest';

const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], { eager: true });

type Catalogue = { en: Record<string, string>; ja: Record<string, string> };

const isCatalogue = (v: unknown): v is Catalogue => typeof v === 'object' && v !== null && 'en' in v && 'ja' in v;

describe('every feature catalogue in src/ui/i18n has the same keys in English and Japanese', () => {
  const catalogues: [string, Catalogue][] = Object.entries(modules).flatMap(([file, mod]) =>
    Object.entries(mod).flatMap(([name, v]): [string, Catalogue][] => (isCatalogue(v) ? [[`${file}:${name}`, v]] : [])),
  );
  it('finds the catalogues', () => {
    expect(Array.isArray(catalogues)).toBe(true);
  });
  for (const [name, c] of catalogues) {
    it(name, () => {
      expect(Object.keys(c.ja).sort()).toEqual(Object.keys(c.en).sort());
      for (const v of [...Object.values(c.en), ...Object.values(c.ja)]) expect(String(v).trim()).not.toBe('');
    });
  }
});
