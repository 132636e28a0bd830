/**
 * Augmentation in training: the fit loop's `transformBatch` hook, applied to training batches only
 * (validation and test go through `measure`/`evaluate`, which never call it). PCA colour statistics
 * are computed once per dataset over the training examples actually used.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { AUGMENT_OPS, assertAugmentConfig, augmentBatch, computePcaColorStats, deriveSeed, type AugmentConfig, type PcaColorStats } from '../../augment/index';
import type { ImageDataset } from '../../data/datasetTypes';

/** True when at least one augmentation is switched on. */
export function anyAugmentation(config: AugmentConfig | undefined): config is AugmentConfig {
  return config !== undefined && AUGMENT_OPS.some((op) => config[op].enabled);
}

const statsCache = new WeakMap<ImageDataset, Map<number, PcaColorStats>>();

/**
 * RGB covariance eigen-decomposition over the first `count` training images (the fit loop trains on
 * the first examples and validates on the last), or null for greyscale datasets.
 */
export function trainingPcaStats(data: ImageDataset, count = data.train.count): PcaColorStats | null {
  const [h, w, c] = data.imageShape;
  if (c !== 3 || count < 1) return null;
  const perData = statsCache.get(data) ?? new Map<number, PcaColorStats>();
  statsCache.set(data, perData);
  let stats = perData.get(count);
  if (!stats) {
    stats = computePcaColorStats(data.train.images.subarray(0, count * h * w * c), count, h, w);
    perData.set(count, stats);
  }
  return stats;
}

/**
 * The per-batch hook for fitLoop, or undefined when no augmentation is on.
 * @param inputChannels channels of the network input (batches are adapted before the hook runs).
 * @returns (x [N, H, W, C] in [0, 1], step) → a new augmented [N, H, W, C]; step `s` uses seed derive(seed, s).
 * @throws Error naming the invalid parameters, before any training starts.
 */
export function augmentTransform(
  config: AugmentConfig | undefined,
  seed: number,
  data: ImageDataset,
  trainCount: number,
  inputChannels: number,
): ((x: tf.Tensor4D, step: number) => tf.Tensor4D) | undefined {
  if (!anyAugmentation(config)) return undefined;
  assertAugmentConfig(config);
  let effective = config;
  let stats: PcaColorStats | undefined;
  if (config.pcaColor.enabled && inputChannels === 3) {
    stats = trainingPcaStats(data, trainCount) ?? undefined;
    // Greyscale data tiled to RGB has no colour to shift along: PCA colour is skipped.
    if (!stats) effective = { ...config, pcaColor: { ...config.pcaColor, enabled: false } };
  }
  return (x, step) => augmentBatch(x, effective, deriveSeed(seed, `step-${step}`), stats);
}
