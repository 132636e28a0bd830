import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bytesSource } from './byteSource';
import { encodeCp437 } from './cp437';
import { testZip } from './testing/zipBytes';
import { isZip, listZipFiles } from './zip';
import { readZipDirectory } from './zipDirectory';
import { ZipEntryError, readZipEntry } from './zipEntry';
import { decodeZipName } from './zipNames';

const bytes = (n: number, v = 7) => new Uint8Array(n).fill(v);
const sjis = (text: string) => {
  // Shift_JIS bytes of the few characters the tests use (Node has a decoder but no encoder).
  const table: Record<string, number[]> = { ね: [0x82, 0xcb], こ: [0x82, 0xb1], い: [0x82, 0xa2], ぬ: [0x82, 0xca], 写: [0x8e, 0xca], 真: [0x90, 0x5e] };
  return Uint8Array.from([...text].flatMap((c) => table[c] ?? [c.charCodeAt(0)]));
};

async function names(zip: Uint8Array): Promise<string[]> {
  return (await listZipFiles('z.zip', bytesSource(zip))).files.map((f) => f.path);
}

describe('zip names', () => {
  it('UTF-8 with the flag (Python zipfile, 7-Zip), without it (Info-ZIP zip -r), CP932 (Japanese Explorer) and CP437 (DOS, western Windows), all NFC', async () => {
    const python = testZip([{ name: 'Café/ねこ.png', data: bytes(3) }]);
    const infoZip = testZip([{ name: 'Café/a.png', data: bytes(3), utf8Flag: false }, { name: 'ねこ/b.png', data: bytes(3), utf8Flag: false }]);
    const windowsJa = testZip([{ name: sjis('ねこ/写真.png'), data: bytes(3) }, { name: sjis('いぬ/a.png'), data: bytes(3) }]);
    const dos = testZip([{ name: encodeCp437('Café/CAFÉS/ß.png'), data: bytes(3) }]);
    const macNfd = testZip([{ name: 'Cafe\u0301/a.png', data: bytes(3) }]);
    expect(await names(python)).toEqual(['Café/ねこ.png']);
    expect(await names(infoZip)).toEqual(['Café/a.png', 'ねこ/b.png']);
    expect(await names(windowsJa)).toEqual(['ねこ/写真.png', 'いぬ/a.png']);
    expect(await names(dos)).toEqual(['Café/CAFÉS/ß.png']);
    expect(await names(macNfd)).toEqual(['Café/a.png']);
    expect((await readZipDirectory(bytesSource(windowsJa))).entries[0].encoding).toBe('cp932');
  });

  it('a CP437 name that happens to be valid CP932 is not read as Japanese', () => {
    // "Cafés" in CP437: 0x82 0x73 is also CP932 for a full-width "Ｔ"; "Crème" (0x8A 0x6D) and "Über" (0x9A 0x62) are CP932 kanji.
    for (const name of ['Cafés', 'Crème', 'Über', 'Ça va']) expect(decodeZipName(encodeCp437(name), false)).toEqual({ name, encoding: 'cp437' });
    // Katakana names read as CP437 would be accented letters too ("âlâR"): they stay Japanese.
    expect(decodeZipName(Uint8Array.from([0x83, 0x6c, 0x83, 0x52]), false).name).toBe('ネコ');
    expect(decodeZipName(sjis('ねこ'), false)).toEqual({ name: 'ねこ', encoding: 'cp932' });
  });

  it('fflate-written archives (UTF-8 flag) round-trip', async () => {
    const zip = zipSync({ 'cats/a.png': bytes(2, 1), 'dogs/b.png': bytes(1, 3), 'dogs/.DS_Store': bytes(1), '__MACOSX/dogs/._b.png': bytes(1), 'empty/': new Uint8Array(0) });
    expect(isZip(zip)).toBe(true);
    const { files, rejections } = await listZipFiles('pets.zip', bytesSource(zip));
    expect(files.map((f) => f.path)).toEqual(['cats/a.png', 'dogs/b.png']);
    expect(Array.from(await readZipEntry(bytesSource(zip), files[0]))).toEqual([1, 1]);
    expect(rejections).toEqual([]);
  });
});

describe('zip edge cases', () => {
  const list = (zip: Uint8Array) => listZipFiles('x.zip', bytesSource(zip));

  it('password-protected, empty, not a zip, and a zip inside the zip: each its own reason', async () => {
    expect((await list(testZip([{ name: 'a/1.png', data: bytes(5), encrypted: true }, { name: 'a/2.png', data: bytes(5), encrypted: true }]))).rejections).toEqual([{ name: 'x.zip', reason: 'zip-encrypted' }]);
    expect((await list(testZip([]))).rejections).toEqual([{ name: 'x.zip', reason: 'zip-empty' }]);
    expect((await list(testZip([{ name: 'only/', data: new Uint8Array(0) }]))).rejections).toEqual([{ name: 'x.zip', reason: 'zip-empty' }]);
    expect((await list(new TextEncoder().encode('not a zip at all'))).rejections).toEqual([{ name: 'x.zip', reason: 'zip-invalid' }]);
    const nested = await list(testZip([{ name: 'a/inner.zip', data: testZip([{ name: 'b.png', data: bytes(3) }]) }, { name: 'a/ok.png', data: bytes(3) }]));
    expect(nested.rejections).toEqual([{ name: 'x.zip/a/inner.zip', reason: 'zip-nested' }]);
    expect(nested.files.map((f) => f.path)).toEqual(['a/ok.png']);
  });

  it('an unsupported method refuses that entry only; the others are read', async () => {
    const zip = testZip([{ name: 'a/bz.png', data: bytes(9), method: 12 }, { name: 'a/lz.png', data: bytes(9), method: 14 }, { name: 'a/ok.png', data: bytes(9, 2) }]);
    const { files } = await list(zip);
    const outcomes = await Promise.all(files.map((f) => readZipEntry(bytesSource(zip), f).then((b) => `${b.length}`, (e: ZipEntryError) => `${e.problem}:${e.method}`)));
    expect(outcomes).toEqual(['unsupported-method:bzip2', 'unsupported-method:LZMA', '9']);
  });

  it('a truncated zip keeps the complete entries and says where it stopped (with and without data descriptors)', async () => {
    for (const descriptor of [false, true]) {
      const zip = testZip(['a', 'b', 'c'].map((n, i) => ({ name: `k/${n}.png`, data: Uint8Array.from({ length: 3000 }, (_, j) => (j * (i + 3)) & 255), descriptor })));
      const cut = zip.subarray(0, Math.floor(zip.length * 0.7));
      const { files, rejections } = await list(cut);
      expect(files.map((f) => f.path)).toEqual(['k/a.png', 'k/b.png']);
      expect(rejections).toEqual([{ name: 'x.zip', reason: 'zip-truncated', count: 2, entry: 'k/b.png' }]);
      expect((await readZipEntry(bytesSource(cut), files[1])).length).toBe(3000);
    }
    expect((await list(testZip([{ name: 'a.png', data: bytes(5000), method: 0 }]).subarray(0, 100))).rejections).toEqual([{ name: 'x.zip', reason: 'zip-truncated', count: 0 }]);
  });

  it('a size-lying entry (zip bomb) stops at its declared size; a declared size over the limit is refused unread', async () => {
    const bomb = testZip([{ name: 'a/bomb.png', data: new Uint8Array(5_000_000), declaredSize: 1000 }]);
    const { files } = await list(bomb);
    await expect(readZipEntry(bytesSource(bomb), files[0])).rejects.toMatchObject({ problem: 'size-mismatch' });
    const huge = await list(testZip([{ name: 'a/huge.png', data: bytes(10), declaredSize: 30 * 2 ** 20, method: 0 }]));
    expect(huge.rejections).toEqual([{ name: 'x.zip/a/huge.png', reason: 'file-too-large', bytes: 30 * 2 ** 20 }]);
  });

  it('a flipped byte fails the CRC check', async () => {
    const zip = testZip([{ name: 'a.png', data: bytes(100), method: 0 }]);
    zip[40] ^= 1;
    const { files } = await list(zip);
    await expect(readZipEntry(bytesSource(zip), files[0])).rejects.toMatchObject({ problem: 'corrupt' });
  });
});
