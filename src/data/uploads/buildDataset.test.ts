import { describe, expect, it } from 'vitest';
import { buildUploadsDataset } from './buildDataset';
import { STORED_SHAPE, type UploadClass, type UploadImage } from './collection';

const SIZE = STORED_SHAPE[0] * STORED_SHAPE[1] * STORED_SHAPE[2];
const classes: UploadClass[] = [
  { id: 'a', name: 'cats', createdAt: 1 },
  { id: 'b', name: 'dogs', createdAt: 2 },
  { id: 'e', name: 'empty', createdAt: 3 },
];
const image = (id: string, classId: string, value: number): UploadImage => ({
  id, classId, name: id, width: 10, height: 10, pixels: new Uint8Array(SIZE).fill(value), preview: new Blob(['x']), addedAt: 0,
});

describe('buildUploadsDataset', () => {
  it('labels classes with images in order, splits 80/20 per class, pixels follow their labels', () => {
    const images = [...Array.from({ length: 10 }, (_, i) => image(`a${i}`, 'a', 10)), ...Array.from({ length: 5 }, (_, i) => image(`b${i}`, 'b', 200))];
    const d = buildUploadsDataset(classes, images);
    expect(d.id).toBe('uploads');
    expect(d.imageShape).toEqual([64, 64, 3]);
    expect(d.classNames).toEqual(['cats', 'dogs']);
    expect([d.train.count, d.test.count]).toEqual([12, 3]);
    expect(Array.from(d.test.labels).sort()).toEqual([0, 0, 1]);
    for (let i = 0; i < d.train.count; i++) expect(d.train.images[i * SIZE + 5]).toBe(d.train.labels[i] === 0 ? 10 : 200);
    // Each training example names its stored image (the augmentation preview follows an image by id).
    expect(d.trainImageIds.map((id, i) => `${id[0]}${d.train.labels[i]}`)).toEqual(Array.from(d.train.labels, (l) => (l === 0 ? 'a0' : 'b1')));
    expect(new Set(d.trainImageIds).size).toBe(12);
    // Shuffled: the fit loop validates on the last examples of `train`, which must not be one class.
    expect(new Set(Array.from(d.train.labels.subarray(8))).size).toBe(2);
  });

  it('explains what is missing', () => {
    expect(() => buildUploadsDataset(classes, [])).toThrow(/No uploaded images/);
    expect(() => buildUploadsDataset(classes, [image('a0', 'a', 1), image('b0', 'b', 1)])).toThrow(/held out for validation/);
  });
});
