import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AUGMENT_OPS, defaultAugmentConfig, recommendedAugmentConfig, recommendedDigitAugmentConfig, type AugmentConfig,
} from './config';
import { drawAugmentParams } from './draws';
import { flipHorizontal } from './geometric';
import { computePcaColorStats } from './pcaStats';
import { pcaColorShift } from './photometric';
import { augmentBatch, augmentPreview } from './pipeline';
import { expectClose, expectNoLeak, noiseBatch, useCpuBackend, values } from './testing';

beforeAll(useCpuBackend);

const stats = computePcaColorStats(new Float32Array([0.1, 0.2, 0.3, 0.9, 0.7, 0.2, 0.4, 0.4, 0.8, 0.6, 0.1, 0.5]), 4, 1, 1);

/** Every op on, with its probability and strong-ish parameters. */
function everything(p: number): AugmentConfig {
  const d = defaultAugmentConfig;
  return {
    fill: 'zeros',
    crop: { ...d.crop, enabled: true, p, padding: 2, scale: [0.5, 1], aspect: [0.75, 1.33] },
    mirror: { ...d.mirror, enabled: true, p, horizontal: true, vertical: true },
    rotate: { ...d.rotate, enabled: true, p, maxDegrees: 30 },
    shear: { ...d.shear, enabled: true, p, maxDegrees: 20, axis: 'both' },
    elastic: { ...d.elastic, enabled: true, p, gridSize: 3, magnitude: 2 },
    brightnessContrast: { ...d.brightnessContrast, enabled: true, p, brightness: 0.3, contrast: 0.5 },
    colorShift: { ...d.colorShift, enabled: true, p, amount: 0.2 },
    pcaColor: { ...d.pcaColor, enabled: true, p, sigma: 0.5 },
  };
}

describe('augmentBatch', () => {
  it('is the identity with every op off, or every probability 0', () => {
    const x = noiseBatch(4, 6, 6, 3);
    for (const config of [defaultAugmentConfig, everything(0)]) {
      const out = augmentBatch(x, config, 1, stats);
      expect(values(out)).toEqual(values(x));
      out.dispose();
    }
    x.dispose();
  });

  it('is deterministic for a seed and varies across seeds', () => {
    const x = noiseBatch(4, 8, 8, 3);
    const a = augmentBatch(x, everything(0.7), 123, stats);
    const b = augmentBatch(x, everything(0.7), 123, stats);
    const c = augmentBatch(x, everything(0.7), 124, stats);
    expect(values(a)).toEqual(values(b));
    expect(values(a)).not.toEqual(values(c));
    tf.dispose([x, a, b, c]);
  });

  it('keeps shape and values in [0, 1]', () => {
    const x = noiseBatch(6, 10, 8, 3);
    const out = augmentBatch(x, everything(1), 5, stats);
    expect(out.shape).toEqual([6, 10, 8, 3]);
    expect(out.dtype).toBe('float32');
    expect(values(out).every((v) => v >= 0 && v <= 1)).toBe(true);
    tf.dispose([x, out]);
  });

  it('applies each op per image with probability p', () => {
    const draws = drawAugmentParams(everything(0.5), [400, 8, 8, 3], 9, stats);
    for (const op of AUGMENT_OPS) {
      const rate = draws.applied[op].reduce((s, v) => s + v, 0) / 400;
      // mirror hits when either of its two independent draws does: 1 − 0.5².
      const expected = op === 'mirror' ? 0.75 : 0.5;
      expect(Math.abs(rate - expected)).toBeLessThan(0.1);
    }
  });

  it('draws each op from its own stream: enabling rotation keeps the crops', () => {
    const cropOnly = { ...defaultAugmentConfig, crop: { ...defaultAugmentConfig.crop, enabled: true, p: 0.5 } };
    const withRotation = { ...cropOnly, rotate: { ...defaultAugmentConfig.rotate, enabled: true } };
    const a = drawAugmentParams(cropOnly, [16, 8, 8, 3], 3);
    const b = drawAugmentParams(withRotation, [16, 8, 8, 3], 3);
    expect(b.applied.crop).toEqual(a.applied.crop);
  });

  it('mirror with p = 1 equals flipHorizontal exactly', () => {
    const x = noiseBatch(3, 5, 7, 3);
    const config = { ...defaultAugmentConfig, mirror: { ...defaultAugmentConfig.mirror, enabled: true, p: 1 } };
    const out = augmentBatch(x, config, 2);
    const flipped = flipHorizontal(x);
    expect(values(out)).toEqual(values(flipped));
    tf.dispose([x, out, flipped]);
  });

  it('crop with padding keeps the size and shifts content by whole pixels into zeros', () => {
    tf.tidy(() => {
      const x = tf.add(tf.mul(noiseBatch(8, 6, 6, 1), 0.5), 0.5) as tf.Tensor4D; // no zeros inside the images
      const config = { ...defaultAugmentConfig, crop: { ...defaultAugmentConfig.crop, enabled: true, p: 1, padding: 2 } };
      const out = augmentBatch(x, config, 4);
      expect(out.shape).toEqual([8, 6, 6, 1]);
      const xv = values(x);
      const ov = values(out);
      // Every output pixel is either padding (0) or exactly some pixel of the same source image.
      for (let i = 0; i < 8; i++) {
        const src = new Set(xv.slice(i * 36, i * 36 + 36));
        for (const v of ov.slice(i * 36, i * 36 + 36)) expect(v === 0 || src.has(v)).toBe(true);
      }
      tf.dispose([x, out]);
    });
  });

  it('PCA colour in the pipeline equals pcaColorShift with the drawn α', () => {
    const x = tf.fill([3, 4, 4, 3], 0.5) as tf.Tensor4D;
    const config = { ...defaultAugmentConfig, pcaColor: { ...defaultAugmentConfig.pcaColor, enabled: true, p: 1, sigma: 0.1 } };
    const alpha = drawAugmentParams(config, [3, 4, 4, 3], 77, stats).pcaAlpha;
    expect(alpha).not.toBeNull();
    const out = augmentBatch(x, config, 77, stats);
    const alphaT = tf.tensor2d(alpha ?? new Float32Array(9), [3, 3]);
    const direct = pcaColorShift(x, stats, alphaT);
    expectClose(out, direct, 1e-6);
    tf.dispose([x, out, alphaT, direct]);
  });

  it('needs PCA statistics for RGB input and skips colour ops for greyscale', () => {
    const rgb = noiseBatch(2, 4, 4, 3);
    expect(() => augmentBatch(rgb, recommendedAugmentConfig, 1)).toThrow(/PcaColorStats/);
    const grey = noiseBatch(2, 4, 4, 1);
    const config = {
      ...defaultAugmentConfig,
      colorShift: { ...defaultAugmentConfig.colorShift, enabled: true, p: 1 },
      pcaColor: { ...defaultAugmentConfig.pcaColor, enabled: true, p: 1 },
    };
    const out = augmentBatch(grey, config, 1);
    expect(values(out)).toEqual(values(grey));
    const bright = augmentBatch(grey, { ...config, brightnessContrast: { ...defaultAugmentConfig.brightnessContrast, enabled: true, p: 1 } }, 1);
    expect(values(bright)).not.toEqual(values(grey));
    tf.dispose([rgb, grey, out, bright]);
  });

  it('rejects an invalid config', () => {
    const x = noiseBatch(1, 2, 2, 1);
    const bad = { ...defaultAugmentConfig, rotate: { ...defaultAugmentConfig.rotate, p: -1 } };
    expect(() => augmentBatch(x, bad, 1)).toThrow(/rotate.p/);
    x.dispose();
  });

  it('does not leak tensors', () => {
    const x = noiseBatch(4, 8, 8, 3);
    const grey = noiseBatch(4, 8, 8, 1);
    augmentBatch(x, everything(1), 0, stats).dispose(); // warm-up: the backend may cache constants
    expectNoLeak(() => augmentBatch(x, everything(1), 1, stats));
    expectNoLeak(() => augmentBatch(x, everything(0.5), 2, stats));
    expectNoLeak(() => augmentBatch(x, recommendedAugmentConfig, 3, stats));
    expectNoLeak(() => augmentBatch(grey, recommendedDigitAugmentConfig, 4));
    expectNoLeak(() => augmentBatch(x, defaultAugmentConfig, 5));
    tf.dispose([x, grey]);
  });
});

describe('augmentPreview', () => {
  it('returns count variants; with p forced to 1 every variant is changed', () => {
    const image = tf.squeeze(noiseBatch(1, 8, 8, 3), [0]) as tf.Tensor3D;
    const config = { ...defaultAugmentConfig, rotate: { ...defaultAugmentConfig.rotate, enabled: true, p: 0.01, maxDegrees: 45 } };
    const grid = augmentPreview(image, config, 3);
    expect(grid.shape).toEqual([12, 8, 8, 3]);
    const v = values(grid);
    const original = values(image);
    for (let i = 0; i < 12; i++) expect(v.slice(i * 192, (i + 1) * 192)).not.toEqual(original);
    tf.dispose([image, grid]);
  });

  it('honours p when asked, and does not leak', () => {
    const image = tf.squeeze(noiseBatch(1, 6, 6, 3), [0]) as tf.Tensor3D;
    const config = { ...defaultAugmentConfig, mirror: { ...defaultAugmentConfig.mirror, enabled: true, p: 0 } };
    const grid = augmentPreview(image, config, 1, 4, { honourProbability: true });
    const original = values(image);
    const v = values(grid);
    for (let i = 0; i < 4; i++) expect(v.slice(i * 108, (i + 1) * 108)).toEqual(original);
    expectNoLeak(() => augmentPreview(image, everything(0.5), 2, 6, { stats }));
    tf.dispose([image, grid]);
  });
});
