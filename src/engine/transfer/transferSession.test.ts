import type * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch, inferGraph } from '../../arch/index';
import type { ImageDataset } from '../../data/datasetTypes';
import { buildModel, countParams } from '../../model/index';
import { useCpuBackend } from '../../model/testing/cpuBackend';
import { expectNoTensorLeak } from '../../model/testing/expectNoLeak';
import { fitLoop } from '../fitLoop';
import { RunControl } from '../runControl';
import { disposeOptimizer, fitTransfer, makeOptimizer } from './compareRun';
import { applyFreeze, describeInstalled, shippedBase, withNewHead, type LoadedBase } from './transferSession';
import type { BaseEntry } from './transferProtocol';

beforeAll(useCpuBackend);

const options = { variant: 'modern', input: [32, 32, 1] as [number, number, number], classes: 10 };
const entry: BaseEntry = {
  id: 'test-lenet', title: 'test LeNet', arch: 'lenet5', options, dataset: 'none', classNames: [], testAccuracy: 0,
  featureLayer: 'f6_dense', headPooling: 'flatten', path: 'x/model.json', params: 0, weightBytes: 0,
};

/** `count` random 28×28 grey images in 3 classes (seeded). */
function toyData(count: number): ImageDataset {
  const images = Uint8Array.from({ length: count * 784 }, (_, i) => (Math.imul(i + 1, 2654435761) >>> 24) & 255);
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 3);
  const split = { images, labels, count };
  return { id: 'toy', name: 'Toy', imageShape: [28, 28, 1], classNames: ['a', 'b', 'c'], train: split, test: split };
}

const weightsOf = (model: tfl.LayersModel) => new Map(model.layers.map((l) => [l.name, l.getWeights().map((w) => Array.from(w.dataSync()))]));
const fit = { epochs: 1, batchSize: 8, validationSplit: 0, shuffle: true, seed: 3, trainLimit: 0 };
const sgd = { optimizer: 'sgd' as const, learningRate: 0.1, momentum: 0, loss: 'categoricalCrossentropy' as const };

describe('transfer model', () => {
  let base: LoadedBase;
  beforeAll(async () => {
    const pretrained = buildModel(buildArch('lenet5', options), { seed: 9 });
    base = await shippedBase(entry, pretrained);
    pretrained.dispose();
  });

  it('has a new softmax of the chosen size on the cut, starting from the pretrained weights', async () => {
    await expectNoTensorLeak(async () => {
      const installed = await withNewHead(base, 's4_pool', 4, 'flatten', 1, { kind: 'head' });
      expect(installed.model.outputs[0].shape).toEqual([null, 4]);
      expect(installed.head).toEqual(['head_flatten', 'head_predictions']);
      const reference = buildModel(buildArch('lenet5', options), { seed: 9 });
      expect(weightsOf(installed.model).get('c3_conv')).toEqual(weightsOf(reference).get('c3_conv'));
      reference.dispose();
      installed.model.dispose();
    });
  });

  it('freezing the base up to the last k units makes exactly those layers non-trainable; their weights stay bit-identical through training', async () => {
    await expectNoTensorLeak(async () => {
      const installed = await withNewHead(base, 'f6_dense', 3, 'avg', 1, { kind: 'last', k: 2 });
      const frozen = ['c1_conv', 's2_pool', 'c3_conv', 's4_pool', 'flatten'];
      expect(installed.model.layers.filter((l) => l.getClassName() !== 'InputLayer' && !l.trainable).map((l) => l.name)).toEqual(frozen);
      const { params, layers, cacheEligible } = describeInstalled(installed);
      const trainableByGraph = inferGraph(installed.graph).layers.filter((l) => !frozen.includes(l.name)).reduce((s, l) => s + l.params, 0);
      expect(params.trainable).toBe(trainableByGraph);
      expect(params).toEqual(countParams(installed.model));
      expect(layers.filter((l) => l.frozen).map((l) => l.name)).toEqual(frozen);
      expect(cacheEligible).toBe(false);
      const before = weightsOf(installed.model);
      const optimizer = makeOptimizer(sgd);
      const result = await fitTransfer(installed, optimizer, toyData(16), fit, new RunControl(), () => undefined);
      expect(result.end).toBe('completed');
      expect(result.cache).toBeNull();
      const after = weightsOf(installed.model);
      for (const name of ['c1_conv', 'c3_conv']) expect(after.get(name), name).toEqual(before.get(name));
      for (const name of ['c5_dense', 'f6_dense', 'head_predictions']) expect(after.get(name), name).not.toEqual(before.get(name));
      // The base is kept as artifacts: a new head starts from the pretrained weights again.
      const again = await withNewHead(base, 'f6_dense', 3, 'avg', 1, { kind: 'all' });
      expect(weightsOf(again.model).get('f6_dense')).toEqual(before.get('f6_dense'));
      expect(again.model.layers.every((l) => l.getClassName() === 'InputLayer' || l.trainable)).toBe(true);
      disposeOptimizer(optimizer);
      installed.model.dispose();
      again.model.dispose();
    });
  });

  it('trains only the head on cached features, exactly as the full loop would', async () => {
    await expectNoTensorLeak(async () => {
      const data = toyData(24);
      const cached = await withNewHead(base, 's4_pool', 3, 'flatten', 2, { kind: 'head' });
      const full = await withNewHead(base, 's4_pool', 3, 'flatten', 2, { kind: 'head' });
      expect(describeInstalled(cached).cacheEligible).toBe(true);
      const [o1, o2] = [makeOptimizer(sgd), makeOptimizer(sgd)];
      const events: string[] = [];
      const result = await fitTransfer(cached, o1, data, { ...fit, epochs: 2, validationSplit: 0.25 }, new RunControl(), (e) => events.push(e.type));
      expect(result.cache).toMatchObject({ images: 24, featureSize: 400 });
      expect(events.filter((e) => e === 'batchEnd')).toHaveLength(6);
      await fitLoop({ model: full.model, optimizer: o2, data, input: [32, 32, 1], classes: 3, lossWeights: [1], settings: { ...fit, epochs: 2, validationSplit: 0.25 }, control: new RunControl(), onEvent: () => undefined });
      const [a, b] = [weightsOf(cached.model), weightsOf(full.model)];
      expect(a.get('c3_conv')).toEqual(b.get('c3_conv'));
      const [ka, kb] = [a.get('head_predictions')?.[0] ?? [], b.get('head_predictions')?.[0] ?? []];
      ka.forEach((v, i) => expect(v).toBeCloseTo(kb[i], 5));
      applyFreeze(cached, { kind: 'all' });
      expect(describeInstalled(cached).cacheEligible).toBe(false);
      [o1, o2].forEach(disposeOptimizer);
      cached.model.dispose();
      full.model.dispose();
    });
  });
});
