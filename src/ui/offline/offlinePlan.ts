/**
 * Which on-demand files (datasets, pretrained models) a page needs offline, and how much is left to
 * download. Pure: the service worker's list comes in, a plan goes out.
 */
import type { ContentEntry } from '../../sw/offlineProtocol';

/** What to make available offline. */
export interface OfflineScope {
  /** Bundled dataset folders under `data/` (e.g. `mnist`); generated and uploaded datasets need none. */
  datasets: readonly string[];
  /** The pretrained bases under `models/` (transfer learning). */
  models: boolean;
}

/** Every dataset and model: all lessons. */
export const EVERYTHING: OfflineScope = { datasets: ['*'], models: true };

/** The scope of one experiment: its dataset when bundled, the models when it opens the transfer panel. */
export function scopeOf(experiment: { dataset: string; panel: string; lesson: string }): OfflineScope {
  const bundled = experiment.dataset === 'mnist' || experiment.dataset === 'fashion-mnist';
  const transfer = experiment.panel === 'transfer-panel' || experiment.lesson === 'transfer-little-data';
  return { datasets: bundled ? [experiment.dataset] : [], models: transfer };
}

/** The files a scope covers, their total size and what is not cached yet. */
export interface OfflinePlan {
  files: ContentEntry[];
  totalBytes: number;
  missing: ContentEntry[];
  missingBytes: number;
}

/** Plans `scope` against the service worker's list. */
export function planOffline(entries: readonly ContentEntry[], scope: OfflineScope): OfflinePlan {
  const files = entries.filter((e) => {
    if (e.path.startsWith('models/')) return scope.models;
    const folder = /^data\/([^/]+)\//.exec(e.path)?.[1];
    return folder !== undefined && (scope.datasets.includes('*') || scope.datasets.includes(folder));
  });
  const missing = files.filter((f) => !f.cached);
  const sum = (list: readonly ContentEntry[]): number => list.reduce((s, f) => s + f.bytes, 0);
  return { files, totalBytes: sum(files), missing, missingBytes: sum(missing) };
}

/** Megabytes with one decimal (the size a teacher compares with a school's network). */
export function megabytes(bytes: number): number {
  return Math.round(bytes / 1e5) / 10;
}
