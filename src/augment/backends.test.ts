/**
 * Every augmentation runs on the wasm backend (whose kernel set is the smallest of the four) and gives
 * the cpu backend's numbers; every kernel it dispatches is registered on wasm, webgl and webgpu (those
 * two cannot execute in Node, so only their registries are checked).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultAugmentConfig, recommendedAugmentConfig, recommendedDigitAugmentConfig, type AugmentConfig } from './config';
import { drawElasticGrid, elasticWarp } from './elastic';
import { cropResize, flipHorizontal, flipVertical, rotate, shear } from './geometric';
import { computePcaColorStats } from './pcaStats';
import { adjustBrightnessContrast, channelShift, pcaColorShift } from './photometric';
import { augmentBatch, augmentPreview } from './pipeline';

const stats = computePcaColorStats(new Float32Array([0.1, 0.2, 0.3, 0.9, 0.7, 0.2, 0.4, 0.4, 0.8, 0.6, 0.1, 0.5]), 4, 1, 1);
const d = defaultAugmentConfig;
const everything: AugmentConfig = {
  fill: 'edge',
  crop: { ...d.crop, enabled: true, p: 0.8, padding: 2, scale: [0.5, 1], aspect: [0.75, 1.33] },
  mirror: { ...d.mirror, enabled: true, p: 0.5, horizontal: true, vertical: true },
  rotate: { ...d.rotate, enabled: true, p: 0.8, maxDegrees: 30 },
  shear: { ...d.shear, enabled: true, p: 0.8, maxDegrees: 20, axis: 'both' },
  elastic: { ...d.elastic, enabled: true, p: 0.8, gridSize: 3, magnitude: 2 },
  brightnessContrast: { ...d.brightnessContrast, enabled: true, p: 0.8 },
  colorShift: { ...d.colorShift, enabled: true, p: 0.8 },
  pcaColor: { ...d.pcaColor, enabled: true, p: 0.8, sigma: 0.5 },
};

const N = 4, H = 9, W = 8;
const pixels = Float32Array.from({ length: N * H * W * 3 }, (_, i) => (Math.sin(i * 12.9898) * 43758.5453) % 1 * 0.5 + 0.5);

/** Each case builds its inputs on the current backend and returns plain numbers. */
const cases: Record<string, () => number[]> = {
  flips: () => run((x) => tf.concat([flipHorizontal(x), flipVertical(x)])),
  cropResize: () => run((x) => cropResize(x, [
    { x: -2, y: 1, width: 8, height: 9 }, { x: 1, y: 2, width: 5, height: 4 },
    { x: 0, y: 0, width: 8, height: 9 }, { x: 3, y: -1, width: 4, height: 7 },
  ])),
  wholePixelCrops: () => run((x) => cropResize(x, [
    { x: -2, y: 1, width: 8, height: 9 }, { x: 2, y: -3, width: 8, height: 9 },
    { x: 0, y: 0, width: 8, height: 9 }, { x: -1, y: -1, width: 8, height: 9 },
  ])),
  rotate: () => run((x) => rotate(x, [0, 17, -90, 45], 'zeros')),
  // Back-to-back warps: on wasm the second plan is built into the first one's (reused) arrays.
  twoWarps: () => run((x) => tf.concat([rotate(x, [5, -5, 10, 0], 'edge'), shear(x, [3, 0, -3, 9])])),
  shear: () => run((x) => shear(x, [0, 10, -20, 30], [5, 0, 0, -5], 'edge')),
  elastic: () => run((x) => {
    const grid = tf.tensor4d(drawElasticGrid(N, 4, 2, 7), [N, 4, 4, 2]);
    return elasticWarp(x, grid, 'zeros');
  }),
  photometric: () => run((x) => tf.concat([
    adjustBrightnessContrast(x, [0.1, -0.1, 0, 0.2], [1.2, 0.8, 1, 1]),
    channelShift(x, [[0.1, 0, 0], [0, 0.1, 0], [0, 0, 0.1], [-0.1, 0.1, 0]]),
    pcaColorShift(x, stats, { seed: 3, sigma: 0.5 }),
  ])),
  augmentBatch: () => run((x) => augmentBatch(x, everything, 11, stats)),
  digitRecipe: () => run((x) => augmentBatch(x, recommendedDigitAugmentConfig, 12)),
  naturalRecipe: () => run((x) => augmentBatch(x, recommendedAugmentConfig, 13, stats)),
  augmentPreview: () => run((x) => augmentPreview(tf.squeeze(tf.slice(x, [1, 0, 0, 0], [1, H, W, 3]), [0]) as tf.Tensor3D, everything, 5, 6, { stats })),
};

function run(f: (x: tf.Tensor4D) => tf.Tensor): number[] {
  return tf.tidy(() => Array.from(f(tf.tensor4d(pixels, [N, H, W, 3])).dataSync()));
}

async function onBackend(name: string): Promise<Record<string, number[]>> {
  expect(await tf.setBackend(name)).toBe(true);
  await tf.ready();
  const out: Record<string, number[]> = {};
  for (const [key, f] of Object.entries(cases)) {
    const before = tf.memory().numTensors;
    out[key] = f();
    expect(tf.memory().numTensors, `${key} leaked on ${name}`).toBe(before);
  }
  return out;
}

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('backends', () => {
  it('wasm gives the same numbers as cpu for every op and the pipeline, without leaks', async () => {
    const cpu = await onBackend('cpu');
    const wasm = await onBackend('wasm');
    for (const key of Object.keys(cases)) {
      expect(wasm[key].length, key).toBe(cpu[key].length);
      const worst = wasm[key].reduce((m, v, i) => Math.max(m, Math.abs(v - cpu[key][i])), 0);
      expect(worst, key).toBeLessThan(1e-5);
    }
  });

  it('wasm copies an uploaded array at once (the sampler reuses its plan arrays there)', async () => {
    await tf.setBackend('wasm');
    const values = new Int32Array([1, 2, 3]);
    const t = tf.tensor1d(values, 'int32');
    values.fill(0);
    expect(Array.from(t.dataSync())).toEqual([1, 2, 3]);
    t.dispose();
  });

  it('dispatches only kernels that wasm, webgl and webgpu register', async () => {
    await tf.setBackend('cpu');
    for (const [key, f] of Object.entries(cases)) {
      const { kernelNames } = await tf.profile(() => {
        f();
        return [];
      });
      for (const backend of ['wasm', 'webgl', 'webgpu']) {
        const missing = [...new Set(kernelNames)].filter((k) => tf.getKernel(k, backend) === undefined);
        expect(missing, `${key} on ${backend}`).toEqual([]);
      }
    }
  });
});
