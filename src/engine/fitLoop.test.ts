import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch } from '../arch/index';
import { generateColorShapes } from '../data/colorShapes';
import { buildModel } from '../model/index';
import { fitLoop, splitIndices } from './fitLoop';
import { RunControl } from './runControl';
import { snapshotWeights, type WeightSnapshot } from './weightSnapshot';

describe('fitLoop', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('holds out the last fraction for validation, as Keras does', () => {
    expect(splitIndices(1000, { trainLimit: 0, validationSplit: 0.1 })).toEqual({ train: 900, val: 100 });
    expect(splitIndices(1000, { trainLimit: 200, validationSplit: 0.25 })).toEqual({ train: 150, val: 50 });
  });

  it('a lost GPU device mid-training stops cleanly and keeps the last completed epoch', async () => {
    const data = generateColorShapes({ seed: 1, trainCount: 96, testCount: 12 });
    const graph = buildArch('lenet5', { classes: 6, input: [32, 32, 3], width: 0.5 });
    const model = buildModel(graph, { seed: 1 });
    const optimizer = tf.train.adam(0.01);
    const snapshots: WeightSnapshot[] = [];
    let step = 0;
    const result = await fitLoop({
      model, optimizer, data, input: [32, 32, 3], classes: 6, lossWeights: [1],
      settings: { epochs: 3, batchSize: 32, validationSplit: 0, shuffle: false, seed: 1, trainLimit: 0 },
      control: new RunControl(),
      onEvent: () => undefined,
      onSnapshot: (s) => snapshots.push(s),
      transformBatch: (x) => {
        // Epoch 1 has 3 batches; fail in the middle of epoch 2, as a lost WebGL context would.
        if (++step === 5) throw new Error('WebGL context lost (CONTEXT_LOST_WEBGL)');
        return x;
      },
    });
    expect(result.end).toBe('device-lost');
    expect(result.epochsCompleted).toBe(1);
    expect(result.message).toMatch(/device was lost.*last completed epoch \(1\) are kept/);
    expect(snapshots).toHaveLength(1);
    const after = await snapshotWeights(model);
    expect(after.values.length).toBe(snapshots[0].values.length);
    model.dispose();
    optimizer.dispose();
  });
});
