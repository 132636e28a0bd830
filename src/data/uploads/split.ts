/**
 * The per-class train/validation split of the uploaded images, and the warnings a student should see
 * before training on them. Pure TypeScript.
 */
import { deriveSeed } from '../random';

/** How the uploads are split: a fraction of each class is held out for validation, chosen by seed. */
export interface SplitOptions {
  valFraction: number;
  seed: number;
}

/** 80/20, seeded. */
export const DEFAULT_SPLIT: SplitOptions = { valFraction: 0.2, seed: 2024 };

/** Fewer images than this in a class earns a warning. */
export const MIN_IMAGES_PER_CLASS = 5;

/**
 * Images held out per class: none for a single image, otherwise round(n · f) but at least one and at
 * most n − 1, so every class with two or more images is both trained on and validated.
 */
export function validationCount(n: number, valFraction: number): number {
  if (n < 2 || valFraction <= 0) return 0;
  return Math.min(n - 1, Math.max(1, Math.round(n * valFraction)));
}

/**
 * Splits each class on its own (stratified). Within a class, images are ordered by a hash of (seed, id),
 * so an image keeps its side of the split when others are added, as far as the counts allow. Items of
 * the same `group` (exact duplicates: the same content hash) always land on the same side, ordered by
 * the smallest key among them, so a twin in training cannot inflate validation accuracy.
 * @returns both lists in class order of first appearance, then hash order.
 */
export function splitPerClass<T extends { id: string; classId: string; group?: string }>(items: readonly T[], options: SplitOptions = DEFAULT_SPLIT): { train: T[]; val: T[] } {
  const byClass = new Map<string, T[]>();
  for (const item of items) {
    const list = byClass.get(item.classId) ?? [];
    list.push(item);
    byClass.set(item.classId, list);
  }
  const train: T[] = [];
  const val: T[] = [];
  for (const list of byClass.values()) {
    const groups = new Map<string, { key: number; first: string; members: T[] }>();
    for (const item of list) {
      const key = deriveSeed(options.seed, item.id);
      const id = item.group ?? `id:${item.id}`;
      const g = groups.get(id) ?? { key, first: item.id, members: [] };
      if (key < g.key || (key === g.key && item.id < g.first)) Object.assign(g, { key, first: item.id });
      g.members.push(item);
      groups.set(id, g);
    }
    const ordered = [...groups.values()].sort((a, b) => a.key - b.key || a.first.localeCompare(b.first));
    const nVal = validationCount(list.length, options.valFraction);
    let held = 0;
    for (const g of ordered) {
      // A duplicate group may overshoot nVal by its extra members, never take the last training image.
      const toVal = held < nVal && held + g.members.length <= list.length - 1;
      (toVal ? val : train).push(...g.members);
      if (toVal) held += g.members.length;
    }
  }
  return { train, val };
}

/** Something about the class counts a student should fix before training. */
export type DatasetWarning =
  | { kind: 'no-images' }
  | { kind: 'single-class'; className: string }
  | { kind: 'few-images'; className: string; count: number };

/** Warnings for the class counts: no images, only one class with images, classes under MIN_IMAGES_PER_CLASS. */
export function datasetWarnings(classes: readonly { name: string; count: number }[]): DatasetWarning[] {
  const withImages = classes.filter((c) => c.count > 0);
  const warnings: DatasetWarning[] = [];
  if (withImages.length === 0) return [{ kind: 'no-images' }];
  if (withImages.length === 1) warnings.push({ kind: 'single-class', className: withImages[0].name });
  for (const c of classes) if (c.count < MIN_IMAGES_PER_CLASS) warnings.push({ kind: 'few-images', className: c.name, count: c.count });
  return warnings;
}
