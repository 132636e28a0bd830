import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ArchGraph } from '../arch/index';
import type { ImageDataset } from '../data/datasetTypes';
import { makeBatch } from './batches';
import { recomputeBatchNormStatistics } from './preciseBatchNorm';

type Shape3 = readonly [number, number, number];

/** Whether a graph has a batch norm whose statistics a run changes. */
export const hasBatchNorm = (graph: ArchGraph): boolean => graph.nodes.some((n) => n.spec.kind === 'batchNorm');

/** Batches x [≤64, …input] of the training images at `indices`, made one at a time and disposed after use. */
function* imageBatches(data: ImageDataset, indices: Int32Array, input: Shape3, classes: number): Generator<tf.Tensor4D> {
  for (let start = 0; start < indices.length; start += 64) {
    const { x, y } = makeBatch(data.train, data.imageShape, indices.subarray(start, start + 64), input, classes);
    y.dispose();
    try {
      yield x;
    } finally {
      x.dispose();
    }
  }
}

/**
 * Precise BN after (part of) a run: every trainable batch norm's moving mean and variance become the
 * exact statistics of its input over the training images at `indices` (un-augmented, adapted to `input`).
 * @returns the number of batch-norm layers updated (0 for a model without batch norm).
 */
export async function settleBatchNorm(model: tfl.LayersModel, graph: ArchGraph, data: ImageDataset, indices: Int32Array, input: Shape3, classes: number): Promise<number> {
  if (!hasBatchNorm(graph) || indices.length === 0) return 0;
  return recomputeBatchNormStatistics(model, graph, imageBatches(data, indices, input, classes));
}
