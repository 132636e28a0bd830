import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { inferGraph } from '../../arch/index';
import { userMessageOf } from '../../messages/index';
import { useCpuBackend } from '../../model/testing/cpuBackend';
import { loadModelFromUrl } from './baseLoader';
import { graphFromModel } from './graphFromModel';
import { INPUT_RESCALING, rescalingFor, withInputRescaling } from './inputRescaling';
import { modelArtifacts, modelFromArtifacts } from './modelFiles';
import { TINY_MOBILENET_CUT, tinyMobilenetFiles } from './testing/mobilenetFormat';

beforeAll(useCpuBackend);

const MINUS_ONE_TO_ONE = rescalingFor([-1, 1]) ?? { scale: 1, offset: 0 };

/** A first conv 3×3 → 1 filter on one channel (ReLU), to be given known weights. */
const firstConv = (inputShape?: number[]) => tfl.layers.conv2d({ name: 'conv1', filters: 1, kernelSize: 3, activation: 'relu', ...(inputShape ? { inputShape } : {}) });

/** Known weights: kernel k[i] = (i − 4) / 10 over the 3×3 window, bias 0.25. */
function setKnownWeights(conv: tfl.layers.Layer): void {
  const weights = [tf.tensor4d(Array.from({ length: 9 }, (_, i) => (i - 4) / 10), [3, 3, 1, 1]), tf.tensor1d([0.25])];
  conv.setWeights(weights);
  tf.dispose(weights);
}

/** x in [0, 1], 5×5×1, with a few values at the ends of the range. */
const pixels = () => tf.tensor4d(Array.from({ length: 25 }, (_, i) => (i % 5 === 0 ? 0 : i % 7 === 0 ? 1 : (i * 37) % 100 / 100)), [1, 5, 5, 1]);

/** The rescaled copy of `model` on x ≈ the original on 2x − 1; returns both outputs. */
async function compareRescaled(model: tfl.LayersModel): Promise<{ rescaled: tfl.LayersModel; ours: number[]; reference: number[] }> {
  const artifacts = await modelArtifacts(model);
  const rescaled = await modelFromArtifacts({ ...artifacts, modelTopology: withInputRescaling(artifacts.modelTopology, MINUS_ONE_TO_ONE) as object });
  const x = pixels();
  const shifted = tf.tidy(() => tf.sub(tf.mul(x, 2), 1));
  const [a, b] = [rescaled.predict(x) as tf.Tensor, model.predict(shifted) as tf.Tensor];
  const result = { rescaled, ours: Array.from(await a.data()), reference: Array.from(await b.data()) };
  tf.dispose([x, shifted, a, b]);
  return result;
}

describe('a Rescaling layer after the input', () => {
  it('maps [0, 1] onto a declared range; [0, 1] itself needs none', () => {
    expect(rescalingFor([0, 1])).toBeNull();
    expect(rescalingFor([-1, 1])).toEqual({ scale: 2, offset: -1 });
    expect(rescalingFor([0, 255])).toEqual({ scale: 255, offset: 0 });
  });

  it('in a functional model: consumers of the input read the Rescaling, outputs for x equal the original for 2x − 1', async () => {
    const input = tfl.input({ shape: [5, 5, 1], name: 'pixels' });
    const convLayer = firstConv();
    const conv = convLayer.apply(input) as tfl.SymbolicTensor;
    setKnownWeights(convLayer);
    // A second consumer of the input (a skip from the pixels), so the rewiring must cover every consumer.
    const skip = tfl.layers.globalAveragePooling2d({ name: 'skip_pool' }).apply(input) as tfl.SymbolicTensor;
    const flat = tfl.layers.flatten({ name: 'flat' }).apply(conv) as tfl.SymbolicTensor;
    const out = tfl.layers.concatenate({ name: 'joined' }).apply([flat, skip]) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: input, outputs: out, name: 'tiny_functional' });
    const { rescaled, ours, reference } = await compareRescaled(model);
    expect(rescaled.layers.map((l) => l.name)).toEqual(['pixels', INPUT_RESCALING, ...model.layers.slice(1).map((l) => l.name)]);
    expect(rescaled.getLayer('conv1').inboundNodes[0].inboundLayers.map((l) => l.name)).toEqual([INPUT_RESCALING]);
    expect(rescaled.getLayer('skip_pool').inboundNodes[0].inboundLayers.map((l) => l.name)).toEqual([INPUT_RESCALING]);
    for (let i = 0; i < ours.length; i++) expect(ours[i]).toBeCloseTo(reference[i], 6);
    // ... and differ from the original's on x itself: the rescaling matters.
    const unscaled = tf.tidy(() => (model.predict(pixels()) as tf.Tensor).dataSync());
    expect(ours.some((v, i) => Math.abs(v - unscaled[i]) > 1e-3)).toBe(true);
    expect(graphFromModel(rescaled, 'joined').nodes[1]).toEqual({ name: INPUT_RESCALING, spec: { kind: 'rescale', scale: 2, offset: -1 }, inputs: ['pixels'] });
    rescaled.dispose();
    model.dispose();
  });

  it('in a Sequential model: the Rescaling goes first and takes over the input shape', async () => {
    const conv = firstConv([5, 5, 1]);
    const model = tfl.sequential({ name: 'tiny_sequential', layers: [conv, tfl.layers.flatten({ name: 'flat' })] });
    setKnownWeights(conv);
    const artifacts = await modelArtifacts(model);
    expect((artifacts.modelTopology as { class_name: string }).class_name).toBe('Sequential');
    const { rescaled, ours, reference } = await compareRescaled(model);
    expect(rescaled.layers.map((l) => l.getClassName())).toEqual(['Rescaling', 'Conv2D', 'Flatten']);
    expect(rescaled.inputs[0].shape).toEqual([null, 5, 5, 1]);
    for (let i = 0; i < ours.length; i++) expect(ours[i]).toBeCloseTo(reference[i], 6);
    rescaled.dispose();
    model.dispose();
  });

  it('refuses a model with two inputs, as data', () => {
    const topology = { class_name: 'Model', config: { layers: [], input_layers: [['a', 0, 0], ['b', 0, 0]], output_layers: [] } };
    let thrown: unknown;
    try {
      withInputRescaling(topology, MINUS_ONE_TO_ONE);
    } catch (e) {
      thrown = e;
    }
    expect(userMessageOf(thrown)).toEqual({ code: 'transfer.rescaleOneInput', params: { count: 2 } });
  });

  it('a model in MobileNet v1 format loaded by URL for [−1, 1]: Rescaling in its graph, same outputs as the file on 2x − 1', async () => {
    const files = tinyMobilenetFiles();
    const serve = (async (input: string | URL | Request) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const name = url.split('/').pop() ?? '';
      const shard = files.shards.find((s) => s.name === name);
      return new Response(name === 'model.json' ? files.json : shard?.data ?? null, { status: shard || name === 'model.json' ? 200 : 404 });
    }) as typeof fetch;
    const url = 'http://127.0.0.1:1/tiny_mobilenet/model.json';
    const rescaled = await loadModelFromUrl(url, { timeoutMs: 10_000, fetchFunc: serve, inputRange: [-1, 1] });
    const plain = await loadModelFromUrl(url, { timeoutMs: 10_000, fetchFunc: serve });
    const graph = graphFromModel(rescaled, TINY_MOBILENET_CUT);
    expect(graph.nodes.slice(0, 3).map((n) => `${n.name}:${n.spec.kind}`)).toEqual(['input_1:input', `${INPUT_RESCALING}:rescale`, 'conv1:conv2d']);
    const info = inferGraph(graph);
    expect(info.layers[1]).toMatchObject({ outputShape: [32, 32, 3], params: 0, macs: 0 });
    expect(info.outputShape).toEqual([8, 8, 32]);
    const x = tf.randomUniform([2, 32, 32, 3], 0, 1, 'float32', 3);
    const [a, b] = tf.tidy(() => [rescaled.predict(x) as tf.Tensor, plain.predict(tf.sub(tf.mul(x, 2), 1)) as tf.Tensor]);
    const [ours, reference] = [await a.data(), await b.data()];
    expect(ours.length).toBe(20);
    for (let i = 0; i < ours.length; i++) expect(ours[i]).toBeCloseTo(reference[i], 5);
    tf.dispose([x, a, b]);
    rescaled.dispose();
    plain.dispose();
  });
});
