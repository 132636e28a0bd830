import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLOR_SHAPE_CLASS_NAMES } from '../../data/colorShapes';
import { TRANSLATED_CLASS_NAMES } from './classNames';

describe('class names in Japanese', () => {
  it('every named class of the bundled datasets has a Japanese name (digits need none)', () => {
    const fashion = JSON.parse(readFileSync('public/data/fashion-mnist/manifest.json', 'utf8')) as { classNames: string[] };
    for (const name of [...fashion.classNames, ...COLOR_SHAPE_CLASS_NAMES]) expect(TRANSLATED_CLASS_NAMES, name).toContain(name);
  });
});
