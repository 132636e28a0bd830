import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_AFFINE, rotationShearMap, type Affine2D } from './affine';
import { sampleBilinear, warpAffine } from './sampler';
import { batchFrom, expectClose, expectNoLeak, noiseBatch, useCpuBackend, values } from './testing';

beforeAll(useCpuBackend);

describe('sampleBilinear / warpAffine', () => {
  it('identity maps reproduce the batch exactly', () => {
    const x = noiseBatch(3, 5, 7, 2);
    const y = warpAffine(x, [IDENTITY_AFFINE, IDENTITY_AFFINE, IDENTITY_AFFINE], 'zeros');
    expect(values(y)).toEqual(values(x));
    tf.dispose([x, y]);
  });

  it('interpolates half-pixel positions and fades to zero outside (zeros) or repeats the edge (edge)', () => {
    const x = tf.tensor4d([0, 1, 2, 3], [1, 1, 4, 1]);
    const srcX = tf.tensor3d([[[-1, -0.5, 0.5, 2.25, 3, 3.5, 5]]]);
    const srcY = tf.zeros([1, 1, 7]) as tf.Tensor3D;
    expectClose(sampleBilinear(x, srcX, srcY, 'zeros'), [0, 0, 0.5, 2.25, 3, 1.5, 0]);
    expectClose(sampleBilinear(x, srcX, srcY, 'edge'), [0, 0, 0.5, 2.25, 3, 3, 3]);
    tf.dispose([x, srcX, srcY]);
  });

  it('agrees with tf.image.transform for a single image (conventions check)', () => {
    tf.tidy(() => {
      // The cpu Transform kernel of tfjs 4.22 only handles the first image of a batch, so compare with N = 1.
      const x = noiseBatch(1, 9, 11, 3, 5);
      const m: Affine2D = rotationShearMap(9, 11, 23, 8, -5);
      const t = tf.tensor2d([[m[0], m[1], m[2], m[3], m[4], m[5], 0, 0]]);
      expectClose(warpAffine(x, [m], 'zeros'), tf.image.transform(x, t, 'bilinear', 'constant', 0), 1e-5);
      expectClose(warpAffine(x, [m], 'edge'), tf.image.transform(x, t, 'bilinear', 'nearest'), 1e-5);
      tf.dispose([x, t]);
    });
  });

  it('warps each image by its own map', () => {
    const x = batchFrom(2, 4, 4, 1, (_i, y, xx) => y * 4 + xx);
    const shiftRight: Affine2D = [1, 0, -1, 0, 1, 0];
    const out = warpAffine(x, [IDENTITY_AFFINE, shiftRight], 'zeros');
    const v = values(out);
    expect(v.slice(0, 16)).toEqual(values(x).slice(0, 16));
    expect(v.slice(16, 20)).toEqual([0, 0, 1, 2]);
    tf.dispose([x, out]);
  });

  it('does not leak', () => {
    const x = noiseBatch(2, 6, 6, 3);
    expectNoLeak(() => warpAffine(x, [rotationShearMap(6, 6, 10), IDENTITY_AFFINE], 'zeros'));
    expectNoLeak(() => warpAffine(x, [rotationShearMap(6, 6, 10), IDENTITY_AFFINE], 'edge'));
    x.dispose();
  });
});
