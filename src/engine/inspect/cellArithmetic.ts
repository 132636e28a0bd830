import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { inferGraph, padBefore, receptiveField, type ActivationName, type ArchGraph, type LayerNode } from '../../arch/index';
import { nodeLayers } from '../../model/index';
import { forwardGraph } from './graphForward';
import type { CellArithmetic, CellTerm } from './inspectProtocol';

/** How many of the largest |weight × input| terms come back for display. */
const TOP_TERMS = 8;

/** The activations of the arch, on one number (as tfjs computes them elementwise). */
export function activate(name: ActivationName, v: number): number {
  switch (name) {
    case 'relu':
      return Math.max(0, v);
    case 'tanh':
      return Math.tanh(v);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-v));
    case 'scaledTanh':
      return 1.7159 * Math.tanh((2 / 3) * v);
    default:
      return v;
  }
}

/**
 * How cell (y, x, c) of `layer`'s output is computed for x [1, H, W, C], from the live model's weights and
 * the layer's real input (its input node's output, through its helper layers, e.g. explicit padding):
 * a plain convolution (groups 1) gives Σ kernel × patch, + bias, then the activation; a max/avg pool
 * the max/mean of its window. Also returns the cell's value from the forward pass, so the two can be
 * compared, and the receptive field on the image. Every tensor is disposed.
 * @throws Error for a layer kind this does not explain, or a cell outside the map.
 */
export async function cellArithmetic(model: tfl.LayersModel, graph: ArchGraph, x: tf.Tensor4D, layer: string, cell: { y: number; x: number; c: number }): Promise<CellArithmetic> {
  const node = graph.nodes.find((n) => n.name === layer);
  if (!node) throw new Error(`${graph.name} has no layer "${layer}".`);
  const spec = node.spec;
  if (!((spec.kind === 'conv2d' && spec.groups === 1) || spec.kind === 'maxPool' || spec.kind === 'avgPool') || node.inputs.length !== 1) {
    throw new Error(`Layer "${layer}" (${spec.kind}) is not a plain convolution or pooling layer.`);
  }
  const own = nodeLayers(model).get(layer);
  if (!own) throw new Error(`Model "${model.name}" has no layer "${layer}".`);
  const [input, output] = tf.tidy(() => {
    const out = forwardGraph(model, graph, x, { training: false, outputs: [node.inputs[0], layer] });
    let xin = out.get(node.inputs[0]) as tf.Tensor;
    for (const h of own.helpers) xin = h.apply(xin) as tf.Tensor;
    // A copy: the input node's output is `x` itself, which the caller owns.
    return [tf.clone(xin), out.get(layer) as tf.Tensor];
  });
  try {
    const [, ih, iw, ic] = input.shape as number[];
    const [, oh, ow, oc] = output.shape as number[];
    if (!(cell.y >= 0 && cell.y < oh && cell.x >= 0 && cell.x < ow && cell.c >= 0 && cell.c < oc)) throw new Error(`Cell (${cell.y}, ${cell.x}, ${cell.c}) is outside ${layer}'s ${oh}×${ow}×${oc} maps.`);
    const inValues = (await input.data()) as Float32Array;
    const outValues = (await output.data()) as Float32Array;
    const value = outValues[(cell.y * ow + cell.x) * oc + cell.c];
    const k = spec.kind === 'conv2d' ? spec.kernel : spec.pool;
    const s = spec.strides;
    // Helpers already padded explicitly; only 'same' pads inside the layer.
    const padding = own.helpers.length ? 'valid' : spec.padding;
    const ph = padBefore(ih, oh, k[0], s[0], padding, 'h');
    const pw = padBefore(iw, ow, k[1], s[1], padding, 'w');
    const at = (r: number, q: number, ch: number) => (r < 0 || r >= ih || q < 0 || q >= iw ? null : inValues[(r * iw + q) * ic + ch]);
    const field = receptiveField(graph, layer, cell.y, cell.x);
    const rows = { y0: cell.y * s[0] - ph, x0: cell.x * s[1] - pw };
    if (spec.kind === 'conv2d') {
      const kernel = own.layer.getWeights()[0];
      const bias = spec.useBias ? own.layer.getWeights()[1] : null;
      const w = (await kernel.data()) as Float32Array;
      const b = bias ? ((await bias.data()) as Float32Array)[cell.c] : 0;
      let sum = 0;
      const terms: CellTerm[] = [];
      for (let u = 0; u < k[0]; u++) {
        for (let v = 0; v < k[1]; v++) {
          for (let ch = 0; ch < ic; ch++) {
            const xi = at(rows.y0 + u, rows.x0 + v, ch);
            if (xi === null) continue; // zero padding adds nothing
            const wi = w[((u * k[1] + v) * ic + ch) * oc + cell.c];
            sum += wi * xi;
            terms.push({ u, v, channel: ch, weight: wi, input: xi });
          }
        }
      }
      terms.sort((a, b2) => Math.abs(b2.weight * b2.input) - Math.abs(a.weight * a.input));
      const pre = sum + b;
      return { layer, kind: 'conv2d', cell, kernel: [k[0], k[1], ic], patchOrigin: rows, sum, bias: b, preActivation: pre, activation: spec.activation, result: activate(spec.activation, pre), value, terms: terms.slice(0, TOP_TERMS), count: terms.length, receptiveField: field, inputShape: inferGraph(graph).inputShape as [number, number, number] };
    }
    const window: number[] = [];
    for (let u = 0; u < k[0]; u++) for (let v = 0; v < k[1]; v++) {
      const xi = at(rows.y0 + u, rows.x0 + v, cell.c);
      if (xi !== null) window.push(xi);
    }
    const result = spec.kind === 'maxPool' ? Math.max(...window) : window.reduce((a, v) => a + v, 0) / window.length;
    return { layer, kind: spec.kind, cell, kernel: [k[0], k[1], 1], patchOrigin: rows, sum: result, bias: 0, preActivation: result, activation: 'linear', result, value, terms: window.map((v, i) => ({ u: Math.floor(i / k[1]), v: i % k[1], channel: cell.c, weight: 1, input: v })).slice(0, TOP_TERMS), count: window.length, receptiveField: field, inputShape: inferGraph(graph).inputShape as [number, number, number] };
  } finally {
    tf.dispose([input, output]);
  }
}

/** Whether `node` is a layer {@link cellArithmetic} explains. */
export function explainsCell(node: LayerNode): boolean {
  return (node.spec.kind === 'conv2d' && node.spec.groups === 1) || node.spec.kind === 'maxPool' || node.spec.kind === 'avgPool';
}
