import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch } from '../../arch/index';
import { sayMessage, userMessageOf } from '../../messages/index';
import { buildModel, freezeLayers } from '../../model/index';
import { useCpuBackend } from '../../model/testing/cpuBackend';
import { expectNoTensorLeak } from '../../model/testing/expectNoLeak';
import { artifactsFromFiles, exportModelFiles, modelFromArtifacts } from './modelFiles';
import type { ExportedModel, ModelFiles } from './transferProtocol';

beforeAll(useCpuBackend);

const graph = buildArch('lenet5', { variant: 'modern', input: [32, 32, 1], classes: 3 });
const asPicked = (e: ExportedModel): ModelFiles => ({ json: e.json, weights: [{ name: e.binName, data: e.weights }] });

describe('tfjs files: export → import', () => {
  it('round-trips predictions exactly, with freeze flags and metadata', async () => {
    await expectNoTensorLeak(async () => {
      const model = buildModel(graph, { seed: 5 });
      freezeLayers(model, ['c1_conv']);
      model.setUserDefinedMetadata({ cnnPlayground: { note: 'kept' } });
      const files = await exportModelFiles(model, 'my model/../x');
      expect(files.jsonName).toBe('my-model-x.json');
      expect(JSON.parse(files.json).weightsManifest[0].paths).toEqual(['./my-model-x.weights.bin']);
      const loaded = await modelFromArtifacts(artifactsFromFiles(asPicked(files)));
      const x = tf.randomUniform([4, 32, 32, 1], 0, 1, 'float32', 3);
      const [a, b] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
      expect(Array.from(await b.data())).toEqual(Array.from(await a.data()));
      expect(loaded.getLayer('c1_conv').trainable).toBe(false);
      expect(loaded.getUserDefinedMetadata()).toEqual({ cnnPlayground: { note: 'kept' } });
      tf.dispose([x, a, b]);
      model.dispose();
      loaded.dispose();
    });
  });
});

describe('batch norm in files', () => {
  it('is written as Keras BatchNormalization and read back as FreezableBatchNorm, predictions unchanged', async () => {
    await expectNoTensorLeak(async () => {
      const model = buildModel(buildArch('resnet8', { width: 0.25, input: [16, 16, 3], classes: 2 }), { seed: 2 });
      const files = await exportModelFiles(model, 'r');
      expect(files.json).toContain('"class_name":"BatchNormalization"');
      expect(files.json).not.toContain('FreezableBatchNorm');
      const loaded = await modelFromArtifacts(artifactsFromFiles(asPicked(files)));
      expect(loaded.getLayer('conv1_bn').getClassName()).toBe('FreezableBatchNorm');
      const x = tf.randomUniform([2, 16, 16, 3], 0, 1, 'float32', 1);
      const [a, b] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
      expect(Array.from(await b.data())).toEqual(Array.from(await a.data()));
      tf.dispose([x, a, b]);
      model.dispose();
      loaded.dispose();
    });
  });
});

describe('import validation', () => {
  let files: ExportedModel;
  beforeAll(async () => {
    const model = buildModel(graph, { seed: 5 });
    files = await exportModelFiles(model, 'm');
    model.dispose();
  });

  it('refuses malformed JSON, a graph model and a JSON without topology', () => {
    expect(() => artifactsFromFiles({ json: '{"modelTopology": ', weights: [] })).toThrow(/model.json is not valid JSON/);
    expect(() => artifactsFromFiles({ json: '{"format": "graph-model", "modelTopology": {}}', weights: [] })).toThrow(/graph model/);
    expect(() => artifactsFromFiles({ json: '{"weightsManifest": []}', weights: [] })).toThrow(/no "modelTopology"/);
  });

  it('says its refusals as data, in the UI language', () => {
    const caught = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return null;
    };
    const malformed = userMessageOf(caught(() => artifactsFromFiles({ json: '{"modelTopology": ', weights: [] })));
    expect(malformed?.code).toBe('transfer.jsonInvalid');
    expect(sayMessage(malformed ?? { code: '', params: {} }, 'ja')).toMatch(/^model\.json が正しい JSON ではありません（.+）。$/);
    const missing = userMessageOf(caught(() => artifactsFromFiles({ json: files.json, weights: [] })));
    expect(missing).toEqual({ code: 'transfer.missingWeightFile', params: { file: 'm.weights.bin' } });
    expect(sayMessage(missing ?? { code: '', params: {} }, 'ja')).toContain('重みファイル「m.weights.bin」が必要です');
  });

  it('refuses a missing weight file and one of the wrong size', () => {
    expect(() => artifactsFromFiles({ json: files.json, weights: [] })).toThrow(/needs the weight file "m.weights.bin"/);
    const short = { name: files.binName, data: files.weights.slice(0, 100) };
    expect(() => artifactsFromFiles({ json: files.json, weights: [short] })).toThrow(/hold 100 bytes but model.json describes \d+ bytes/);
  });

  it('refuses a weight of the wrong shape without leaking tensors', async () => {
    const json = JSON.parse(files.json);
    const kernel = json.weightsManifest[0].weights.find((w: { name: string }) => w.name === 'c1_conv/kernel');
    kernel.shape = [5, 5, 6, 1]; // same size as [5, 5, 1, 6]: only the shape check catches it
    await expectNoTensorLeak(async () => {
      await expect(modelFromArtifacts(artifactsFromFiles({ json: JSON.stringify(json), weights: [{ name: files.binName, data: files.weights }] }))).rejects.toThrow(
        /could not be rebuilt.*(shape|Shape)/,
      );
    });
  });
});
