import { describe, expect, it } from 'vitest';
import { classOfItem, itemsFromPaths, planLayout, resolveClass, safeSegments, zipItem, type LayoutItem } from './layout';

const summary = (items: LayoutItem[], existing: { name: string }[] = []) =>
  planLayout(items, existing).options.map((o) => ({ kind: o.kind, classes: o.classes.map((c) => `${c.name}:${c.count}/${c.subfolders}${c.joins ? '+' : ''}`), loose: o.loose }));

describe('class layout of a batch', () => {
  it('the top-level folder under the picked folder is the class; student sub-folders are just folders', () => {
    const paths = ['apples', 'bananas', 'grapes'].flatMap((fruit) => ['alice', 'bob'].flatMap((s) => [1, 2].map((i) => `fruit/${fruit}/${s}/${i}.jpg`)));
    const plan = planLayout(itemsFromPaths(paths), []);
    expect(plan.recommended).toBe('top');
    expect(summary(itemsFromPaths(paths))).toEqual([
      { kind: 'top', classes: ['apples:4/2', 'bananas:4/2', 'grapes:4/2'], loose: 0 },
      { kind: 'deeper', classes: ['alice:6/0', 'bob:6/0'], loose: 0 },
      { kind: 'root', classes: ['fruit:12/0'], loose: 0 },
    ]);
  });

  it('a flat folder is its own class; several dropped folders are each a class; loose files have none', () => {
    expect(summary(itemsFromPaths(['cats/a.png', 'cats/b.png']))).toEqual([{ kind: 'top', classes: ['cats:2/0'], loose: 0 }]);
    expect(summary(itemsFromPaths(['cats/a.png', 'dogs/b.png', 'c.png']))).toEqual([{ kind: 'top', classes: ['cats:1/0', 'dogs:1/0'], loose: 1 }]);
    expect(summary(itemsFromPaths(['a.png', 'b.png']))).toEqual([{ kind: 'top', classes: [], loose: 2 }]);
  });

  it('a zip of one wrapper folder recommends the folders inside it; files at a zip root are loose', () => {
    const items = ['fruit/apples/1.jpg', 'fruit/bananas/2.jpg', 'x.jpg'].map((p) => zipItem('photos/fruit.zip', p));
    const plan = planLayout(items, []);
    expect(plan.recommended).toBe('deeper');
    expect(summary(items)).toEqual([
      { kind: 'top', classes: ['fruit:2/2'], loose: 1 },
      { kind: 'deeper', classes: ['apples:1/0', 'bananas:1/0'], loose: 1 },
      { kind: 'root', classes: ['fruit:3/0'], loose: 0 },
    ]);
  });

  it('drive letters, absolute paths and .. never become classes', () => {
    expect(safeSegments('C:\\Windows\\evil.jpg')).toEqual(['evil.jpg']);
    expect(safeSegments('/etc/x.png')).toEqual(['x.png']);
    expect(safeSegments('a/../../b/c.png')).toEqual(['c.png']);
    expect(safeSegments('\\\\server\\share\\d.png')).toEqual(['d.png']);
    expect(classOfItem(zipItem('z.zip', 'C:\\Windows\\evil.jpg'), 'top')).toBeNull();
    expect(safeSegments('./cats//a.png')).toEqual(['cats', 'a.png']);
  });

  it('NFC and NFD spellings and a trailing space are the same class; case differences are collisions to decide', () => {
    const items = ['Café/1.png', 'Cafe\u0301/2.png', 'cats /3.png', 'cats/4.png', 'Cats/5.png', 'dogs/6.png'].map((p) => zipItem('z.zip', p));
    const [top] = planLayout(items, [{ name: 'DOGS' }]).options;
    expect(top.classes.map((c) => `${c.name}:${c.count}`)).toEqual(['Café:2', 'cats:2', 'Cats:1', 'dogs:1']);
    expect(top.collisions).toEqual([
      { key: 'cats', names: ['cats', 'Cats'], existing: null, keep: 'cats' },
      { key: 'dogs', names: ['dogs'], existing: 'DOGS', keep: 'DOGS' },
    ]);
    const resolve = (d: Record<string, 'merge' | 'skip'>) => items.map((i) => resolveClass(i, top, d));
    expect(resolve({ cats: 'merge', dogs: 'merge' })).toEqual(['Café', 'Café', 'cats', 'cats', 'cats', 'DOGS']);
    expect(resolve({ cats: 'skip', dogs: 'skip' })).toEqual(['Café', 'Café', 'cats', 'cats', 'skip', 'skip']);
  });

  it('an exact existing name is joined; long names are kept whole so they stay apart', () => {
    const long = (end: string) => `${'x'.repeat(56)}${end}`;
    const items = itemsFromPaths([`p/${long('ab')}/1.png`, `p/${long('cd')}/2.png`, 'p/cats/3.png']);
    const [top] = planLayout(items, [{ name: 'cats' }]).options;
    expect(top.classes.map((c) => [c.name.length, c.joins])).toEqual([[4, 'cats'], [58, null], [58, null]]);
    expect(top.collisions).toEqual([]);
  });
});
