import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ArchGraph } from '../../arch/index';
import { nodeLayers } from '../../model/index';
import { forwardGraph } from './graphForward';
import type { SoftmaxArithmetic } from './inspectProtocol';

/**
 * How a softmax output layer turns its input into probabilities for x [1, H, W, C], from the live weights:
 * the logits z_j = Σ_i x_i · W[i, j] + b_j (x the layer's input vector, W [inputs, classes]), then
 * p_j = e^(z_j − max z) / Σ_k e^(z_k − max z), each computed here in float64 beside the forward pass's own
 * probabilities (what the prediction shows), so the two can be compared. Every tensor is disposed.
 * @throws Error when `layer` is not a dense layer with a softmax.
 */
export async function softmaxArithmetic(model: tfl.LayersModel, graph: ArchGraph, x: tf.Tensor4D, layer: string): Promise<SoftmaxArithmetic> {
  const node = graph.nodes.find((n) => n.name === layer);
  if (!node || node.spec.kind !== 'dense' || node.spec.activation !== 'softmax' || node.inputs.length !== 1) {
    throw new Error(`Layer "${layer}" is not a dense layer with a softmax.`);
  }
  const own = nodeLayers(model).get(layer);
  if (!own) throw new Error(`Model "${model.name}" has no layer "${layer}".`);
  const [input, output] = tf.tidy(() => {
    const out = forwardGraph(model, graph, x, { training: false, outputs: [node.inputs[0], layer] });
    return [tf.reshape(out.get(node.inputs[0]) as tf.Tensor, [-1]), tf.reshape(out.get(layer) as tf.Tensor, [-1])];
  });
  try {
    const xs = (await input.data()) as Float32Array;
    const forward = Array.from((await output.data()) as Float32Array);
    const weights = own.layer.getWeights();
    const w = (await weights[0].data()) as Float32Array;
    const b = node.spec.useBias && weights[1] ? ((await weights[1].data()) as Float32Array) : null;
    const classes = forward.length;
    const logits = Array.from({ length: classes }, (_, j) => {
      let z = b ? b[j] : 0;
      for (let i = 0; i < xs.length; i++) z += xs[i] * w[i * classes + j];
      return z;
    });
    const max = Math.max(...logits);
    const exps = logits.map((z) => Math.exp(z - max));
    const sumExp = exps.reduce((a, e) => a + e, 0);
    return { layer, inputs: xs.length, logits, max, exps, sumExp, probabilities: exps.map((e) => e / sumExp), forward };
  } finally {
    tf.dispose([input, output]);
  }
}
