import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { STORED_SHAPE } from '../../data/uploads/collection';
import { encodeImageRecord } from '../../data/uploads/records';
import { MemoryUploadStore, type UploadStore } from '../../data/uploads/uploadStore';
import { SVG_TEXT, corruptPngBytes, gifBytes, pngBytes } from '../../data/uploads/testing/imageBytes';
import { memoryTabSyncHub } from '../../data/uploads/tabSync';
import { UndecodableImageError, type DecodedImage } from './decodeImage';
import { UploadBatches } from './uploadBatches';
import { UploadLibrary, type LibraryDeps } from './uploadLibrary';
import type { UploadFileInput, UploadTarget, UploadsSnapshot } from './uploadsProtocol';

const SIZE = STORED_SHAPE[0] * STORED_SHAPE[1] * STORED_SHAPE[2];

/** Stands in for createImageBitmap: accepts PNGs whose IDAT inflates, refuses the corrupt fixture. */
async function fakeDecode(bytes: Uint8Array): Promise<DecodedImage> {
  const corrupt = corruptPngBytes();
  if (bytes.length === corrupt.length && bytes.every((b, i) => b === corrupt[i])) throw new UndecodableImageError('The source image could not be decoded.');
  const width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
  // Pixels follow the file's bytes: different files are different images, the same file twice an exact duplicate.
  const pixels = Uint8Array.from({ length: SIZE }, (_, i) => bytes[i % bytes.length]);
  return { pixels, preview: new Blob([bytes.slice(0, 8) as Uint8Array<ArrayBuffer>]), width, height: width };
}

function deps(store: UploadStore = new MemoryUploadStore()): LibraryDeps {
  let id = 0;
  let time = 0;
  return { openStore: async () => ({ store, fallback: null }), decode: fakeDecode, now: () => ++time, newId: () => `id${++id}`, sync: memoryTabSyncHub().connect() };
}

/** A library and its batches, with `addFiles` as the UI's loose-file path uses it. */
function library(d: LibraryDeps = deps()) {
  const lib = new UploadLibrary(d);
  const batches = new UploadBatches(lib);
  return Object.assign(lib, { addFiles: (files: UploadFileInput[], t: UploadTarget) => batches.addFiles(files, t), batches });
}

const file = (bytes: Uint8Array | string) => new Blob([typeof bytes === 'string' ? bytes : (bytes as Uint8Array<ArrayBuffer>)]);
const target = { classId: null, fallbackName: 'Class 1' };

describe('UploadLibrary', () => {
  it('keeps the good files of a batch and refuses each bad one with its reason', async () => {
    const lib = library();
    const half = pngBytes({ width: 20, height: 20 });
    const result = await lib.addFiles([
      { file: file(pngBytes({ width: 10, height: 10 })), path: 'pets/cats/a.png' },
      { file: file(pngBytes({ width: 11, height: 11 })), path: 'pets/dogs/b.png' },
      { file: file(new Uint8Array(0)), path: 'pets/dogs/empty.png' },
      { file: file(half.subarray(0, half.length >> 1)), path: 'pets/dogs/truncated.png' },
      { file: file('hello'), path: 'pets/dogs/notes.png' },
      { file: file(SVG_TEXT), path: 'pets/dogs/drawing.svg' },
      { file: file(gifBytes(2)), path: 'pets/dogs/anim.gif' },
      { file: file(pngBytes({ width: 30_000, height: 30_000, fakeSize: true })), path: 'pets/dogs/huge.png' },
      { file: file(corruptPngBytes()), path: 'pets/dogs/corrupt.png' },
      { file: file('x'), path: 'pets/.DS_Store' },
    ], target);
    expect(result.added).toBe(2);
    expect(result.rejections.map((r) => `${r.name}:${r.reason}`)).toEqual([
      'pets/dogs/empty.png:empty', 'pets/dogs/truncated.png:truncated', 'pets/dogs/notes.png:text', 'pets/dogs/drawing.svg:svg',
      'pets/dogs/anim.gif:animated', 'pets/dogs/huge.png:too-many-pixels', 'pets/dogs/corrupt.png:corrupt',
    ]);
    expect(result.snapshot.classes.map((c) => [c.name, c.count])).toEqual([['cats', 1], ['dogs', 1]]);
  });

  it('opens zips of class folders; loose files go to the target class', async () => {
    const lib = library();
    const zip = zipSync({ 'leaf/x.png': pngBytes({ width: 5, height: 5 }), 'leaf/y.png': pngBytes({ width: 6, height: 6 }), 'stone/z.png': pngBytes({ width: 7, height: 7 }), 'leaf/bad.png': new Uint8Array(0) });
    const r = await lib.addFiles([{ file: file(zip), path: 'more.zip' }, { file: file(pngBytes({ width: 8, height: 8 })), path: 'loose.png' }], target);
    expect(r.snapshot.classes.map((c) => [c.name, c.count])).toEqual([['leaf', 2], ['stone', 1], ['Class 1', 1]]);
    expect(r.rejections).toEqual([{ name: 'more.zip/leaf/bad.png', reason: 'empty', bytes: 0 }]);
  });

  it('persists: a new library over the same store sees the same classes and images', async () => {
    const store = new MemoryUploadStore();
    const lib = library(deps(store));
    await lib.addFiles([{ file: file(pngBytes({ width: 9, height: 9 })), path: 'cats/a.png' }, { file: file(pngBytes({ width: 9, height: 10 })), path: 'dogs/b.png' }], target);
    const dogs = lib.snapshot().classes[1].id;
    await lib.renameClass(dogs, 'Dogs!');
    const cat = lib.snapshot().images[0].id;
    await lib.moveImage(cat, dogs);
    const again = library(deps(store));
    await again.ready();
    expect(again.snapshot().classes.map((c) => [c.name, c.count])).toEqual([['cats', 0], ['Dogs!', 2]]);
    await again.deleteClass(dogs);
    expect((await store.load()).images).toEqual([]);
  });

  it('a full disk stops the batch and says what was kept: what was stored stays', async () => {
    const store = new MemoryUploadStore();
    const lib = library(deps(store));
    await lib.addFiles([{ file: file(pngBytes({ width: 9, height: 9 })), path: 'cats/a.png' }], target);
    store.putBatch = async () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const r = await lib.addFiles([{ file: file(pngBytes({ width: 9, height: 10 })), path: 'cats/b.png' }], target);
    expect(r.stopped).toEqual({ reason: 'storage-full', kept: 0, notSaved: 1, lastKept: null, firstNotSaved: 'cats/b.png' });
    expect(r.rejections).toEqual([]);
    expect(r.snapshot.classes[0].count).toBe(1);
    expect((await store.load()).images).toHaveLength(1);
  });

  it('builds the training dataset with the per-class split', async () => {
    const lib = library();
    const files = ['a', 'b'].flatMap((c, k) => Array.from({ length: 5 }, (_, i) => ({ file: file(pngBytes({ width: 4 + i, height: 4 + k })), path: `${c}/${i}.png` })));
    await lib.addFiles(files, target);
    const d = lib.dataset();
    expect([d.train.count, d.test.count]).toEqual([8, 2]);
    expect(lib.snapshot().classes.map((c) => [c.trainCount, c.valCount])).toEqual([[4, 1], [4, 1]]);
  });

  it('reports damaged records by name and removes them on request; readable images of a lost class are kept', async () => {
    const store = new MemoryUploadStore();
    const lib = library(deps(store));
    await lib.addFiles(['cats', 'dogs'].flatMap((c, k) => [0, 1].map((i) => ({ file: file(pngBytes({ width: 9 + i, height: 9 + k })), path: `${c}/${i}.png` }))), target);
    const cats = lib.snapshot().classes[0].id;
    const valid = encodeImageRecord({ id: 'x', classId: cats, name: 'x.png', width: 9, height: 9, pixels: new Uint8Array(SIZE), preview: new Blob(['p']), addedAt: 1 });
    store.images.set('broken', { v: 1, id: 'broken', pixels: 'not pixels' });
    store.images.set('ruined', { ...valid, id: 'ruined', name: 'cats/ruined.png', pixels: new Uint8Array(3) });
    store.classes.set('lost', { v: 1, id: 'lost', name: 'lost leaves', createdAt: 'yesterday' });
    store.images.set('leaf', { ...valid, id: 'leaf', classId: 'lost', name: 'leaf.png' });
    store.images.set('stray', { ...valid, id: 'stray', classId: 'gone', name: 'stray.png' });
    store.images.set('fixed-later', { v: 1 });

    const again = library(deps(store));
    await again.ready();
    const shown = again.snapshot().skipped;
    expect(shown.map((r) => `${r.key}:${r.problem}:${r.name}:${r.className}`)).toEqual([
      'lost:fields:lost leaves:null', 'broken:fields:null:null', 'ruined:pixels:cats/ruined.png:cats', 'leaf:class-missing:leaf.png:lost leaves',
      'stray:class-missing:stray.png:null', 'fixed-later:fields:null:null',
    ]);
    // Rewritten as a valid record after it was reported: it must survive the removal.
    store.images.set('fixed-later', { ...valid, id: 'fixed-later' });

    const result = await again.removeDamaged('Recovered images');
    expect([result.removed, result.recovered, result.restoredClasses]).toEqual([2, 2, ['lost leaves', 'Recovered images']]);
    expect(result.snapshot.skipped).toEqual([]);
    const counts = (snap: UploadsSnapshot) => Object.fromEntries(snap.classes.map((c) => [c.name, c.count]));
    expect(counts(result.snapshot)).toEqual({ cats: 2, dogs: 2, 'lost leaves': 1, 'Recovered images': 1 });
    expect([...store.images.keys()].sort()).toEqual([...lib.snapshot().images.map((i) => i.id), 'fixed-later', 'leaf', 'stray'].sort());

    const reloaded = library(deps(store));
    await reloaded.ready();
    expect(reloaded.snapshot().skipped).toEqual([]);
    expect(counts(reloaded.snapshot())).toEqual({ cats: 3, dogs: 2, 'lost leaves': 1, 'Recovered images': 1 });
  });

  it('validates class names', async () => {
    const lib = library();
    await lib.createClass('  cats ');
    await expect(lib.createClass('CATS')).rejects.toThrow(/already a class/);
    await expect(lib.createClass('   ')).rejects.toThrow(/needs a name/);
  });
});
