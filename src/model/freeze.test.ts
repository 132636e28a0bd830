import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch, inferGraph } from '../arch';
import { buildModel } from './buildModel';
import { freezeLayers, freezeUpTo, setTrainableUpTo, unfreezeAll } from './freeze';
import { countParams } from './inspect';
import { useCpuBackend } from './testing/cpuBackend';
import { expectNoTensorLeak } from './testing/expectNoLeak';

beforeAll(useCpuBackend);

const graph = buildArch('resnet8', { width: 0.25, input: [16, 16, 3], classes: 3 });
const info = inferGraph(graph);

/** Every weight of every layer, copied out: layer name → arrays. */
function snapshot(model: tfl.LayersModel): Map<string, number[][]> {
  return new Map(model.layers.map((l) => [l.name, l.getWeights().map((w) => Array.from(w.dataSync()))]));
}

const frozenFlags = (model: tfl.LayersModel) => model.layers.filter((l) => l.getClassName() !== 'InputLayer' && !l.trainable).map((l) => l.name);

describe('freezing', () => {
  it('freezes exactly the named layers and updates the trainable count', () => {
    const model = buildModel(graph);
    const names = new Set(['conv1_conv', 'conv1_bn', 'stage2_block1_1_conv']);
    expect(freezeLayers(model, names)).toEqual(['conv1_conv', 'conv1_bn', 'stage2_block1_1_conv']);
    expect(frozenFlags(model)).toEqual([...names]);
    const moved = info.layers.filter((l) => names.has(l.name)).reduce((s, l) => s + l.trainableParams, 0);
    expect(countParams(model)).toEqual({ total: info.totalParams, trainable: info.trainableParams - moved, nonTrainable: info.nonTrainableParams + moved });
    // A second call replaces the selection rather than adding to it.
    freezeLayers(model, ['predictions']);
    expect(frozenFlags(model)).toEqual(['predictions']);
    unfreezeAll(model);
    expect(frozenFlags(model)).toEqual([]);
    expect(countParams(model).trainable).toBe(info.trainableParams);
    model.dispose();
  });

  it('freezes up to a layer by name or by predicate', () => {
    const model = buildModel(graph);
    const upTo = freezeUpTo(model, 'stage1_block1_out');
    expect(upTo[0]).toBe('conv1_conv');
    expect(upTo.at(-1)).toBe('stage1_block1_out');
    expect(frozenFlags(model)).toEqual(upTo);
    expect(setTrainableUpTo(model, 'stage1_block1_out')).toEqual(upTo);
    expect(setTrainableUpTo(model, (l) => l.name.endsWith('_bn'))).toEqual(info.layers.filter((l) => l.kind === 'batchNorm').map((l) => l.name));
    expect(() => freezeUpTo(model, 'nope')).toThrow(/no layer "nope"/);
    model.dispose();
  });

  it('keeps frozen weights (BN statistics included) bit-identical through a training step; the rest move', async () => {
    await expectNoTensorLeak(async () => {
      const model = buildModel(graph, { seed: 11 });
      const frozen = new Set(freezeUpTo(model, 'stage2_block1_out'));
      model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
      const before = snapshot(model);
      const x = tf.randomUniform([4, 16, 16, 3], 0, 1, 'float32', 2);
      const y = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 0], 'int32'), 3));
      await model.trainOnBatch(x, y);
      const after = snapshot(model);
      for (const layer of model.layers) {
        const [was, now] = [before.get(layer.name) ?? [], after.get(layer.name) ?? []];
        if (was.length === 0) continue;
        if (frozen.has(layer.name)) expect(now, layer.name).toEqual(was);
        else now.forEach((w, i) => expect(w, `${layer.name} weight ${i}`).not.toEqual(was[i]));
      }
      tf.dispose([x, y]);
      model.optimizer.dispose();
      model.dispose();
    });
  });
});
