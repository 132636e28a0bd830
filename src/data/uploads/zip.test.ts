import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { classFromPath, baseName } from './paths';
import { isZip, readZipEntries } from './zip';

describe('class folders from paths and zips', () => {
  it('the parent folder names the class', () => {
    expect(classFromPath('photos/cats/a.png')).toBe('cats');
    expect(classFromPath('cats\\b.jpg')).toBe('cats');
    expect(classFromPath('a.png')).toBeNull();
    expect(baseName('photos/cats/a.png')).toBe('a.png');
  });

  it('reads entries, skipping folders and hidden files', () => {
    const zip = zipSync({ 'cats/a.png': new Uint8Array([1, 2]), 'dogs/b.png': new Uint8Array([3]), 'dogs/.DS_Store': new Uint8Array([0]), '__MACOSX/dogs/._b.png': new Uint8Array([0]), 'empty/': new Uint8Array(0) });
    expect(isZip(zip)).toBe(true);
    const { entries, rejections } = readZipEntries('pets.zip', zip);
    expect(entries.map((e) => e.path)).toEqual(['cats/a.png', 'dogs/b.png']);
    expect(Array.from(entries[0].bytes)).toEqual([1, 2]);
    expect(rejections).toEqual([]);
  });

  it('reports a damaged zip as a whole', () => {
    const zip = zipSync({ 'cats/a.png': new Uint8Array(100).fill(1) });
    const { entries, rejections } = readZipEntries('broken.zip', zip.subarray(0, 30));
    expect(entries).toEqual([]);
    expect(rejections[0]).toMatchObject({ name: 'broken.zip', reason: 'zip-invalid' });
  });
});
