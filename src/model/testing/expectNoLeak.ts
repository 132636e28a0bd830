import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';

/**
 * Runs `fn` and fails the test if it leaves tensors behind: `tf.memory().numTensors` must be the same
 * before and after. Variables count too, so a model built inside must be disposed inside.
 */
export async function expectNoTensorLeak(fn: () => Promise<void> | void): Promise<void> {
  const before = tf.memory();
  await fn();
  const after = tf.memory();
  const leaked = after.numTensors - before.numTensors;
  expect(leaked, `${leaked} tensor(s), ${after.numBytes - before.numBytes} bytes leaked`).toBe(0);
}
