import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ArchGraph } from '../../arch/index';
import { nodeLayers } from '../../model/index';
import { accuracy, categoricalCrossentropy } from '../trainStep';
import type { LayerGradientNorm } from './depthPresets';

/** The convolutions of a graph in layer (topological) order, each with its kernel variable [kh, kw, cin, cout]. */
export function convKernels(model: tfl.LayersModel, graph: ArchGraph): { layer: string; kernel: tf.Variable }[] {
  const layers = nodeLayers(model);
  return graph.nodes
    .filter((n) => n.spec.kind === 'conv2d')
    .map((n) => {
      const layer = layers.get(n.name)?.layer;
      const kernel = layer?.trainableWeights.find((w) => w.shape.length === 4);
      if (!kernel) throw new Error(`Convolution "${n.name}" has no trainable kernel in model "${model.name}".`);
      return { layer: n.name, kernel: kernel.read() as tf.Variable };
    });
}

/**
 * One training step on x [N, H, W, C], y [N, K] (one-hot) that also measures, before applying the update,
 * the L2 norm ‖∂L/∂W‖₂ of the loss gradient for every convolution kernel W, in layer order. L is the
 * (clipped) categorical cross-entropy of the main output in training mode, the loss trainStep minimises,
 * so the step is the same one training would take. Returns the step's loss and accuracy (numbers);
 * every tensor is disposed.
 */
export async function stepWithGradientNorms(
  model: tfl.LayersModel,
  graph: ArchGraph,
  optimizer: tf.Optimizer,
  x: tf.Tensor4D,
  y: tf.Tensor2D,
): Promise<{ loss: number; accuracy: number; norms: LayerGradientNorm[] }> {
  const kernels = convKernels(model, graph);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const kept: { accuracy?: tf.Scalar } = {};
  const { value, grads } = tf.variableGrads(() => {
    const p = model.apply(x, { training: true }) as tf.Tensor | tf.Tensor[];
    const main = Array.isArray(p) ? p[0] : p;
    kept.accuracy = tf.keep(accuracy(y, main));
    return categoricalCrossentropy(y, main);
  }, variables);
  const norms = tf.tidy(() => tf.stack(kernels.map((k) => tf.norm(grads[k.kernel.name]))));
  try {
    optimizer.applyGradients(grads);
    const values = await norms.data();
    return {
      loss: (await value.data())[0],
      accuracy: kept.accuracy ? (await kept.accuracy.data())[0] : 0,
      norms: kernels.map((k, i) => ({ layer: k.layer, norm: values[i] })),
    };
  } finally {
    tf.dispose([value, norms, ...Object.values(grads)]);
    kept.accuracy?.dispose();
  }
}

