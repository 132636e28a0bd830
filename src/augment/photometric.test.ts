import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { computePcaColorStats, pcaOffset } from './pcaStats';
import { adjustBrightnessContrast, channelShift, pcaColorShift } from './photometric';
import { expectClose, expectNoLeak, noiseBatch, useCpuBackend, values } from './testing';

beforeAll(useCpuBackend);

const stats = computePcaColorStats(new Float32Array([0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 1, 0.3, 0.2, 0.9]), 5, 1, 1);

describe('pcaColorShift', () => {
  it('with α = 0 is the identity', () => {
    tf.tidy(() => {
      const x = noiseBatch(2, 4, 4, 3);
      expectClose(pcaColorShift(x, stats, tf.zeros([2, 3]) as tf.Tensor2D), x, 0);
      x.dispose();
    });
  });

  it('adds P·(α∘λ) to every pixel of each image', () => {
    const x = noiseBatch(2, 3, 3, 3);
    const alpha = [[0.1, -0.2, 0.05], [-0.3, 0, 0.2]] as const;
    const out = pcaColorShift(x, stats, tf.tensor2d(alpha.map((a) => [...a])));
    const xv = values(x), ov = values(out);
    for (let i = 0; i < 2; i++) {
      const o = pcaOffset(stats, alpha[i]);
      for (let k = 0; k < 9; k++) for (let c = 0; c < 3; c++) {
        const at = (i * 9 + k) * 3 + c;
        expect(ov[at] - xv[at]).toBeCloseTo(o[c], 6);
      }
    }
    tf.dispose([x, out]);
  });

  it('draws α from a seed deterministically; σ = 0 is the identity; RGB only; no leak', () => {
    tf.tidy(() => {
      const x = noiseBatch(2, 3, 3, 3);
      expectClose(pcaColorShift(x, stats, { seed: 4 }), pcaColorShift(x, stats, { seed: 4 }), 0);
      expectClose(pcaColorShift(x, stats, { seed: 4, sigma: 0 }), x, 0);
      expectNoLeak(() => pcaColorShift(x, stats, { seed: 5 }));
      const grey = noiseBatch(1, 2, 2, 1);
      expect(() => pcaColorShift(grey, stats, { seed: 1 })).toThrow(/RGB/);
      tf.dispose([x, grey]);
    });
  });
});

describe('brightness, contrast and channel shifts', () => {
  it('brightness adds δ, contrast scales about the channel mean', () => {
    const x = tf.tensor4d([0.2, 0.4, 0.6, 0.8], [1, 2, 2, 1]);
    expectClose(adjustBrightnessContrast(x, 0.1), [0.3, 0.5, 0.7, 0.9]);
    expectClose(adjustBrightnessContrast(x, 0, 2), [-0.1, 0.3, 0.7, 1.1]);
    expectClose(adjustBrightnessContrast(x, 0, 1), x);
    x.dispose();
  });

  it('channelShift adds one offset per image and channel', () => {
    const x = tf.zeros([2, 1, 2, 3]) as tf.Tensor4D;
    expectClose(channelShift(x, [[0.1, 0.2, 0.3], [-0.1, 0, 0.1]]), [0.1, 0.2, 0.3, 0.1, 0.2, 0.3, -0.1, 0, 0.1, -0.1, 0, 0.1]);
    expect(() => channelShift(x, [[0.1, 0.2, 0.3]])).toThrow(/\[2\]\[3\]/);
    expectNoLeak(() => adjustBrightnessContrast(x, [0.1, 0.2], [1.1, 0.9]));
    x.dispose();
  });
});
