import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageDataset } from '../../data/datasetTypes';
import { Engine } from '../engine';
import { INPUT_RESCALING } from './inputRescaling';
import { TINY_MOBILENET_CUT, tinyMobilenetFiles } from './testing/mobilenetFormat';
import { toyDigits as toyData } from './testing/toyData';
import { TransferFeature } from './transferApi';
import type { SubsetRequest } from './transferProtocol';

const files = tinyMobilenetFiles();
/** A local stand-in for storage.googleapis.com: model.json and its shards, nothing else. */
const serve = (async (input: string | URL | Request) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const name = url.split('/').pop() ?? '';
  const shard = files.shards.find((s) => s.name === name);
  if (name === 'model.json') return new Response(files.json);
  return shard ? new Response(shard.data) : new Response(null, { status: 404 });
}) as typeof fetch;

/** 3 classes of 28×28 grey images: padded to 32×32 and replicated to RGB for the base. */
const toy = (): ImageDataset => toyData({ classNames: ['a', 'b', 'c'], train: 24, test: 9, salts: [1, 2] });

const subset: SubsetRequest = { datasetId: 'mnist', dataUrl: '', classes: [], perClass: 0, testPerClass: 0, seed: 1 };
const compile = { optimizer: 'adam' as const, learningRate: 0.01, momentum: 0.9, loss: 'categoricalCrossentropy' as const };
const fit = { epochs: 2, batchSize: 8, validationSplit: 0, shuffle: true, seed: 1, trainLimit: 0 };

describe('a MobileNet-format base by URL that expects [−1, 1] (CPU backend, served locally)', () => {
  const core = new Engine();
  const transfer = new TransferFeature(core, serve);
  beforeAll(async () => {
    await core.init('cpu');
    core.session.installDataset('mnist', toy());
  });

  it('gets a Rescaling layer after its input, which every path then shares: layer list, cache, export, import, comparison', async () => {
    const baseline = tf.memory().numTensors;
    const source = { kind: 'url' as const, url: 'http://127.0.0.1:1/tiny_mobilenet/model.json', title: 'tiny_mobilenet', cutAt: TINY_MOBILENET_CUT, timeoutMs: 10_000, inputRange: [-1, 1] as [number, number] };
    const info = await transfer.loadBase(source);
    expect(info.inputRange).toEqual([-1, 1]);
    expect(info.layers.slice(0, 3).map((l) => `${l.name}:${l.kind}`)).toEqual(['input_1:input', `${INPUT_RESCALING}:rescale`, 'conv1:conv2d']);
    expect(info.inputShape).toEqual([32, 32, 3]);

    const st = await transfer.applyHead({ subset, cutAt: TINY_MOBILENET_CUT, pooling: 'avg', seed: 2, mode: { kind: 'head' }, plan: { batchSize: 8, optimizer: 'adam' } });
    expect(st.layers.find((l) => l.name === INPUT_RESCALING)).toMatchObject({ kind: 'rescale', params: 0, frozen: true });
    expect(st.params.trainable).toBe(32 * 3 + 3);
    expect(st.cacheEligible).toBe(true);
    const trained = await transfer.fit(compile, fit, () => undefined);
    expect(trained).toMatchObject({ end: 'completed', cache: { images: 24, featureSize: 32 } });
    const sample = await core.sample(1);
    const before = await core.predict(sample, 3);

    const exported = await transfer.exportModel('tiny');
    const json = JSON.parse(exported.json) as { modelTopology: { config: { layers: { class_name: string; config: { scale?: number; offset?: number } }[] } } };
    expect(json.modelTopology.config.layers[1]).toMatchObject({ class_name: 'Rescaling', config: { scale: 2, offset: -1 } });
    const imported = await transfer.importModel({ json: exported.json, weights: [{ name: exported.binName, data: exported.weights.slice(0) }] }, subset);
    expect(imported.layers[1]).toMatchObject({ name: INPUT_RESCALING, kind: 'rescale' });
    expect(await core.predict(sample, 3)).toEqual(before);

    // The scratch arm is built from the graph (buildModel), so the graph's rescale node must build too.
    const compared = await transfer.compare(compile, { ...fit, epochs: 1 }, () => undefined);
    expect(compared.scratch.epochs).toHaveLength(1);

    await transfer.release();
    await core.disposeModel();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
