import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MANIFEST_NAME, parseManifest } from '../../data/uploads/datasetManifest';
import { fakeDecode } from '../../data/uploads/testing/fakeDecoder';
import { pngBytes } from '../../data/uploads/testing/imageBytes';
import { testZip } from '../../data/uploads/testing/zipBytes';
import { memoryTabSyncHub, type TabSync } from '../../data/uploads/tabSync';
import { MemoryUploadStore, type StorageLoss } from '../../data/uploads/uploadStore';
import { exportDataset } from './datasetExport';
import { UploadBatches } from './uploadBatches';
import { UploadLibrary, type LibraryDeps } from './uploadLibrary';
import type { UploadFileInput, UploadsSnapshot } from './uploadsProtocol';

/** A memory store whose database can be "lost" as a browser would (site data cleared while open). */
class LosableStore extends MemoryUploadStore {
  private listeners: ((loss: StorageLoss) => void)[] = [];
  override onLost(listener: (loss: StorageLoss) => void): void {
    this.listeners.push(listener);
  }
  lose(loss: StorageLoss): void {
    this.listeners.forEach((l) => l(loss));
  }
}

let ids = 0;
function tab(store = new MemoryUploadStore('indexeddb'), sync: TabSync = memoryTabSyncHub().connect()) {
  let time = 0;
  const deps: LibraryDeps = { openStore: async () => ({ store, fallback: null }), decode: fakeDecode, now: () => ++time, newId: () => `id${++ids}`, sync };
  const lib = new UploadLibrary(deps);
  return { lib, batches: new UploadBatches(lib), store };
}

/** A distinct 48×40 picture per seed. */
const png = (seed: number) => pngBytes({ width: 48, height: 40, color: (x, y) => [(x * seed) & 255, (y * 7 + seed) & 255, seed & 255] });
const blob = (b: Uint8Array) => new Blob([b as Uint8Array<ArrayBuffer>]);
const target = { classId: null, fallbackName: 'Class 1' };
const counts = (s: UploadsSnapshot) => Object.fromEntries(s.classes.map((c) => [c.name, c.count]));
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('upload batches', () => {
  it('a class/student/subfolder layout: the preview offers the readings; the top-level folders are classes', async () => {
    const { batches } = tab();
    const files: UploadFileInput[] = ['apples', 'bananas', 'grapes'].flatMap((f, k) => ['alice', 'bob'].flatMap((s, j) => [0, 1].map((i) => ({ file: blob(png(k * 10 + j * 3 + i + 1)), path: `fruit/${f}/${s}/${i}.png` }))));
    const token = batches.begin();
    batches.stage(token, files.slice(0, 5));
    batches.stage(token, files.slice(5));
    const preview = await batches.scan(token);
    expect(preview.needsPreview).toBe(true);
    expect(preview.plan.options.map((o) => [o.kind, o.classes.map((c) => `${c.name} ${c.count}/${c.subfolders}`)])).toEqual([
      ['top', ['apples 4/2', 'bananas 4/2', 'grapes 4/2']], ['deeper', ['alice 6/0', 'bob 6/0']], ['root', ['fruit 12/0']],
    ]);
    const result = await batches.commit(token, { kind: 'top', decisions: {} }, target, null);
    expect(counts(result.snapshot)).toEqual({ apples: 4, bananas: 4, grapes: 4 });
  });

  it('loose files need no preview and join the target class', async () => {
    const { batches } = tab();
    const token = batches.begin();
    batches.stage(token, [{ file: blob(png(1)), path: 'a.png' }]);
    expect((await batches.scan(token)).needsPreview).toBe(false);
  });

  it('exact duplicates are skipped and counted (the same zip twice), and a duplicate never lands on both sides of the split', async () => {
    const { lib, batches } = tab();
    const zip = zipSync(Object.fromEntries(['cats', 'dogs'].flatMap((c, k) => Array.from({ length: 10 }, (_, i) => [`${c}/${i}.png`, png(k * 50 + i + 1)]))));
    const first = await batches.addFiles([{ file: blob(zip), path: 'pets.zip' }], target);
    expect([first.added, first.duplicateCount]).toEqual([20, 0]);
    const again = await batches.addFiles([{ file: blob(zip), path: 'pets-copy.zip' }, { file: blob(png(1)), path: 'cats/again.png' }], target);
    expect([again.added, again.duplicateCount]).toEqual([0, 21]);
    expect(again.duplicates[0]).toEqual({ name: 'pets-copy.zip/cats/0.png', of: 'pets.zip/cats/0.png' });
    expect(counts(again.snapshot)).toEqual({ cats: 10, dogs: 10 });
    // A duplicate already in the store (from before this check) stays on one side of the split.
    const twin = { ...lib.collection.images()[0], id: 'twin' };
    lib.remember(twin);
    const d = lib.dataset();
    const trainIds = new Set(d.trainImageIds);
    expect(trainIds.has('twin')).toBe(trainIds.has(lib.collection.images()[0].id));
  });

  it('a collision with an existing class is refused or merged only as the user says', async () => {
    const { lib, batches } = tab();
    await lib.createClass('cats');
    const files = [0, 1].map((i) => ({ file: blob(png(i + 1)), path: `Cats/${i}.png` }));
    for (const decision of ['skip', 'merge'] as const) {
      const token = batches.begin();
      batches.stage(token, files);
      const preview = await batches.scan(token);
      expect(preview.plan.options[0].collisions).toEqual([{ key: 'cats', names: ['Cats'], existing: 'cats', keep: 'cats' }]);
      const r = await batches.commit(token, { kind: 'top', decisions: { cats: decision } }, target, null);
      expect(r.rejections.map((x) => x.reason)).toEqual(decision === 'skip' ? ['class-collision', 'class-collision'] : []);
      expect(counts(r.snapshot)).toEqual({ cats: decision === 'skip' ? 0 : 2 });
    }
  });

  it('a batch that will not fit is refused before anything is written', async () => {
    const { batches, store } = tab();
    const files = Array.from({ length: 30 }, (_, i) => ({ file: blob(png(i + 1)), path: `cats/${i}.png` }));
    const r = await batches.addFiles(files, target, undefined, 100_000);
    expect(r.refused).toMatchObject({ images: 30, freeBytes: 100_000 });
    expect(r.added).toBe(0);
    expect([store.classes.size, store.images.size]).toEqual([0, 0]);
  });

  it('a lost database keeps everything in memory, says so, and "store again" writes it all back', async () => {
    const store = new LosableStore('indexeddb');
    const { lib, batches } = tab(store);
    await batches.addFiles([0, 1, 2].map((i) => ({ file: blob(png(i + 1)), path: `cats/${i}.png` })), target);
    const events: string[] = [];
    lib.subscribe((e) => events.push(e.storage.kind));
    store.lose('closed');
    expect(events).toEqual(['lost']);
    store.images.clear();
    store.classes.clear();
    const after = await batches.addFiles([{ file: blob(png(9)), path: 'cats/3.png' }], target);
    expect(after.snapshot.storage).toEqual({ kind: 'lost', problem: { code: 'lost', loss: 'closed' } });
    expect(counts(after.snapshot)).toEqual({ cats: 4 });
    expect(store.images.size).toBe(0);
    const again = await lib.storeAgain();
    expect(again.storage.kind).toBe('indexeddb');
    expect(store.images.size).toBe(4);
  });

  it('two tabs: one writer at a time, lists that follow each other, one class when both add the same folder', async () => {
    const hub = memoryTabSyncHub();
    const store = new MemoryUploadStore('indexeddb');
    const a = tab(store, hub.connect());
    const b = tab(store, hub.connect());
    await Promise.all([a.lib.ready(), b.lib.ready()]);
    const fruit = (seed: number) => ['apples', 'bananas'].flatMap((f, k) => [0, 1].map((i) => ({ file: blob(png(seed + k * 5 + i)), path: `fruit/${f}/${i}.png` })));
    await Promise.all([a.batches.addFiles(fruit(1), target), b.batches.addFiles(fruit(100), target)]);
    await settle();
    expect(counts(a.lib.snapshot())).toEqual({ apples: 4, bananas: 4 });
    expect(counts(b.lib.snapshot())).toEqual({ apples: 4, bananas: 4 });
    const bananas = b.lib.snapshot().classes.find((c) => c.name === 'bananas')?.id as string;
    await b.lib.deleteClass(bananas);
    await settle();
    expect(counts(a.lib.snapshot())).toEqual({ apples: 4 });
    const reloaded = tab(store, hub.connect());
    await reloaded.lib.ready();
    expect(counts(reloaded.lib.snapshot())).toEqual({ apples: 4 });
  });

  it('export → import into an empty library restores every image byte for byte (names, sizes, thumbnails, split)', async () => {
    const source = tab();
    await source.batches.addFiles(['Café', 'ねこ/子猫', 'dogs'].flatMap((c, k) => [0, 1, 2].map((i) => ({ file: blob(png(k * 10 + i + 1)), path: `${c.replace('/', '∕')}/${i}.png` }))), target);
    await source.lib.renameClass(source.lib.snapshot().classes.find((c) => c.name === 'ねこ∕子猫')?.id ?? '', 'ねこ/子猫');
    const exported = await exportDataset(source.lib, new Date(Date.UTC(2024, 0, 1)));
    const files = unzipSync(new Uint8Array(await exported.blob.arrayBuffer()));
    const manifest = parseManifest(files[MANIFEST_NAME]);
    expect(manifest?.images).toHaveLength(9);
    expect(Object.keys(files).filter((p) => p.endsWith('.png') && !p.startsWith('.')).sort()).toEqual(['Café/0.png', 'Café/1.png', 'Café/2.png', 'dogs/0.png', 'dogs/1.png', 'dogs/2.png', 'ねこ_子猫/0.png', 'ねこ_子猫/1.png', 'ねこ_子猫/2.png']);

    const target2 = tab();
    const token = target2.batches.begin();
    target2.batches.stage(token, [{ file: exported.blob, path: exported.fileName }]);
    const preview = await target2.batches.scan(token);
    expect(preview.imported).toEqual({ classes: 3, images: 9 });
    const r = await target2.batches.commit(token, { kind: preview.plan.recommended, decisions: {} }, target, null);
    expect([r.added, r.rejections]).toEqual([9, []]);
    const before = source.lib.collection.images();
    const after = target2.lib.collection.images();
    expect(after.map((i) => [i.id, i.name, i.width, i.height, target2.lib.collection.classById(i.classId)?.name])).toEqual(before.map((i) => [i.id, i.name, i.width, i.height, source.lib.collection.classById(i.classId)?.name]));
    for (const [k, image] of after.entries()) {
      expect(image.pixels).toEqual(before[k].pixels);
      expect(new Uint8Array(await image.preview.arrayBuffer())).toEqual(new Uint8Array(await before[k].preview.arrayBuffer()));
    }
    expect(target2.lib.snapshot().classes.map((c) => [c.trainCount, c.valCount])).toEqual(source.lib.snapshot().classes.map((c) => [c.trainCount, c.valCount]));
  });

  it('zip edge cases through a batch: password-protected, one bzip2 entry, an empty zip, a zip inside', async () => {
    const { batches } = tab();
    const r = await batches.addFiles([
      { file: blob(testZip([{ name: 'a/1.png', data: png(1), encrypted: true }])), path: 'secret.zip' },
      { file: blob(testZip([{ name: 'k/bz.png', data: png(2), method: 12 }, { name: 'k/ok.png', data: png(3) }, { name: 'k/inner.zip', data: testZip([]) }])), path: 'mixed.zip' },
      { file: blob(testZip([])), path: 'empty.zip' },
    ], target);
    expect(r.rejections.map((x) => `${x.name}:${x.reason}${x.method ? `:${x.method}` : ''}`).sort()).toEqual([
      'empty.zip:zip-empty', 'mixed.zip/k/bz.png:zip-unsupported-method:bzip2', 'mixed.zip/k/inner.zip:zip-nested', 'secret.zip:zip-encrypted',
    ]);
    expect(counts(r.snapshot)).toEqual({ k: 1 });
  });
});
