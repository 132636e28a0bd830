import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ArchGraph } from '../../arch/index';
import { nodeLayers } from '../../model/index';
import { classScores, forwardGraph, mainOutputNode } from './graphForward';

/** Smallest and largest of an array (0, 0 when empty). */
export function extentOf(values: Float32Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.length ? { min, max } : { min: 0, max: 0 };
}

/** Activations of one layer for x [1, H, W, C] in inference mode: values of [H', W', C'] and that shape. */
export async function layerActivations(model: tfl.LayersModel, graph: ArchGraph, x: tf.Tensor4D, layer: string): Promise<{ values: Float32Array; shape: [number, number, number] }> {
  const a = tf.tidy(() => forwardGraph(model, graph, x, { training: false, outputs: [layer] }).get(layer) as tf.Tensor);
  try {
    if (a.rank !== 4) throw new Error(`Layer "${layer}" outputs [${a.shape.join(', ')}], not feature maps [1, H, W, C].`);
    const [, h, w, c] = a.shape;
    return { values: Float32Array.from(await a.data()), shape: [h, w, c] };
  } finally {
    a.dispose();
  }
}

/** A convolution's kernel [kh, kw, cin, cout] (a copy). @throws Error when the layer has no 4-D kernel. */
export async function convKernel(model: tfl.LayersModel, layer: string): Promise<{ values: Float32Array; shape: [number, number, number, number] }> {
  const own = nodeLayers(model).get(layer)?.layer;
  if (!own) throw new Error(`Model "${model.name}" has no layer "${layer}".`);
  const kernel = own.getWeights()[0];
  if (!kernel || kernel.rank !== 4) throw new Error(`Layer "${layer}" has no convolution kernel.`);
  const [kh, kw, cin, cout] = kernel.shape;
  // A copy: on the CPU and WebGL backends data() returns the backend's own array, which a transfer would detach.
  return { values: Float32Array.from(await kernel.data()), shape: [kh, kw, cin, cout] };
}

/**
 * Grad-CAM (Selvaraju et al. 2017) for x [1, H, W, C] at feature-map layer `layer` (A: [1, H', W', K]):
 * w_k = mean over H'×W' of ∂y_c/∂A_k (y_c the class score before the softmax), heat = relu(Σ_k w_k A_k)
 * [H', W'], divided by its maximum. The class is `classIndex`, or the top-1 prediction. Also returns
 * the main output's probabilities [K]. Two passes (inference, then gradient); everything is disposed.
 */
export async function gradCam(
  model: tfl.LayersModel,
  graph: ArchGraph,
  x: tf.Tensor4D,
  layer: string,
  classIndex?: number,
): Promise<{ heat: Float32Array; shape: [number, number]; rawMax: number; classIndex: number; probabilities: Float32Array }> {
  const head = mainOutputNode(graph).name;
  const [a, probs] = tf.tidy(() => {
    const out = forwardGraph(model, graph, x, { training: false, outputs: [layer, head] });
    return [out.get(layer) as tf.Tensor, out.get(head) as tf.Tensor];
  });
  let cam: tf.Tensor | null = null;
  try {
    if (a.rank !== 4) throw new Error(`Grad-CAM needs feature maps [1, H, W, C]; layer "${layer}" outputs [${a.shape.join(', ')}].`);
    const probabilities = (await probs.data()) as Float32Array;
    const c = classIndex ?? probabilities.reduce((best, p, i) => (p > probabilities[best] ? i : best), 0);
    if (!(c >= 0 && c < probabilities.length)) throw new Error(`Class ${c} is out of range (the model has ${probabilities.length} classes).`);
    cam = tf.tidy(() => {
      // ∂y_c/∂A through a zero perturbation added to A: the rest of the graph (skips, branches) runs as is.
      const score = (delta: tf.Tensor) => tf.sum(tf.slice(classScores(model, graph, x, { training: false, inject: { node: layer, delta } }), [0, c], [1, 1]));
      const grads = tf.grad(score)(tf.zerosLike(a));
      const weights = tf.mean(grads, [1, 2], true); // [1, 1, 1, K]
      return tf.squeeze(tf.relu(tf.sum(tf.mul(a, weights), -1)), [0]); // [H', W']
    });
    const raw = (await cam.data()) as Float32Array;
    const rawMax = extentOf(raw).max;
    const heat = rawMax > 0 ? raw.map((v) => v / rawMax) : new Float32Array(raw.length);
    const [h, w] = cam.shape as [number, number];
    return { heat, shape: [h, w], rawMax, classIndex: c, probabilities };
  } finally {
    tf.dispose([a, probs]);
    cam?.dispose();
  }
}
