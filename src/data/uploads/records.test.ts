import { describe, expect, it } from 'vitest';
import { STORED_SHAPE, type UploadClass, type UploadImage } from './collection';
import { decodeClassRecord, decodeImageRecord, encodeClassRecord, encodeImageRecord } from './records';
import { MemoryUploadStore, UnreadableRecord, decodeLoaded, isQuotaError } from './uploadStore';

const SIZE = STORED_SHAPE[0] * STORED_SHAPE[1] * STORED_SHAPE[2];
const cls: UploadClass = { id: 'c1', name: 'cats', createdAt: 1 };
const img = (id: string, classId = 'c1'): UploadImage => ({
  id, classId, name: `${id}.png`, width: 640, height: 480, pixels: new Uint8Array(SIZE).fill(7), preview: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }), addedAt: 5,
});

describe('IndexedDB record codec', () => {
  it('round-trips classes and images', () => {
    expect(decodeClassRecord(encodeClassRecord(cls))).toEqual({ ok: true, value: cls });
    const decoded = decodeImageRecord(encodeImageRecord(img('i1')));
    expect(decoded.ok && decoded.value).toMatchObject({ id: 'i1', classId: 'c1', width: 640, height: 480 });
    expect(decoded.ok && decoded.value.pixels.length).toBe(SIZE);
  });

  it('refuses corrupt records with a reason', () => {
    const good = encodeImageRecord(img('i1'));
    const cases: [unknown, RegExp][] = [
      [null, /not an object/],
      [{ ...good, v: 99 }, /version 99/],
      [{ ...good, id: '' }, /id/],
      [{ ...good, pixels: new Uint8Array(10) }, /pixels/],
      [{ ...good, size: 32 }, /stored at 32/],
      [{ ...good, preview: 'x' }, /preview/],
      [{ ...good, width: -1 }, /size/],
    ];
    for (const [raw, why] of cases) {
      const d = decodeImageRecord(raw);
      expect(d.ok).toBe(false);
      expect(d.ok ? '' : d.why).toMatch(why);
    }
    expect(decodeClassRecord({ v: 1, id: 'c', name: '', createdAt: 0 }).ok).toBe(false);
  });

  it('loading skips corrupt records and images of missing classes, and keeps the rest', () => {
    const loaded = decodeLoaded(
      [['c1', encodeClassRecord(cls)], ['bad', { v: 1 }]],
      [['i1', encodeImageRecord(img('i1'))], ['i2', 'garbage'], ['i3', encodeImageRecord(img('i3', 'gone'))]],
    );
    expect(loaded.classes.map((c) => c.id)).toEqual(['c1']);
    expect(loaded.images.map((i) => i.id)).toEqual(['i1']);
    expect(loaded.skipped.map((s) => `${s.store}:${s.key}`)).toEqual(['classes:bad', 'images:i2', 'images:i3']);
  });

  it('names what a damaged record still holds, and keeps readable images of a lost class aside', () => {
    const ruined = { ...encodeImageRecord(img('i4')), name: 'cats/ruined.png', pixels: new Uint8Array(3) };
    const loaded = decodeLoaded(
      [['c1', encodeClassRecord(cls)], ['lost', { v: 1, id: 'lost', name: 'lost leaves', createdAt: 'yesterday' }]],
      [['i4', ruined], ['i5', encodeImageRecord(img('i5', 'lost'))], ['i6', new UnreadableRecord('DataError')], ['i7', { ...encodeImageRecord(img('i7')), v: 2 }]],
    );
    expect(loaded.skipped.map(({ key, problem, name, className, classId }) => ({ key, problem, name, className, classId }))).toEqual([
      { key: 'lost', problem: 'fields', name: 'lost leaves', className: null, classId: null },
      { key: 'i4', problem: 'pixels', name: 'cats/ruined.png', className: 'cats', classId: null },
      { key: 'i5', problem: 'class-missing', name: 'i5.png', className: 'lost leaves', classId: 'lost' },
      { key: 'i6', problem: 'unreadable', name: null, className: null, classId: null },
      { key: 'i7', problem: 'version', name: 'i7.png', className: 'cats', classId: null },
    ]);
    expect(loaded.orphans.map((i) => i.id)).toEqual(['i5']);
    expect(loaded.images).toEqual([]);
  });

  it('the memory store removes records from both stores', async () => {
    const store = new MemoryUploadStore();
    await store.putClass(cls);
    store.classes.set('bad', 'garbage');
    store.images.set('junk', { v: 1 });
    await store.removeRecords([{ store: 'classes', key: 'bad' }, { store: 'images', key: 'junk' }]);
    expect([...store.classes.keys(), ...store.images.keys()]).toEqual(['c1']);
  });

  it('the memory store persists through encode/decode like IndexedDB', async () => {
    const store = new MemoryUploadStore();
    await store.putClass(cls);
    await store.putImages([img('i1'), img('i2')]);
    await store.deleteImages(['i2']);
    const loaded = await store.load();
    expect(loaded.images.map((i) => i.id)).toEqual(['i1']);
    await store.deleteClass('c1', ['i1']);
    expect(await store.load()).toEqual({ classes: [], images: [], orphans: [], skipped: [] });
  });

  it('recognises quota errors', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Error('The quota has been exceeded.'))).toBe(true);
    expect(isQuotaError(new Error('constraint'))).toBe(false);
  });
});
