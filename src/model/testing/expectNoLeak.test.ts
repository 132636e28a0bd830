import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from './cpuBackend';
import { expectNoTensorLeak } from './expectNoLeak';

beforeAll(useCpuBackend);

describe('expectNoTensorLeak', () => {
  it('passes when every tensor is disposed', async () => {
    await expectNoTensorLeak(() => {
      tf.tidy(() => {
        tf.add(tf.ones([3]), 1);
      });
      tf.dispose(tf.scalar(2));
    });
  });

  it('fails when a tensor is left behind, and says how many', async () => {
    let leaked: tf.Tensor | undefined;
    await expect(
      expectNoTensorLeak(async () => {
        leaked = tf.zeros([2, 2]);
      }),
    ).rejects.toThrow(/1 tensor\(s\), 16 bytes leaked/);
    leaked?.dispose();
  });
});
