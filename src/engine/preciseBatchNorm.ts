import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ArchGraph } from '../arch/index';
import { nodeLayers } from '../model/index';
import { forwardGraph, mainOutputNode } from './inspect/graphForward';

/** Per-channel sums over the examples seen: Σx and Σx² per batch-norm layer, with the count. */
interface Moments {
  sum: Float64Array;
  sumSquares: Float64Array;
  count: number;
}

/**
 * "Precise BN" (Wu & Johnson 2021): sets every batch-norm layer's moving mean and variance to the exact
 * statistics of its input over `batches` (each x [N, H, W, C], disposed by the caller), computed in
 * training mode so each layer sees what it saw while training. After a short run the moving averages
 * (momentum 0.99) still remember their initial 0 and 1, so inference-mode accuracy would mostly measure
 * that lag instead of what the weights learned. Frozen batch norms are left as they are. Every temporary
 * tensor is disposed. @returns the number of batch-norm layers updated.
 */
export async function recomputeBatchNormStatistics(model: tfl.LayersModel, graph: ArchGraph, batches: Iterable<tf.Tensor4D>): Promise<number> {
  const moments = new Map<string, Moments>();
  const head = mainOutputNode(graph).name;
  const layers = nodeLayers(model);
  // A frozen batch norm (transfer learning) runs in inference mode and keeps its pretrained statistics.
  const frozen = (node: string) => layers.get(node)?.layer.trainable === false;
  for (const x of batches) {
    const seen: { node: string; count: number; stats: tf.Tensor }[] = [];
    tf.tidy(() => {
      forwardGraph(model, graph, x, {
        training: true,
        outputs: [head],
        onInput: {
          kind: 'batchNorm',
          see: (node, input) => {
            if (frozen(node.name)) return;
            const channels = input.shape[input.rank - 1] ?? 1;
            const flat = tf.reshape(input, [-1, channels]);
            // [2, C]: Σx and Σx² per channel, summed over batch and positions.
            seen.push({ node: node.name, count: flat.shape[0], stats: tf.keep(tf.stack([tf.sum(flat, 0), tf.sum(tf.square(flat), 0)])) });
          },
        },
      });
    });
    try {
      for (const s of seen) {
        const values = await s.stats.data();
        const c = values.length / 2;
        const m = moments.get(s.node) ?? { sum: new Float64Array(c), sumSquares: new Float64Array(c), count: 0 };
        for (let i = 0; i < c; i++) {
          m.sum[i] += values[i];
          m.sumSquares[i] += values[c + i];
        }
        m.count += s.count;
        moments.set(s.node, m);
      }
    } finally {
      tf.dispose(seen.map((s) => s.stats));
    }
  }
  for (const [node, m] of moments) {
    const weights = layers.get(node)?.layer.weights ?? [];
    const movingMean = weights.find((w) => w.originalName.endsWith('moving_mean'));
    const movingVariance = weights.find((w) => w.originalName.endsWith('moving_variance'));
    if (!movingMean || !movingVariance) throw new Error(`Batch norm "${node}" has no moving statistics.`);
    const mean = Float32Array.from(m.sum, (s) => s / m.count);
    const variance = Float32Array.from(m.sumSquares, (s, i) => Math.max(0, s / m.count - mean[i] * mean[i]));
    const [meanT, varianceT] = [tf.tensor1d(mean), tf.tensor1d(variance)];
    movingMean.write(meanT);
    movingVariance.write(varianceT);
    tf.dispose([meanT, varianceT]);
  }
  return moments.size;
}
