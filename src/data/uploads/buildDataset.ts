/**
 * Turns the uploaded classes into the ImageDataset the engine trains on: train = the training side of
 * the per-class split (shuffled, since the fit loop validates on the last examples of `train`),
 * test = the held-out side. Pure TypeScript.
 */
import type { ImageDataset, ImageSplit } from '../datasetTypes';
import { createRandom } from '../random';
import { STORED_SHAPE, type UploadClass, type UploadImage } from './collection';
import { DEFAULT_SPLIT, splitPerClass, type SplitOptions } from './split';
import { uploadsError } from '../../messages/index';

/** The engine's id for the uploaded dataset. */
export const UPLOADS_DATASET_ID = 'uploads';

/** The uploaded dataset, and which stored image each training example is (so a preview can follow one image). */
export interface UploadsDataset extends ImageDataset {
  /** `train.count` image ids, in the order of `train.images`. */
  readonly trainImageIds: readonly string[];
}

/** True for a dataset built by buildUploadsDataset. */
export function isUploadsDataset(data: ImageDataset): data is UploadsDataset {
  return 'trainImageIds' in data && Array.isArray((data as Partial<UploadsDataset>).trainImageIds);
}

function toSplit(images: readonly UploadImage[], labelOf: Map<string, number>): ImageSplit {
  const size = STORED_SHAPE[0] * STORED_SHAPE[1] * STORED_SHAPE[2];
  const pixels = new Uint8Array(images.length * size);
  const labels = new Uint8Array(images.length);
  images.forEach((image, i) => {
    pixels.set(image.pixels, i * size);
    labels[i] = labelOf.get(image.classId) ?? 0;
  });
  return { images: pixels, labels, count: images.length };
}

/**
 * Builds the dataset from the classes that hold images (empty classes get no output unit).
 * @param groupOf an image's content hash: exact duplicates stay on one side of the split.
 * @returns imageShape [64, 64, 3]; train [nTrain, 64, 64, 3], test [nVal, 64, 64, 3]; trainImageIds [nTrain].
 * @throws Error with a user-facing message when there is nothing to train or validate on.
 */
export function buildUploadsDataset(classes: readonly UploadClass[], images: readonly UploadImage[], options: SplitOptions = DEFAULT_SPLIT, groupOf: (image: UploadImage) => string | undefined = () => undefined): UploadsDataset {
  const used = classes.filter((c) => images.some((i) => i.classId === c.id));
  if (used.length === 0) throw uploadsError('uploads.none');
  if (used.length > 255) throw uploadsError('uploads.tooManyClasses');
  const labelOf = new Map(used.map((c, i) => [c.id, i]));
  const byId = new Map(images.map((i) => [i.id, i]));
  const keyed = images.filter((i) => labelOf.has(i.classId)).map((i) => ({ id: i.id, classId: i.classId, group: groupOf(i) }));
  const split = splitPerClass(keyed, options);
  const train = split.train.map((k) => byId.get(k.id) as UploadImage);
  const val = split.val.map((k) => byId.get(k.id) as UploadImage);
  if (val.length === 0) throw uploadsError('uploads.noValidation');
  createRandom(options.seed).shuffle(train);
  return {
    id: UPLOADS_DATASET_ID,
    name: 'Your images',
    imageShape: STORED_SHAPE,
    classNames: used.map((c) => c.name),
    train: toSplit(train, labelOf),
    test: toSplit(val, labelOf),
    trainImageIds: train.map((i) => i.id),
  };
}
