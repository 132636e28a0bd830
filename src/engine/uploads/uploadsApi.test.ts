import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultAugmentConfig, recommendedAugmentConfig, type AugmentConfig } from '../../augment/config';
import { STORED_SHAPE } from '../../data/uploads/collection';
import { memoryTabSyncHub } from '../../data/uploads/tabSync';
import { MemoryUploadStore } from '../../data/uploads/uploadStore';
import { pngBytes } from '../../data/uploads/testing/imageBytes';
import { expectNoTensorLeak } from '../../model/testing/expectNoLeak';
import { Engine } from '../engine';
import type { DecodedImage } from './decodeImage';
import { UploadsFeature } from './uploadsApi';
import type { AugmentPreviewRequest, PreviewSource } from './uploadsProtocol';

const SIZE = STORED_SHAPE[0] * STORED_SHAPE[1] * STORED_SHAPE[2];

/** Stands in for the browser decoder: a colour per class folder, a gradient so crops and flips show. */
async function fakeDecode(bytes: Uint8Array): Promise<DecodedImage> {
  const pixels = new Uint8Array(SIZE);
  // The file's own bytes in the green channel: different files are different images (no false duplicates).
  for (let i = 0; i < SIZE; i += 3) {
    const x = (i / 3) % 64;
    pixels.set([x * 4, bytes[(i / 3) % bytes.length], 255 - x * 4], i);
  }
  return { pixels, preview: new Blob(['p']), width: 64, height: 64 };
}

function api() {
  const engine = new Engine();
  let id = 0;
  const uploads = new UploadsFeature(engine, { openStore: async () => ({ store: new MemoryUploadStore(), fallback: null }), decode: fakeDecode, now: () => id, newId: () => `i${++id}`, sync: memoryTabSyncHub().connect() });
  return { engine, uploads };
}

const LOADED: PreviewSource = { dataset: 'loaded', validationSplit: 0, trainLimit: 0, input: null };
const UPLOADS: PreviewSource = { ...LOADED, dataset: 'uploads' };
const req = (index: number, config: AugmentConfig, count: number, source: PreviewSource, imageId: string | null = null): AugmentPreviewRequest => ({ source, index, imageId, config, seed: 7, count });

const files = (n: number) => ['a', 'b'].flatMap((c, k) => Array.from({ length: n }, (_, i) => ({ file: new Blob([pngBytes({ width: 4 + i, height: 4 + k }) as Uint8Array<ArrayBuffer>]), path: `${c}/${i}.png` })));

describe('UploadsApi', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it("makes 'uploads' an engine dataset, rebuilt on every load so new images count", async () => {
    const { engine, uploads } = api();
    await engine.init('cpu');
    await expect(engine.loadDataset('uploads', '', () => undefined)).rejects.toThrow(/No uploaded images/);
    await uploads.addFiles(files(5), { classId: null, fallbackName: 'x' });
    const info = await engine.loadDataset('uploads', '', () => undefined);
    expect(info).toMatchObject({ id: 'uploads', imageShape: [64, 64, 3], classNames: ['a', 'b'], trainCount: 8, testCount: 2 });
    // Ten new pictures for class a (the same files again would be skipped as exact duplicates).
    await uploads.addFiles(Array.from({ length: 10 }, (_, i) => ({ file: new Blob([pngBytes({ width: 20 + i, height: 4 }) as Uint8Array<ArrayBuffer>]), path: `a/new-${i}.png` })), { classId: null, fallbackName: 'x' });
    expect((await engine.loadDataset('uploads', '', () => undefined)).trainCount).toBe(16);
  });

  it('previews 12 augmented variants of a training image without leaking tensors; PCA over the training split', async () => {
    const { engine, uploads } = api();
    await engine.init('cpu');
    await uploads.addFiles(files(5), { classId: null, fallbackName: 'x' });
    await engine.loadDataset('uploads', '', () => undefined);
    await expectNoTensorLeak(async () => {
      const p = await uploads.augmentPreview(req(3, { ...recommendedAugmentConfig, mirror: { ...recommendedAugmentConfig.mirror, p: 1 } }, 12, LOADED));
      expect(p.shape).toEqual([64, 64, 3]);
      expect(p.variants.length).toBe(12 * SIZE);
      expect(p.source.length).toBe(SIZE);
      expect(Array.from(p.variants.subarray(0, 30))).not.toEqual(Array.from(p.source.subarray(0, 30)));
      const identity = await uploads.augmentPreview(req(3, defaultAugmentConfig, 2, LOADED));
      expect(Array.from(identity.variants.subarray(SIZE, 2 * SIZE))).toEqual(Array.from(identity.source));
    });
    const pca = await uploads.pcaInfo(LOADED);
    expect(pca.images).toBe(8);
    expect(pca.stats?.eigenvalues[0]).toBeGreaterThan(0);
    // PCA covers the examples training uses: the fit loop's validation split (the last quarter here) is left out.
    expect((await uploads.pcaInfo({ ...LOADED, validationSplit: 0.25 })).images).toBe(6);
    await expect(uploads.augmentPreview(req(0, { ...defaultAugmentConfig, rotate: { enabled: true, p: 1, maxDegrees: 500 } }, 12, LOADED))).rejects.toThrow(/rotate/);
  });

  it('the uploads preview follows the images: same source image after a change, PCA and variants redrawn, another image when it is deleted', async () => {
    const { engine, uploads } = api();
    await engine.init('cpu');
    await uploads.addFiles(files(5), { classId: null, fallbackName: 'x' });
    const pcaOnly = { ...defaultAugmentConfig, pcaColor: { ...defaultAugmentConfig.pcaColor, enabled: true, p: 1, sigma: 0.5 } };
    const first = await uploads.augmentPreview(req(2, pcaOnly, 4, UPLOADS));
    expect(first.imageId).not.toBeNull();
    expect(first.imageName).toMatch(/^[ab]\/\d\.png$/);
    const pcaBefore = await uploads.pcaInfo(UPLOADS);
    // The preview builds the uploads itself: the engine's dataset (which a training run may use) is untouched.
    expect(engine.session.data).toBeNull();

    // A fresh import of a third, differently coloured class: the split and the colour statistics change.
    await uploads.addFiles(Array.from({ length: 5 }, (_, i) => ({ file: new Blob([pngBytes({ width: 40 + i * 7, height: 4 }) as Uint8Array<ArrayBuffer>]), path: `c/${i}.png` })), { classId: null, fallbackName: 'x' });
    const pcaAfter = await uploads.pcaInfo(UPLOADS);
    expect(pcaAfter.images).toBe(12);
    expect(pcaAfter.stats?.eigenvalues).not.toEqual(pcaBefore.stats?.eigenvalues);
    const kept = await uploads.augmentPreview(req(2, pcaOnly, 4, UPLOADS, first.imageId));
    expect(kept.imageId).toBe(first.imageId);
    expect(Array.from(kept.source)).toEqual(Array.from(first.source));
    expect(Array.from(kept.variants)).not.toEqual(Array.from(first.variants));

    // Its class renamed: same image, new label.
    const classId = (await uploads.list()).images.find((i) => i.id === first.imageId)?.classId ?? '';
    await uploads.renameClass(classId, 'renamed');
    expect((await uploads.augmentPreview(req(2, pcaOnly, 4, UPLOADS, first.imageId))).label).toBe('renamed');

    // The source image deleted: another image that still exists is shown.
    await uploads.deleteImage(first.imageId ?? '');
    const replaced = await uploads.augmentPreview(req(2, pcaOnly, 4, UPLOADS, first.imageId));
    const remaining = (await uploads.list()).images.map((i) => i.id);
    expect(replaced.imageId).not.toBe(first.imageId);
    expect(remaining).toContain(replaced.imageId);
    expect(replaced.imageName).toBe((await uploads.list()).images.find((i) => i.id === replaced.imageId)?.name);
  });

  it('the preview shows what the network sees: its input size and channels, colour operations marked "not applied" on a grey input', async () => {
    const { engine, uploads } = api();
    await engine.init('cpu');
    await uploads.addFiles(files(5), { classId: null, fallbackName: 'x' });
    const colour = { ...defaultAugmentConfig, colorShift: { enabled: true, p: 1, amount: 0.3 }, pcaColor: { ...defaultAugmentConfig.pcaColor, enabled: true, p: 1, sigma: 0.5 } };
    await expectNoTensorLeak(async () => {
      const grey = await uploads.augmentPreview(req(1, colour, 3, { ...UPLOADS, input: [32, 32, 1] }));
      expect(grey.shape).toEqual([32, 32, 1]);
      expect(grey.source.length).toBe(32 * 32);
      expect(grey.notApplied).toEqual(['colorShift', 'pcaColor']);
      // Nothing that changes a grey image was on: every variant is the source.
      for (let v = 0; v < 3; v++) expect(Array.from(grey.variants.subarray(v * 1024, (v + 1) * 1024))).toEqual(Array.from(grey.source));
      const rgb = await uploads.augmentPreview(req(1, colour, 3, { ...UPLOADS, input: [32, 32, 3] }));
      expect([rgb.shape, rgb.notApplied]).toEqual([[32, 32, 3], []]);
      expect(Array.from(rgb.variants.subarray(0, 3072))).not.toEqual(Array.from(rgb.source));
    });
    expect((await uploads.pcaInfo({ ...UPLOADS, input: [32, 32, 1] })).reason).toBe('grey-network');
  });
});
