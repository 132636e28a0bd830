import * as Comlink from 'comlink';
import type * as tfl from '@tensorflow/tfjs-layers';
import * as tf from '@tensorflow/tfjs-core';
import { inferGraph, type ArchGraph } from '../../arch/index';
import type { ImageDataset } from '../../data/datasetTypes';
import type { Engine } from '../engine';
import type { Refusal } from '../jobSlot';
import { runDepthExperiment } from './depthExperiment';
import { imageBatch } from './imageBatch';
import { inspectableLayers } from './inspectLayers';
import { convKernel, extentOf, gradCam, layerActivations } from './inspectOps';
import type {
  CellArithmetic, CellRequest, DepthExperimentResult, DepthExperimentSettings, DepthProgress, FeatureMaps, FeatureMapsRequest, Filters, GradCam, GradCamRequest, InspectApi, InspectLayers, LayerGradient, SoftmaxArithmetic,
} from './inspectProtocol';
import { layerGradientNorm } from './layerGradient';
import { makeBatch } from '../batches';
import { cellArithmetic } from './cellArithmetic';
import { softmaxArithmetic } from './softmaxArithmetic';
import { engineError, inspectError } from '../../messages/index';
import { loadBundledDataset } from '../../data/loadBundled';

type Shape3 = [number, number, number];

/** The depth experiment's own words while the user's model trains or it already runs; other jobs keep the slot's. */
const refuseDepth: Refusal = (running) =>
  running === 'fit' || running === 'evaluate' ? inspectError('inspect.trainingRunning') : running === 'depthExperiment' ? inspectError('inspect.experimentRunning') : undefined;

/**
 * Looking inside the session's model, in the worker (`worker.inspect`, see InspectApi in
 * inspectProtocol.ts): feature maps, filters, Grad-CAM with top-k, and the depth experiment. Every call
 * but the experiment is short and runs between training batches (the fit loop yields to the event loop
 * after each batch), so the UI may poll during training. Big arrays come back transferred.
 */
export class InspectFeature implements InspectApi {
  /** MNIST for the depth experiment, loaded once (the user's own dataset in the engine stays as it is). */
  private digits: Promise<ImageDataset> | null = null;

  constructor(private readonly engine: Engine) {}

  /** The current model's feature-map layers (name, kind, [H, W, C]) and the panel's default layers. */
  async layers(): Promise<InspectLayers> {
    const { model, graph } = this.requireModel();
    return inspectableLayers(model, graph);
  }

  /** One image's activations at `layer`: values [H, W, C] (transferred) with their min and max. */
  async featureMaps(request: FeatureMapsRequest): Promise<FeatureMaps> {
    const { model, graph, data, input } = this.requireData();
    const { x, sample } = imageBatch(request.image, data, input);
    try {
      const { values, shape } = await layerActivations(model, graph, x, request.layer);
      const result: FeatureMaps = { layer: request.layer, shape, values, ...extentOf(values), image: sample };
      return Comlink.transfer(result, [values.buffer]);
    } finally {
      x.dispose();
    }
  }

  /**
   * How cell (y, x, c) of `layer`'s output is computed for the image: Σ kernel × patch + bias, then the
   * activation (or a pool's max/mean), from the live weights, with the cell's forward-pass value.
   */
  async cellArithmetic(request: CellRequest): Promise<CellArithmetic> {
    const { model, graph, data, input } = this.requireData();
    const { x } = imageBatch(request.image, data, input);
    try {
      return await cellArithmetic(model, graph, x, request.layer, { y: request.y, x: request.x, c: request.c });
    } finally {
      x.dispose();
    }
  }

  /** How a softmax output layer computes its probabilities for the image (logits, exponentials, their sum). */
  async softmaxArithmetic(request: FeatureMapsRequest): Promise<SoftmaxArithmetic> {
    const { model, graph, data, input } = this.requireData();
    const { x } = imageBatch(request.image, data, input);
    try {
      return await softmaxArithmetic(model, graph, x, request.layer);
    } finally {
      x.dispose();
    }
  }

  /** A convolution's kernels [kh, kw, cin, cout] (transferred); by default the first convolution's. */
  async filters(layer?: string): Promise<Filters> {
    const { model, graph } = this.requireModel();
    const name = layer ?? inspectableLayers(model, graph).firstConv;
    if (!name) throw inspectError('inspect.noConvolution', { model: graph.name });
    const { values, shape } = await convKernel(model, name);
    return Comlink.transfer({ layer: name, shape, values, ...extentOf(values) }, [values.buffer]);
  }

  /**
   * The gradient norm of `layer`'s kernel on the first `examples` training images (inference mode: nothing
   * changes, so it may run between training batches), with the kernel's own norm; nulls without a kernel.
   */
  async layerGradient(layer: string, examples = 32): Promise<LayerGradient> {
    const { model, data, input } = this.requireData();
    const n = Math.max(1, Math.min(Math.trunc(examples) || 1, 256, data.train.count));
    const { x, y } = makeBatch(data.train, data.imageShape, Int32Array.from({ length: n }, (_, i) => i), input, data.classNames.length);
    try {
      const norms = await layerGradientNorm(model, layer, x, y);
      return { layer, gradientNorm: norms?.gradientNorm ?? null, weightNorm: norms?.weightNorm ?? null, examples: n };
    } finally {
      tf.dispose([x, y]);
    }
  }

  /**
   * Grad-CAM over `layer` (default: the last feature-map layer before the classifier) for `classIndex`
   * (default: the top-1 class), with the top-`k` probabilities of the same forward pass.
   */
  async gradCam(request: GradCamRequest): Promise<GradCam> {
    const { model, graph, data, input } = this.requireData();
    const layer = request.layer ?? inspectableLayers(model, graph).gradCamLayer;
    if (!layer) throw inspectError('inspect.noFeatureMap', { model: graph.name });
    const { x, sample } = imageBatch(request.image, data, input);
    try {
      const cam = await gradCam(model, graph, x, layer, request.classIndex);
      const name = (i: number) => data.classNames[i] ?? `class ${i}`;
      const top = Array.from(cam.probabilities, (probability, index) => ({ index, name: name(index), probability }))
        .sort((a, b) => b.probability - a.probability)
        .slice(0, request.k ?? 5);
      const result: GradCam = { layer, classIndex: cam.classIndex, className: name(cam.classIndex), shape: cam.shape, heat: cam.heat, rawMax: cam.rawMax, top, image: sample };
      return Comlink.transfer(result, [cam.heat.buffer]);
    } finally {
      x.dispose();
    }
  }

  /**
   * Trains plain and residual nets of several depths with one budget and reports training error per
   * depth and first-step gradient norms (see depthExperiment.ts), as the session's job
   * `depthExperiment`: refused while another job runs, and holding the others off until it ends. Leaves
   * the session's model and dataset alone.
   */
  async runDepthExperiment(settings: DepthExperimentSettings, onProgress: (p: DepthProgress) => void, dataUrl = ''): Promise<DepthExperimentResult> {
    await this.engine.ready();
    const { session } = this.engine;
    return session.jobs.run('depthExperiment', async (control) => {
      const digits = settings.dataset === 'mnist' ? await this.mnist(dataUrl) : undefined;
      const result = await runDepthExperiment(settings, control, onProgress, digits);
      return { ...result, backend: session.backend?.name ?? tf.getBackend() };
    }, refuseDepth);
  }

  /** MNIST: the session's own copy when it holds MNIST, else loaded once from `dataUrl`. */
  private mnist(dataUrl: string): Promise<ImageDataset> {
    const data = this.engine.session.data;
    if (data?.id === 'mnist') return Promise.resolve(data);
    this.digits ??= loadBundledDataset('mnist', dataUrl).catch((e: unknown) => {
      this.digits = null;
      throw inspectError('inspect.needDigits', { detail: e instanceof Error ? e.message : String(e) });
    });
    return this.digits;
  }

  /** Stops a running depth experiment after its current batch (its promise then rejects saying so). */
  async stopDepthExperiment(): Promise<void> {
    this.engine.session.jobs.stop('depthExperiment');
  }

  private requireModel(): { model: tfl.LayersModel; graph: ArchGraph } {
    const { model, graph } = this.engine.session;
    if (!model || !graph) throw inspectError('inspect.needModel');
    return { model, graph };
  }

  private requireData(): { model: tfl.LayersModel; graph: ArchGraph; data: ImageDataset; input: Shape3 } {
    const { model, graph } = this.requireModel();
    const data = this.engine.session.data;
    if (!data) throw engineError('engine.needDataset');
    const [h, w, c] = inferGraph(graph).inputShape;
    return { model, graph, data, input: [h, w, c] };
  }
}
