import type * as tfl from '@tensorflow/tfjs-layers';
import { inferGraph, type ArchGraph, type LayerKind } from '../../arch/index';
import { nodeLayers } from '../../model/index';
import { ancestorsOf, mainOutputNode } from './graphForward';
import type { InspectableLayer, InspectLayers } from './inspectProtocol';

/** Layers whose output is a "feature map" a class activation map may be taken from (not pools or pads). */
const CAM_KINDS: ReadonlySet<LayerKind> = new Set(['conv2d', 'activation', 'batchNorm', 'add', 'concat', 'lrn', 'tableConv2d', 'subsample']);

/**
 * The layers of a built model that output feature maps [H, W, C] (the input excluded), in graph order,
 * with the first convolution and the Grad-CAM layer: the last feature-map layer feeding the main
 * classifier whose maps are larger than 1×1 (e.g. LeNet-5's `c3_conv`, the 1998 LeNet-5's `s4_subsample`, a ResNet's last block output,
 * GoogLeNet's `inception_5b_concat`).
 */
export function inspectableLayers(model: tfl.LayersModel, graph: ArchGraph): InspectLayers {
  const info = inferGraph(graph);
  const built = nodeLayers(model);
  const layers: InspectableLayer[] = [];
  for (const [i, node] of graph.nodes.entries()) {
    const shape = info.layers[i].outputShape;
    if (node.spec.kind === 'input' || shape.length !== 3 || !built.has(node.name)) continue;
    const spec = node.spec;
    const kernelShape: InspectableLayer['kernelShape'] =
      spec.kind === 'conv2d' ? [spec.kernel[0], spec.kernel[1], (info.layers.find((l) => l.name === node.inputs[0])?.outputShape[2] ?? 0) / spec.groups, spec.filters] : null;
    layers.push({ name: node.name, kind: spec.kind, outputShape: [shape[0], shape[1], shape[2]], kernelShape });
  }
  const feedsHead = ancestorsOf(graph, [mainOutputNode(graph).name]);
  const cam = layers.filter((l) => feedsHead.has(l.name) && CAM_KINDS.has(l.kind as LayerKind) && l.outputShape[0] * l.outputShape[1] > 1).at(-1);
  return { model: graph.name, layers, firstConv: layers.find((l) => l.kind === 'conv2d')?.name ?? null, gradCamLayer: cam?.name ?? null };
}
