/**
 * The small labelled sets transfer learning is about: a few classes of a dataset, a few images each.
 * Pure TypeScript on typed arrays (no tfjs), so the same subset is made in the worker, in Node tests
 * and in the pretraining script.
 */
import type { ImageDataset, ImageSplit } from '../../data/datasetTypes';
import { classNameParam, message, transferError } from '../../messages/index';
import { seededPermutation } from '../batches';

/** Which part of a dataset to keep. */
export interface SubsetSpec {
  /** Original class indices to keep, in the order of the new labels 0..k−1 (empty = every class). */
  readonly classes: readonly number[];
  /** Training images per class, the first ones of each class in dataset order (0 = all). */
  readonly perClass: number;
  /** Test images per class (0 = all). */
  readonly testPerClass: number;
  /** Seeds the interleaving shuffle, so the validation tail and `trainLimit` see every class. */
  readonly seed: number;
}

/** Validates class indices against a dataset; an empty list means every class. */
export function resolveClasses(data: Pick<ImageDataset, 'classNames'>, classes: readonly number[]): number[] {
  const all = data.classNames.length;
  const chosen = classes.length ? [...classes] : Array.from({ length: all }, (_, i) => i);
  const bad = chosen.find((c) => !Number.isInteger(c) || c < 0 || c >= all);
  if (bad !== undefined) throw transferError('transfer.noSuchClass', { index: bad, last: all - 1 });
  if (new Set(chosen).size !== chosen.length) throw transferError('transfer.classTwice');
  if (chosen.length < 2) throw transferError('transfer.twoClasses');
  return chosen;
}

function pick(split: ImageSplit, size: number, classes: readonly number[], perClass: number, seed: number | null): ImageSplit {
  const newLabel = new Map(classes.map((c, i) => [c, i]));
  const taken = new Array<number>(classes.length).fill(0);
  const indices: number[] = [];
  for (let i = 0; i < split.count; i++) {
    const label = newLabel.get(split.labels[i]);
    if (label === undefined || (perClass > 0 && taken[label] >= perClass)) continue;
    taken[label]++;
    indices.push(i);
  }
  const order = seed === null ? Int32Array.from(indices.keys()) : seededPermutation(indices.length, seed);
  const images = new Uint8Array(indices.length * size);
  const labels = new Uint8Array(indices.length);
  order.forEach((k, j) => {
    const i = indices[k];
    images.set(split.images.subarray(i * size, (i + 1) * size), j * size);
    labels[j] = newLabel.get(split.labels[i]) ?? 0;
  });
  return { images, labels, count: indices.length };
}

/**
 * Keeps `spec.classes` (relabelled 0..k−1 in that order) and at most `perClass` training and
 * `testPerClass` test images of each, shuffled with `spec.seed`. Images are copied: the result does
 * not alias the source.
 * @throws UserError for unknown or repeated classes, fewer than two classes, or a class with no image.
 */
export function classSubset(data: ImageDataset, spec: SubsetSpec): ImageDataset {
  const classes = resolveClasses(data, spec.classes);
  const size = data.imageShape[0] * data.imageShape[1] * data.imageShape[2];
  const train = pick(data.train, size, classes, spec.perClass, spec.seed);
  const test = pick(data.test, size, classes, spec.testPerClass, spec.seed + 1);
  for (const [split, name] of [[train, 'transfer.splitTrain'], [test, 'transfer.splitTest']] as const) {
    const present = new Set(split.labels);
    const missing = classes.find((_, i) => !present.has(i));
    if (missing !== undefined) throw transferError('transfer.classNoImage', { name: classNameParam(data.id, data.classNames[missing]), split: message(name) });
  }
  const all = classes.length === data.classNames.length && spec.perClass === 0 && spec.testPerClass === 0;
  const per = spec.perClass > 0 ? `, ${spec.perClass} per class` : '';
  return {
    id: data.id,
    name: all ? data.name : `${data.name} (${classes.length} classes${per})`,
    imageShape: data.imageShape,
    classNames: classes.map((c) => data.classNames[c]),
    train,
    test,
  };
}
