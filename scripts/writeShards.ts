/**
 * Turns image splits into gzip shards plus manifest entries, byte-identical from run to run.
 * Node only.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import type { DatasetManifest, ImageSplit, ShardInfo, SplitManifest } from '../src/data/datasetTypes';

/** A shard's manifest entry and its compressed bytes. */
export interface PackedShard {
  readonly info: ShardInfo;
  readonly gzip: Uint8Array;
}

/**
 * Gzip at level 9 with a fixed header: mtime 0 (Node already writes 0) and OS byte 3 (Unix), so the
 * bytes do not depend on the clock or the platform. The deflate stream itself is zlib's and can differ
 * between zlib builds (Node versions); the manifest's sha256 covers the uncompressed bytes for that reason.
 */
export function gzipDeterministic(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(gzipSync(data, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 }));
  out.fill(0, 4, 8);
  out[9] = 3;
  return out;
}

/** Lower-case hex SHA-256. */
export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Compresses one shard and describes it. */
export function packShard(file: string, data: Uint8Array, count: number): PackedShard {
  const gzip = gzipDeterministic(data);
  return { info: { file, count, bytes: data.byteLength, gzipBytes: gzip.byteLength, sha256: sha256Hex(data) }, gzip };
}

/**
 * Packs one split: its images cut into `imageShards` nearly equal shards (`<prefix>-images-<k>.u8.gz`)
 * and its labels as one shard (`<prefix>-labels.u8.gz`).
 */
export function packSplit(
  prefix: 'train' | 'test',
  split: ImageSplit,
  bytesPerImage: number,
  numClasses: number,
  imageShards: number,
): { manifest: SplitManifest; shards: PackedShard[] } {
  if (split.images.byteLength !== split.count * bytesPerImage || split.labels.byteLength !== split.count) {
    throw new Error(`${prefix}: ${split.count} images need ${split.count * bytesPerImage} pixel bytes and ${split.count} labels`);
  }
  const classCounts = new Array<number>(numClasses).fill(0);
  for (const label of split.labels) {
    if (label >= numClasses) throw new Error(`${prefix}: label ${label} is not below ${numClasses}`);
    classCounts[label]++;
  }
  const images: PackedShard[] = [];
  for (let k = 0; k < imageShards; k++) {
    const start = Math.round((k * split.count) / imageShards);
    const end = Math.round(((k + 1) * split.count) / imageShards);
    const data = split.images.subarray(start * bytesPerImage, end * bytesPerImage);
    images.push(packShard(`${prefix}-images-${k}.u8.gz`, data, end - start));
  }
  const labels = packShard(`${prefix}-labels.u8.gz`, split.labels, split.count);
  return {
    manifest: { count: split.count, classCounts, images: images.map((s) => s.info), labels: labels.info },
    shards: [...images, labels],
  };
}

/** Replaces `dir` with the shards and a pretty-printed `manifest.json`. */
export function writeDatasetFolder(dir: string, manifest: DatasetManifest, shards: readonly PackedShard[]): void {
  mkdirSync(dir, { recursive: true });
  // Only our own outputs are removed, so a stray file someone put there survives.
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.u8.gz') || name === 'manifest.json') rmSync(join(dir, name));
  }
  for (const shard of shards) writeFileSync(join(dir, shard.info.file), shard.gzip);
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
