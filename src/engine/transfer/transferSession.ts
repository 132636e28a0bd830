/**
 * The worker-side state of transfer learning: the loaded base (kept as artifacts, so every "apply"
 * starts again from the pretrained weights even after fine-tuning moved the shared layers) and the
 * installed transfer model with its graph, head and freeze units.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { buildArch, inferGraph, type ArchGraph, type ArchOptions } from '../../arch/index';
import { describeAdaptation } from '../../data/adaptInput';
import type { ImageDataset } from '../../data/datasetTypes';
import { transferError } from '../../messages/index';
import { countParams, freezeLayers, nodeOfLayer, replaceHead, type HeadPooling } from '../../model/index';
import type { EngineDatasetId } from '../protocol';
import { imageInputShape } from './baseLoader';
import { freezeUnits, frozenLayers, type FreezeUnit } from './freezePlan';
import { graphFromModel } from './graphFromModel';
import { ENGINE_INPUT_RANGE, type InputRange } from './inputRescaling';
import { modelArtifacts, modelFromArtifacts } from './modelFiles';
import { cutCandidates, defaultCut, transferGraph } from './transferGraph';
import type { BaseEntry, BaseInfo, FreezeMode, LayerRow, TransferState } from './transferProtocol';

/** A base ready to receive heads. */
export interface LoadedBase {
  info: BaseInfo;
  graph: ArchGraph;
  artifacts: tf.io.ModelArtifacts;
  /** Zoo id and options (shipped bases), for the record. */
  arch: { id: string; options: ArchOptions } | null;
}

/** A transfer model as installed in the engine. */
export interface InstalledModel {
  model: tfl.LayersModel;
  graph: ArchGraph;
  cutAt: string;
  /** Head node names, the softmax last. */
  head: string[];
  /** The layer whose output the head's softmax reads (what the feature cache stores). */
  featureLayer: string;
  units: FreezeUnit[];
  mode: FreezeMode;
  baseTitle: string;
}

/** The graph's node names must be exactly the model's arch nodes, or the graph describes another model. */
export function checkGraphMatches(graph: ArchGraph, model: tfl.LayersModel): void {
  const fromModel = new Set(model.layers.map((l) => nodeOfLayer(l.name)));
  const missing = graph.nodes.find((n) => !fromModel.has(n.name));
  if (missing) throw transferError('transfer.graphMissingLayer', { model: model.name, layer: missing.name });
  if (fromModel.size !== graph.nodes.length) throw transferError('transfer.graphMismatch', { model: model.name });
}

interface BaseDescription {
  id: string;
  title: string;
  candidates: string[];
  cut: string;
  pooling: HeadPooling;
  inputRange: InputRange;
}

function describeBase(d: BaseDescription, graph: ArchGraph, model: tfl.LayersModel): BaseInfo {
  const { candidates, cut, pooling } = d;
  const info = inferGraph(graph);
  const layers: LayerRow[] = info.layers.map((l) => ({ name: l.name, kind: l.kind, outputShape: [...l.outputShape], params: l.params, unit: null, frozen: false }));
  // A graph read off a URL model ends at the cut (a candidate), not at a classifier.
  const main = graph.outputs[0]?.node ?? '';
  const classes = !candidates.includes(main) && info.outputShape.length === 1 ? info.outputShape[0] : 0;
  return {
    id: d.id, title: d.title, inputShape: imageInputShape(model), inputRange: [d.inputRange[0], d.inputRange[1]], classes, totalParams: model.countParams(), layers,
    cutCandidates: candidates, defaultCut: cut, defaultPooling: pooling,
  };
}

/** A shipped base: its zoo graph (checked against the file's layers) and its artifacts. */
export async function shippedBase(entry: BaseEntry, model: tfl.LayersModel): Promise<LoadedBase> {
  const options = entry.options as ArchOptions;
  const graph = buildArch(entry.arch, options);
  checkGraphMatches(graph, model);
  const candidates = cutCandidates(graph);
  const cut = candidates.includes(entry.featureLayer) ? entry.featureLayer : defaultCut(graph);
  const info = describeBase({ id: entry.id, title: entry.title, candidates, cut, pooling: entry.headPooling, inputRange: ENGINE_INPUT_RANGE }, graph, model);
  return { info, graph, artifacts: await modelArtifacts(model), arch: { id: entry.arch, options } };
}

/**
 * A base from a URL: its graph is read off the layers up to `cutAt`, where the new head will sit.
 * `inputRange` is the range the model was loaded for (a Rescaling layer after its input when not [0, 1]).
 */
export async function urlBase(url: string, title: string, model: tfl.LayersModel, cutAt: string, inputRange: InputRange = ENGINE_INPUT_RANGE): Promise<LoadedBase> {
  const graph = graphFromModel(model, cutAt);
  const candidates = graph.nodes.filter((n) => n.spec.kind !== 'input' && n.spec.kind !== 'rescale').map((n) => n.name);
  return { info: describeBase({ id: url, title, candidates, cut: cutAt, pooling: 'avg', inputRange }, graph, model), graph, artifacts: await modelArtifacts(model), arch: null };
}

/**
 * A base from a model file read with its own graph (a `.keras` file): every layer but its outputs can
 * carry the new head, by default the input of its main classifier.
 */
export async function fileBase(title: string, model: tfl.LayersModel, graph: ArchGraph): Promise<LoadedBase> {
  const candidates = cutCandidates(graph);
  const cut = defaultCut(graph);
  const info = describeBase({ id: `file:${title}`, title, candidates, cut, pooling: 'avg', inputRange: ENGINE_INPUT_RANGE }, graph, model);
  return { info, graph, artifacts: await modelArtifacts(model), arch: null };
}

/**
 * A fresh copy of the pretrained base with a new softmax head for `classes` classes on layer `cutAt`
 * (see `replaceHead`), frozen as `mode` says. The copy of the base is disposed; its layers up to the
 * cut now belong to the returned model.
 */
export async function withNewHead(base: LoadedBase, cutAt: string, classes: number, pooling: HeadPooling, seed: number, mode: FreezeMode): Promise<InstalledModel> {
  const { graph, head } = transferGraph(base.graph, cutAt, classes, pooling);
  const copy = await modelFromArtifacts(base.artifacts);
  let model: tfl.LayersModel;
  try {
    model = replaceHead(copy, cutAt, classes, seed, pooling);
  } finally {
    copy.dispose();
  }
  const headNodes = [head.reduce, head.predictions].filter((n): n is string => n !== null);
  const installed: InstalledModel = { model, graph, cutAt, head: headNodes, featureLayer: head.reduce ?? cutAt, units: freezeUnits(graph, headNodes), mode, baseTitle: base.info.title };
  applyFreeze(installed, mode);
  return installed;
}

/** Freezes the installed model's base as `mode` says (the head always trains); returns the frozen layer names. */
export function applyFreeze(installed: InstalledModel, mode: FreezeMode): string[] {
  installed.mode = mode;
  return freezeLayers(installed.model, frozenLayers(installed.units, mode));
}

/** The layer list with freeze flags read back from tfjs (`layer.trainable`), and tfjs' own parameter counts. */
export function describeInstalled(installed: InstalledModel): { layers: LayerRow[]; params: ReturnType<typeof countParams>; cacheEligible: boolean } {
  const unitOf = new Map(installed.units.flatMap((u) => u.layers.map((l) => [l, u.id] as const)));
  const trainable = new Map(installed.model.layers.map((l) => [l.name, l.trainable]));
  const layers = inferGraph(installed.graph).layers.map((l) => ({
    name: l.name, kind: l.kind, outputShape: [...l.outputShape], params: l.params,
    unit: unitOf.get(l.name) ?? null,
    frozen: unitOf.has(l.name) && trainable.get(l.name) === false,
  }));
  const softmax = installed.head.at(-1) ?? '';
  // The cache applies when nothing but the head's softmax has trainable weights.
  const cacheEligible = installed.model.layers.every((l) => l.name === softmax || l.trainableWeights.length === 0);
  return { layers, params: countParams(installed.model), cacheEligible };
}

/**
 * Everything the UI shows of an installed model: build info as the training panel reads it, layers,
 * freeze, counts. `memory` is the session's memory check at the current plan (bytes).
 */
export function transferState(installed: InstalledModel, data: ImageDataset, datasetId: EngineDatasetId, memory: { estimate: number; budget: number }): TransferState {
  const d = describeInstalled(installed);
  const info = inferGraph(installed.graph);
  const input = [...info.inputShape] as [number, number, number];
  return {
    build: {
      name: installed.graph.name, inputShape: input, classes: data.classNames.length,
      totalParams: d.params.total, trainableParams: d.params.trainable, nonTrainableParams: d.params.nonTrainable,
      adaptation: describeAdaptation(data.imageShape, input),
      memoryEstimate: memory.estimate, memoryBudget: memory.budget,
    },
    dataset: { id: datasetId, name: data.name, imageShape: [...data.imageShape] as [number, number, number], classNames: [...data.classNames], trainCount: data.train.count, testCount: data.test.count },
    baseTitle: installed.baseTitle, cutAt: installed.cutAt, graph: installed.graph, layers: d.layers,
    units: installed.units.map((u) => ({ id: u.id, label: u.label })),
    mode: installed.mode, params: d.params, cacheEligible: d.cacheEligible,
    featureSize: (info.layers.find((l) => l.name === installed.featureLayer)?.outputShape ?? []).reduce((a, b) => a * b, 1),
  };
}
