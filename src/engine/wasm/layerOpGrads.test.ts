/**
 * Gradient parity (wasm vs cpu) for the ops our zoo's other layers are made of. Most run on stock
 * wasm kernels; the table is here so that a tfjs upgrade that breaks one shows up at once.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomValues, setUpBackends, wasmVersusCpu } from './backendParity';

function t(shape: number[], seed: number, offset = 0): tf.Tensor {
  return tf.tensor(randomValues(tf.util.sizeFromShape(shape), seed, offset), shape);
}

/** Gradients of Σ f(x)·r with respect to every input, for random x and r. */
function gradsOf(shapes: number[][], f: (...xs: tf.Tensor[]) => tf.Tensor): () => tf.Tensor[] {
  return () => {
    const xs = shapes.map((s, i) => t(s, 11 * i + 3));
    const outShape = f(...xs).shape;
    const r = t(outShape, 97);
    return tf.grads((...a: tf.Tensor[]) => tf.sum(tf.mul(f(...a), r)))(xs);
  };
}

const x4: number[] = [2, 5, 6, 4];

const table: [string, () => tf.Tensor[]][] = [
  ['LRN (depth radius 2)', gradsOf([x4], (x) => tf.localResponseNormalization(x as tf.Tensor4D, 2, 1.5, 0.3, 0.75))],
  ['LRN (AlexNet constants)', gradsOf([[2, 4, 4, 7]], (x) => tf.localResponseNormalization(x as tf.Tensor4D, 2, 2, 1e-4, 0.75))],
  ['batch norm in training (moments + batchNorm)', gradsOf([x4, [4], [4]], (x, gamma, beta) => {
    const { mean, variance } = tf.moments(x, [0, 1, 2]);
    return tf.batchNorm(x, mean, variance, beta, gamma, 1e-3);
  })],
  ['batch norm in inference', gradsOf([x4, [4], [4], [4], [4]], (x, m, v, gamma, beta) =>
    tf.batchNorm(x, m, tf.add(tf.abs(v), 0.5), beta, gamma, 1e-3))],
  ['dense: fused matMul + bias + relu', gradsOf([[6, 5], [5, 3], [3]], (x, w, b) =>
    tf.fused.matMul({ a: x, b: w, bias: b, activation: 'relu' }))],
  ['matMul transposeA', gradsOf([[5, 6], [5, 3]], (a, b) => tf.matMul(a, b, true, false))],
  ['matMul transposeB', gradsOf([[6, 5], [3, 5]], (a, b) => tf.matMul(a, b, false, true))],
  ['matMul both transposed', gradsOf([[5, 6], [3, 5]], (a, b) => tf.matMul(a, b, true, true))],
  ['batched matMul transposeB', gradsOf([[3, 4, 5], [3, 2, 5]], (a, b) => tf.matMul(a, b, false, true))],
  ['add with broadcast', gradsOf([x4, [4]], (a, b) => tf.add(a, b))],
  ['concat on channels', gradsOf([x4, [2, 5, 6, 3]], (a, b) => tf.concat([a, b], 3))],
  ['split + concat (grouped conv plumbing)', gradsOf([x4], (x) => {
    const [a, b] = tf.split(x, 2, 3);
    return tf.concat([tf.mul(a, 2), tf.square(b)], 3);
  })],
  ['dropout (seeded)', gradsOf([x4], (x) => tf.dropout(x, 0.4, undefined, 42))],
  ['relu', gradsOf([x4], (x) => tf.relu(x))],
  ['relu6', gradsOf([x4], (x) => tf.relu6(tf.mul(x, 8)))],
  ['leaky relu', gradsOf([x4], (x) => tf.leakyRelu(x, 0.1))],
  ['elu', gradsOf([x4], (x) => tf.elu(x))],
  ['tanh', gradsOf([x4], (x) => tf.tanh(x))],
  ['sigmoid', gradsOf([x4], (x) => tf.sigmoid(x))],
  ['softmax', gradsOf([[6, 10]], (x) => tf.softmax(tf.mul(x, 3)))],
  ['log softmax', gradsOf([[6, 10]], (x) => tf.logSoftmax(x))],
  ['mean over H, W (global average pooling)', gradsOf([x4], (x) => tf.mean(x, [1, 2]))],
  ['sum over batch', gradsOf([x4], (x) => tf.sum(x, 0))],
  ['max reduction', gradsOf([x4], (x) => tf.max(x, [1, 2]))],
  ['pad', gradsOf([x4], (x) => tf.pad(x, [[0, 0], [1, 2], [2, 1], [0, 0]]))],
  ['slice', gradsOf([x4], (x) => tf.slice(x, [0, 1, 2, 1], [2, 3, 3, 2]))],
  ['reshape + transpose (flatten)', gradsOf([x4], (x) => tf.transpose(tf.reshape(x, [2, -1])))],
  ['clip + log (cross-entropy)', gradsOf([[6, 10]], (x) => tf.log(tf.clipByValue(tf.softmax(x), 1e-7, 1 - 1e-7)))],
  ['maximum / minimum', gradsOf([x4, x4], (a, b) => tf.add(tf.maximum(a, b), tf.minimum(a, b)))],
  ['gather rows (UnsortedSegmentSum)', gradsOf([[7, 4]], (x) => tf.gather(x, tf.tensor1d([3, 0, 3, 6, 1], 'int32')))],
  ['gather columns (UnsortedSegmentSum on axis 1)', gradsOf([[3, 7, 2]], (x) => tf.gather(x, tf.tensor1d([6, 6, 2], 'int32'), 1))],
  ['depthwise conv2d, multiplier 2, stride 2, same', gradsOf([[2, 7, 8, 3], [3, 3, 3, 2]], (x, w) =>
    tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, 2, 'same'))],
  ['depthwise conv2d, multiplier 1, stride 1, valid', gradsOf([[2, 6, 5, 4], [3, 2, 4, 1]], (x, w) =>
    tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'valid'))],
  ['separable conv2d', gradsOf([[2, 6, 6, 3], [3, 3, 3, 2], [1, 1, 6, 4]], (x, dw, pw) =>
    tf.separableConv2d(x as tf.Tensor4D, dw as tf.Tensor4D, pw as tf.Tensor4D, 1, 'same'))],
];

describe('layer op gradients on wasm match cpu', () => {
  beforeAll(setUpBackends);

  it.each(table)('%s', async (_name, f) => {
    expect(await wasmVersusCpu(f)).toBeLessThan(1e-4);
  });
});
