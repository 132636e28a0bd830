import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { inferGraph } from '../../arch/index';
import { useCpuBackend } from '../../model/testing/cpuBackend';
import { parseBaseIndex, loadModelFromUrl } from './baseLoader';
import { graphFromModel } from './graphFromModel';

beforeAll(useCpuBackend);

/** A MobileNet-v1-shaped stub: conv–BN–ReLU6, a padded strided depthwise conv, a pointwise conv, then a classifier. */
function mobilenetLike(): tfl.LayersModel {
  const input = tfl.input({ shape: [16, 16, 3], name: 'input_1' });
  let x = tfl.layers.conv2d({ filters: 8, kernelSize: 3, strides: 2, padding: 'same', useBias: false, name: 'conv1' }).apply(input) as tfl.SymbolicTensor;
  x = tfl.layers.batchNormalization({ name: 'conv1_bn' }).apply(x) as tfl.SymbolicTensor;
  x = tfl.layers.reLU({ maxValue: 6, name: 'conv1_relu' }).apply(x) as tfl.SymbolicTensor;
  x = tfl.layers.zeroPadding2d({ padding: [[0, 1], [0, 1]], name: 'conv_pad_2' }).apply(x) as tfl.SymbolicTensor;
  x = tfl.layers.depthwiseConv2d({ kernelSize: 3, strides: 2, useBias: false, name: 'conv_dw_2' }).apply(x) as tfl.SymbolicTensor;
  x = tfl.layers.activation({ activation: 'relu6', name: 'conv_dw_2_relu' }).apply(x) as tfl.SymbolicTensor;
  x = tfl.layers.conv2d({ filters: 16, kernelSize: 1, useBias: false, name: 'conv_pw_2' }).apply(x) as tfl.SymbolicTensor;
  const pooled = tfl.layers.globalAveragePooling2d({ name: 'gap' }).apply(x) as tfl.SymbolicTensor;
  const reshaped = tfl.layers.reshape({ targetShape: [1, 1, 16], name: 'reshape_1' }).apply(pooled) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: reshaped, name: 'mobilenet_stub' });
}

describe('graphFromModel', () => {
  it('reads a MobileNet-like model up to the cut, depthwise as grouped conv, with tfjs parameter counts', () => {
    const model = mobilenetLike();
    const graph = graphFromModel(model, 'conv_pw_2');
    expect(graph.nodes.map((n) => n.name)).toEqual(['input_1', 'conv1', 'conv1_bn', 'conv1_relu', 'conv_pad_2', 'conv_dw_2', 'conv_dw_2_relu', 'conv_pw_2']);
    const dw = graph.nodes.find((n) => n.name === 'conv_dw_2')?.spec;
    expect(dw).toMatchObject({ kind: 'conv2d', groups: 8, filters: 8, kernel: [3, 3], strides: [2, 2] });
    const info = inferGraph(graph);
    expect(info.outputShape).toEqual([4, 4, 16]);
    const upToCut = model.layers.filter((l) => graph.nodes.some((n) => n.name === l.name)).reduce((s, l) => s + l.countParams(), 0);
    expect(info.totalParams).toBe(upToCut);
    expect(() => graphFromModel(model, 'reshape_1')).toThrow(/"reshape_1" is a Reshape.*cut before it/);
    model.dispose();
  });
});

describe('base loading', () => {
  it('validates the index of shipped bases', () => {
    expect(() => parseBaseIndex({ format: 'nope', bases: [] })).toThrow(/must be/);
    expect(() => parseBaseIndex({ format: 'cnn-playground/pretrained-bases@1', bases: [{ id: 'x', path: '../../etc/model.json' }] })).toThrow(/base 0/);
  });

  it('gives up after the timeout instead of hanging, and names an unreachable host', async () => {
    const hang: typeof fetch = () => new Promise(() => undefined);
    const t0 = Date.now();
    await expect(loadModelFromUrl('https://example.invalid/model.json', { timeoutMs: 200, fetchFunc: hang })).rejects.toThrow(/Gave up loading .* after 0.2 s/);
    expect(Date.now() - t0).toBeLessThan(2000);
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(loadModelFromUrl('https://storage.example/m/model.json', { timeoutMs: 5000, fetchFunc: offline })).rejects.toThrow(/Could not reach storage.example: you seem to be offline/);
  });
});
