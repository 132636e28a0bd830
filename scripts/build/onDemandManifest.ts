/**
 * A Workbox manifest transform for src/sw/sw.ts: datasets and models stay in the injected manifest (the
 * service worker needs their revisions to cache them on demand) and keep their size as `bytes`, which
 * Workbox would otherwise drop, so the "make available offline" action can show the total.
 */
import type { ManifestEntry, ManifestTransform } from 'workbox-build';
import { isOnDemand } from '../../src/sw/offlineProtocol';

/** A manifest entry as the service worker reads it. */
export type SwManifestEntry = ManifestEntry & { bytes?: number };

/** Adds `bytes` to every on-demand entry; shell entries pass unchanged. */
export const keepOnDemandSizes: ManifestTransform = (entries) => ({
  manifest: entries.map((entry): SwManifestEntry & { size: number } => (isOnDemand(entry.url) ? { ...entry, bytes: entry.size } : entry)),
  warnings: [],
});
