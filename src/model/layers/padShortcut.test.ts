import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../testing/cpuBackend';
import { expectNoTensorLeak } from '../testing/expectNoLeak';
import { PadShortcut } from './padShortcut';

beforeAll(useCpuBackend);

/** x[0, h, w, c] = (3h + w)·2 + c on a 3×3×2 map. */
const known = () => tf.reshape(tf.range(0, 18, 1, 'float32'), [1, 3, 3, 2]);

describe('PadShortcut', () => {
  it('keeps x[:, ::2, ::2, :] and appends zero channels', async () => {
    await expectNoTensorLeak(() => {
      const layer = new PadShortcut({ stride: 2, filters: 4 });
      tf.tidy(() => {
        const y = layer.apply(known()) as tf.Tensor;
        expect(y.shape).toEqual([1, 2, 2, 4]);
        expect(y.arraySync()).toEqual([[
          [[0, 1, 0, 0], [4, 5, 0, 0]],
          [[12, 13, 0, 0], [16, 17, 0, 0]],
        ]]);
      });
    });
  });

  it('with stride 1 only pads channels; its output shape rounds up odd sizes', () => {
    const layer = new PadShortcut({ stride: 1, filters: 3 });
    tf.tidy(() => {
      const y = layer.apply(known()) as tf.Tensor;
      expect(y.shape).toEqual([1, 3, 3, 3]);
      expect((tf.slice(y, [0, 1, 2, 0], [1, 1, 1, 3]) as tf.Tensor).dataSync()).toEqual(new Float32Array([10, 11, 0]));
    });
    expect(new PadShortcut({ stride: 2, filters: 8 }).computeOutputShape([null, 7, 5, 4])).toEqual([null, 4, 3, 8]);
  });

  it('passes gradients back to the kept positions only', () => {
    const layer = new PadShortcut({ stride: 2, filters: 4 });
    tf.tidy(() => {
      const g = tf.grad((x: tf.Tensor) => tf.sum(layer.apply(x) as tf.Tensor))(known());
      const expected = Array.from({ length: 18 }, (_, i) => {
        const [h, w] = [Math.floor(i / 6), Math.floor(i / 2) % 3];
        return h % 2 === 0 && w % 2 === 0 ? 1 : 0;
      });
      expect(Array.from(g.dataSync())).toEqual(expected);
    });
  });

  it('refuses to shrink channels', () => {
    expect(() => new PadShortcut({ stride: 2, filters: 2 }).build([null, 8, 8, 4])).toThrow(/cannot shrink 4 channels to 2/);
  });
});
