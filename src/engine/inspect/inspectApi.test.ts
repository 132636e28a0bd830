import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch } from '../../arch/index';
import { expectNoTensorLeak } from '../../model/testing/expectNoLeak';
import { Engine } from '../engine';
import { adaptBatch } from '../batches';
import { DEPTH_PRESETS, type DepthExperimentSettings } from './depthPresets';
import { InspectFeature } from './inspectApi';

const tinyExperiment: DepthExperimentSettings = { ...DEPTH_PRESETS.quick, depths: [8], examples: 16, batchSize: 16, epochs: 1 };

describe('InspectApi on the engine (CPU backend)', () => {
  let engine: Engine;
  let api: InspectFeature;
  beforeAll(async () => {
    engine = new Engine();
    await engine.init('cpu');
    await engine.loadDataset('shapes', '', () => undefined);
    await engine.build(buildArch('lenet5', { classes: 6 }), 3);
    api = new InspectFeature(engine);
  });

  it('lists the feature-map layers with LeNet-5’s first conv and its Grad-CAM layer', async () => {
    const layers = await api.layers();
    expect(layers.firstConv).toBe('c1_conv');
    expect(layers.gradCamLayer).toBe('c3_conv');
    expect(layers.layers.map((l) => l.name)).toEqual(['c1_conv', 's2_pool', 'c3_conv', 's4_pool']);
    expect(layers.layers[0]).toMatchObject({ kind: 'conv2d', outputShape: [28, 28, 6], kernelShape: [5, 5, 1, 6] });
  });

  it('returns a test image’s c1 feature maps [28, 28, 6], adapted as in training (grey, zero-padded), without leaking', async () => {
    await expectNoTensorLeak(async () => {
      const maps = await api.featureMaps({ layer: 'c1_conv', image: { testIndex: 7 } });
      expect(maps.shape).toEqual([28, 28, 6]);
      expect(maps.values).toHaveLength(28 * 28 * 6);
      expect(maps.image?.index).toBe(7);
      expect(maps.min).toBeLessThanOrEqual(maps.max);
      // The same activations straight from the model applied to the adapted image.
      const expected = tf.tidy(() => {
        const image = maps.image as NonNullable<typeof maps.image>;
        const x = adaptBatch(tf.tensor4d(Float32Array.from(image.pixels, (v) => v / 255), [1, 32, 32, 3]), [32, 32, 1]);
        const { model } = engine.session;
        const conv = model?.getLayer('c1_conv');
        return (conv?.apply(x) as tf.Tensor).dataSync();
      });
      for (let i = 0; i < expected.length; i += 97) expect(maps.values[i]).toBeCloseTo(expected[i], 5);
    });
  });

  it('takes an uploaded image of another size, resized as Engine.predict does', async () => {
    const pixels = Uint8Array.from({ length: 64 * 48 * 3 }, (_, i) => (i * 37) % 256);
    const maps = await api.featureMaps({ layer: 's4_pool', image: { pixels, shape: [64, 48, 3] } });
    expect(maps.shape).toEqual([5, 5, 16]);
    expect(maps.image).toBeNull();
    await expect(api.featureMaps({ layer: 's4_pool', image: { pixels, shape: [64, 64, 3] } })).rejects.toThrow(/expected 64×64×3/);
  });

  it('returns the first conv’s kernels [5, 5, 1, 6] as the model holds them', async () => {
    const filters = await api.filters();
    expect(filters.layer).toBe('c1_conv');
    expect(filters.shape).toEqual([5, 5, 1, 6]);
    const kernel = engine.session.model?.getLayer('c1_conv').getWeights()[0].dataSync();
    expect(Array.from(filters.values)).toEqual(Array.from(kernel ?? []));
    await expect(api.filters('s2_pool')).rejects.toThrow(/no convolution kernel/);
  });

  it('measures a layer’s gradient norm between batches without changing a weight; nothing for a pool', async () => {
    await expectNoTensorLeak(async () => {
      const kernel = () => Array.from(engine.session.model?.getLayer('c1_conv').getWeights()[0].dataSync() ?? []);
      const before = kernel();
      const g = await api.layerGradient('c1_conv', 16);
      expect(g).toMatchObject({ layer: 'c1_conv', examples: 16 });
      expect(g.gradientNorm).toBeGreaterThan(0);
      expect(Number.isFinite(g.gradientNorm)).toBe(true);
      expect(g.weightNorm).toBeCloseTo(Math.hypot(...before), 4);
      expect(kernel()).toEqual(before);
      // The dense classifier has a kernel [in, out] too; a pool has none.
      expect((await api.layerGradient('f6_dense')).gradientNorm).toBeGreaterThan(0);
      expect(await api.layerGradient('s2_pool')).toMatchObject({ gradientNorm: null, weightNorm: null });
    });
  });

  it('computes Grad-CAM over c3_conv: a [10, 10] map in [0, 1] and the top-k, matching a direct gradient', async () => {
    await expectNoTensorLeak(async () => {
      const cam = await api.gradCam({ image: { testIndex: 2 }, k: 3 });
      expect(cam.layer).toBe('c3_conv');
      expect(cam.shape).toEqual([10, 10]);
      expect(cam.top).toHaveLength(3);
      expect(cam.classIndex).toBe(cam.top[0].index);
      expect(cam.top[0].probability).toBeGreaterThanOrEqual(cam.top[1].probability);
      expect(Math.max(...cam.heat)).toBeCloseTo(cam.rawMax > 0 ? 1 : 0, 6);
      expect(Math.min(...cam.heat)).toBeGreaterThanOrEqual(0);
      // Reference: LeNet-5 is a chain, so ∂y_c/∂A is tf.grad of the layers after c3_conv applied to A.
      const reference = tf.tidy(() => {
        const { model } = engine.session;
        if (!model) throw new Error('no model');
        const image = cam.image as NonNullable<typeof cam.image>;
        const x = adaptBatch(tf.tensor4d(Float32Array.from(image.pixels, (v) => v / 255), [1, 32, 32, 3]), [32, 32, 1]);
        const a = ['c1_conv', 's2_pool', 'c3_conv'].reduce<tf.Tensor>((t, n) => model.getLayer(n).apply(t) as tf.Tensor, x);
        const score = (t: tf.Tensor) => {
          const h = ['s4_pool', 'flatten', 'c5_dense', 'f6_dense'].reduce((u, n) => model.getLayer(n).apply(u) as tf.Tensor, t);
          const [w, b] = model.getLayer('predictions').getWeights();
          return tf.sum(tf.slice(tf.add(tf.matMul(h as tf.Tensor2D, w as tf.Tensor2D), b), [0, cam.classIndex], [1, 1]));
        };
        const g = tf.grad(score)(a);
        const heat = tf.relu(tf.sum(tf.mul(a, tf.mean(g, [1, 2], true)), -1));
        return tf.div(heat, tf.max(heat)).dataSync();
      });
      if (cam.rawMax > 0) for (let i = 0; i < reference.length; i++) expect(cam.heat[i]).toBeCloseTo(reference[i], 4);
    });
    const other = await api.gradCam({ image: { testIndex: 2 }, classIndex: 4 });
    expect(other.classIndex).toBe(4);
    expect(other.className).toBe('Ring');
    await expect(api.gradCam({ image: { testIndex: 2 }, classIndex: 9 })).rejects.toThrow(/out of range/);
  });

  it('refuses the depth experiment while training, and training while the experiment runs', async () => {
    await engine.compile({ optimizer: 'adam', learningRate: 0.001, momentum: 0.9, loss: 'categoricalCrossentropy' });
    const errorOf = (p: Promise<unknown>) => p.then(() => 'no error', (e: unknown) => String(e));
    let refusal: Promise<string> | null = null;
    await engine.fit({ epochs: 1, batchSize: 16, validationSplit: 0, shuffle: false, seed: 1, trainLimit: 32 }, () => {
      refusal ??= errorOf(api.runDepthExperiment(tinyExperiment, () => undefined));
    });
    expect(await refusal).toMatch(/Training is running/);
    // Training is held off while the experiment runs; stopping it after its first batch keeps this test short.
    let fitRefusal: Promise<string> | null = null;
    const before = tf.memory().numTensors;
    const kernel = () => Array.from(engine.session.model?.getLayer('c1_conv').getWeights()[0].dataSync() ?? []);
    const userKernel = kernel();
    const stopped = await errorOf(
      api.runDepthExperiment(tinyExperiment, () => {
        fitRefusal ??= errorOf(engine.fit({ epochs: 1, batchSize: 16, validationSplit: 0, shuffle: false, seed: 1, trainLimit: 32 }, () => undefined));
        void api.stopDepthExperiment();
      }),
    );
    expect(await fitRefusal).toMatch(/depth experiment is running/);
    expect(stopped).toMatch(/depth experiment was stopped/);
    expect(tf.memory().numTensors).toBe(before);
    // The user's LeNet-5 is untouched and trains again once the experiment is over.
    expect(engine.session.model?.name).toMatch(/lenet5/);
    expect(kernel()).toEqual(userKernel);
    expect((await engine.fit({ epochs: 1, batchSize: 16, validationSplit: 0, shuffle: false, seed: 1, trainLimit: 32 }, () => undefined)).end).toBe('completed');
  });
});
