/** Fixtures for the transfer unit tests: no download, no browser. */
import { readFile } from 'node:fs/promises';
import type { ImageDataset } from '../../../data/datasetTypes';

/** `fetch` over local files: serves the shipped bases from public/models as the preview server does. */
export const diskFetch = (async (input: string | URL | Request) => {
  const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
  return new Response(await readFile(path));
}) as typeof fetch;

/**
 * Seeded pseudo-random 28×28 grey images standing in for MNIST: `classNames.length` classes, labels
 * cycling through them; `salts` make the train and test pixels differ.
 */
export function toyDigits(o: { classNames: string[]; train: number; test: number; salts: [number, number] }): ImageDataset {
  const split = (count: number, salt: number) => ({
    images: Uint8Array.from({ length: count * 784 }, (_, i) => (Math.imul(i + salt, 2654435761) >>> 24) & 255),
    labels: Uint8Array.from({ length: count }, (_, i) => i % o.classNames.length),
    count,
  });
  return { id: 'mnist', name: 'Toy digits', imageShape: [28, 28, 1], classNames: o.classNames, train: split(o.train, o.salts[0]), test: split(o.test, o.salts[1]) };
}
