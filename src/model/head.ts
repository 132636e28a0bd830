import * as tfl from '@tensorflow/tfjs-layers';
import { layerOf } from './inspect';
import { asSymbolic } from './nodeLayers';

/** How a feature map [H, W, C] becomes the head's input vector: global average pooling or flattening. */
export type HeadPooling = 'avg' | 'flatten';

/** tfjs frees a layer's weights when its reference count reaches 0; `_refCount` is protected in its types. */
function retain(layer: tfl.layers.Layer): void {
  const counted = layer as unknown as { _refCount: number | null };
  if (counted._refCount !== null) counted._refCount += 1;
}

function freshName(wanted: string, taken: ReadonlySet<string>): string {
  let name = wanted;
  for (let i = 2; taken.has(name); i++) name = `${wanted}_${i}`;
  return name;
}

/**
 * Transfer learning: a new model from the base's input to the output of layer `cutAt`, then a new head —
 * for a feature map [batch, H, W, C] `head_pool` (global average pooling, [batch, C]) or `head_flatten`
 * ([batch, H·W·C]); a vector [batch, N] is used as is — and `head_predictions`, dense(classes, softmax):
 * output [batch, classes]. (A name taken by the base gets a `_2` suffix.)
 * The layers up to `cutAt` are the base's own objects, so the weights are shared (training one model
 * changes the other; freezing applies to both). Both models own a reference: dispose each once, in any
 * order; shared weights are freed with the last one.
 * @param seed seeds the head's Glorot-uniform kernel.
 * @throws Error when `cutAt` is not a layer of `base` or has several outputs.
 */
export function replaceHead(
  base: tfl.LayersModel,
  cutAt: string,
  classes: number,
  seed?: number,
  pooling: HeadPooling = 'avg',
): tfl.LayersModel {
  if (!Number.isInteger(classes) || classes < 1) throw new Error(`replaceHead needs a positive integer class count, got ${classes}.`);
  const feature = layerOf(base, cutAt).output;
  if (Array.isArray(feature)) throw new Error(`Layer "${cutAt}" has several outputs; cut at a single-output layer.`);
  const taken = new Set(base.layers.map((l) => l.name));
  let x: tfl.SymbolicTensor = feature;
  if (x.shape.length !== 2) {
    const reduce =
      x.shape.length === 4 && pooling === 'avg'
        ? tfl.layers.globalAveragePooling2d({ name: freshName('head_pool', taken) })
        : tfl.layers.flatten({ name: freshName('head_flatten', taken) });
    x = asSymbolic(reduce.apply(x), reduce.name);
  }
  const predictions = tfl.layers.dense({
    name: freshName('head_predictions', taken),
    units: classes,
    activation: 'softmax',
    kernelInitializer: tfl.initializers.glorotUniform(seed === undefined ? {} : { seed }),
  });
  const output = asSymbolic(predictions.apply(x), predictions.name);
  const model = tfl.model({ inputs: base.inputs, outputs: output, name: `${base.name}_transfer` });
  const shared = new Set(base.layers);
  model.layers.filter((l) => shared.has(l)).forEach(retain);
  return model;
}
