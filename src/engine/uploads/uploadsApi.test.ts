import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultAugmentConfig, recommendedAugmentConfig } from '../../augment/config';
import { STORED_SHAPE } from '../../data/uploads/collection';
import { MemoryUploadStore } from '../../data/uploads/uploadStore';
import { pngBytes } from '../../data/uploads/testing/imageBytes';
import { expectNoTensorLeak } from '../../model/testing/expectNoLeak';
import { Engine } from '../engine';
import type { DecodedImage } from './decodeImage';
import { UploadsApi } from './uploadsApi';

const SIZE = STORED_SHAPE[0] * STORED_SHAPE[1] * STORED_SHAPE[2];

/** Stands in for the browser decoder: a colour per class folder, a gradient so crops and flips show. */
async function fakeDecode(bytes: Uint8Array): Promise<DecodedImage> {
  const pixels = new Uint8Array(SIZE);
  for (let i = 0; i < SIZE; i += 3) {
    const x = (i / 3) % 64;
    pixels.set([x * 4, bytes.length % 200, 255 - x * 4], i);
  }
  return { pixels, preview: new Blob(['p']), width: 64, height: 64 };
}

function api() {
  const engine = new Engine();
  let id = 0;
  const uploads = new UploadsApi(engine, { openStore: async () => ({ store: new MemoryUploadStore(), fallbackReason: null }), decode: fakeDecode, now: () => id, newId: () => `i${++id}` });
  return { engine, uploads };
}

const files = (n: number) => ['a', 'b'].flatMap((c) => Array.from({ length: n }, (_, i) => ({ file: new Blob([pngBytes({ width: 4 + i, height: 4 }) as Uint8Array<ArrayBuffer>]), path: `${c}/${i}.png` })));

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
    await uploads.addFiles(files(10).filter((f) => f.path.startsWith('a/')), { classId: null, fallbackName: 'x' });
    expect((await engine.loadDataset('uploads', '', () => undefined)).trainCount).toBe(16);
  });

  it('previews 12 augmented variants of a training image without leaking tensors; PCA over the training split', async () => {
    const { engine, uploads } = api();
    await engine.init('cpu');
    await uploads.addFiles(files(5), { classId: null, fallbackName: 'x' });
    await engine.loadDataset('uploads', '', () => undefined);
    await expectNoTensorLeak(async () => {
      const p = await uploads.augmentPreview(3, { ...recommendedAugmentConfig, mirror: { ...recommendedAugmentConfig.mirror, p: 1 } }, 7, 12);
      expect(p.shape).toEqual([64, 64, 3]);
      expect(p.variants.length).toBe(12 * SIZE);
      expect(p.source.length).toBe(SIZE);
      expect(Array.from(p.variants.subarray(0, 30))).not.toEqual(Array.from(p.source.subarray(0, 30)));
      const identity = await uploads.augmentPreview(3, defaultAugmentConfig, 7, 2);
      expect(Array.from(identity.variants.subarray(SIZE, 2 * SIZE))).toEqual(Array.from(identity.source));
    });
    const pca = await uploads.pcaInfo();
    expect(pca.images).toBe(8);
    expect(pca.stats?.eigenvalues[0]).toBeGreaterThan(0);
    await expect(uploads.augmentPreview(0, { ...defaultAugmentConfig, rotate: { enabled: true, p: 1, maxDegrees: 500 } }, 1, 12)).rejects.toThrow(/rotate/);
  });
});
