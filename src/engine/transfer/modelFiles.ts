/**
 * tfjs layers-model files (model.json + weights .bin) ⇄ in-memory artifacts, with the checks that turn
 * a wrong upload into a sentence: malformed JSON, not a layers model, a missing weight file, weights
 * of the wrong size or shape. Nothing here touches the installed model, so a refused import keeps it.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '../../model/layers/index';
import { transferError } from '../../messages/index';
import type { ExportedModel, ModelFiles } from './transferProtocol';

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, float16: 2, complex64: 8 };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every weight of a model with its topology, as `model.save` produces them (one joined buffer). */
export async function modelArtifacts(model: tfl.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  const artifacts = saved as tf.io.ModelArtifacts | null;
  if (!artifacts?.weightData || !artifacts.weightSpecs) throw transferError('transfer.noWeights', { model: model.name });
  return { ...artifacts, weightData: tf.io.CompositeArrayBuffer.join(artifacts.weightData) };
}

/**
 * A copy of a Keras/tfjs topology with every layer of class `from` renamed `to` (same config). Keras'
 * BatchNormalization already runs in inference mode when frozen, which is what our FreezableBatchNorm
 * adds to tfjs: files we write say BatchNormalization (Keras reads them), and models we read get
 * FreezableBatchNorm (frozen batch norm then keeps its statistics here too).
 */
export function renameLayerClass(topology: unknown, from: string, to: string): unknown {
  if (Array.isArray(topology)) return topology.map((v) => renameLayerClass(v, from, to));
  if (!isObject(topology)) return topology;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(topology)) out[key] = key === 'class_name' && value === from ? to : renameLayerClass(value, from, to);
  return out;
}

/** The bytes the weight specs describe (quantised weights included). */
function describedBytes(specs: readonly tf.io.WeightsManifestEntry[]): number {
  return specs.reduce((sum, s) => {
    const count = s.shape.reduce((a, b) => a * b, 1);
    return sum + count * (s.quantization ? BYTES[s.quantization.dtype] ?? 4 : BYTES[s.dtype] ?? 4);
  }, 0);
}

/** model.json as tfjs' `browserDownloads` writes it, naming one weights file. */
export function modelJsonText(artifacts: tf.io.ModelArtifacts, binName: string): string {
  const json: tf.io.ModelJSON = {
    modelTopology: renameLayerClass(artifacts.modelTopology, 'FreezableBatchNorm', 'BatchNormalization') as object,
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: [`./${binName}`], weights: artifacts.weightSpecs ?? [] }],
  };
  if (artifacts.userDefinedMetadata) json.userDefinedMetadata = artifacts.userDefinedMetadata;
  return JSON.stringify(json);
}

/** The download pair for a model, named after `stem` (letters, digits, `-` and `_` only). */
export async function exportModelFiles(model: tfl.LayersModel, stem: string): Promise<ExportedModel> {
  const safe = stem.replace(/[^\w-]+/g, '-').slice(0, 60) || 'model';
  const artifacts = await modelArtifacts(model);
  const binName = `${safe}.weights.bin`;
  return { jsonName: `${safe}.json`, json: modelJsonText(artifacts, binName), binName, weights: artifacts.weightData as ArrayBuffer };
}

const baseName = (path: string) => path.split(/[/\\]/).pop() ?? path;

/**
 * Checks picked files and assembles artifacts: model.json must parse, be a layers model with a
 * weights manifest, and every weight file it names must be among `files.weights` (matched by file
 * name) with exactly the bytes the manifest describes.
 * @throws UserError with a sentence naming what is wrong.
 */
export function artifactsFromFiles(files: ModelFiles): tf.io.ModelArtifacts {
  let json: unknown;
  try {
    json = JSON.parse(files.json);
  } catch (e) {
    throw transferError('transfer.jsonInvalid', { detail: message(e) }, { cause: e });
  }
  if (!isObject(json)) throw transferError('transfer.jsonNotObject');
  if (json.format === 'graph-model') throw transferError('transfer.graphModel');
  if (!isObject(json.modelTopology)) throw transferError('transfer.noTopology');
  const manifest = json.weightsManifest;
  if (!Array.isArray(manifest) || !manifest.every((g) => isObject(g) && Array.isArray(g.paths) && Array.isArray(g.weights))) {
    throw transferError('transfer.noManifest');
  }
  const groups = manifest as tf.io.WeightsManifestConfig;
  const byName = new Map(files.weights.map((w) => [baseName(w.name), w.data]));
  const buffers: ArrayBuffer[] = [];
  for (const path of groups.flatMap((g) => g.paths)) {
    const data = byName.get(baseName(path));
    if (!data) throw transferError('transfer.missingWeightFile', { file: baseName(path) });
    buffers.push(data);
  }
  const weightSpecs = groups.flatMap((g) => g.weights);
  const weightData = tf.io.CompositeArrayBuffer.join(buffers);
  const expected = describedBytes(weightSpecs);
  if (weightData.byteLength !== expected) {
    throw transferError('transfer.weightBytes', { actual: weightData.byteLength, expected });
  }
  return {
    modelTopology: json.modelTopology,
    format: typeof json.format === 'string' ? json.format : 'layers-model',
    generatedBy: typeof json.generatedBy === 'string' ? json.generatedBy : undefined,
    convertedBy: typeof json.convertedBy === 'string' ? json.convertedBy : null,
    weightSpecs,
    weightData,
    userDefinedMetadata: isObject(json.userDefinedMetadata) ? (json.userDefinedMetadata as Record<string, object>) : undefined,
  };
}

/**
 * Builds a model from artifacts (our custom layers are registered by the import above), disposing
 * everything it made when the weights do not fit — tfjs' own loader would leak the half-built model.
 * @throws UserError saying the topology or weights do not fit, e.g. a weight of the wrong shape (tfjs' words as its detail).
 */
export async function modelFromArtifacts(artifacts: tf.io.ModelArtifacts): Promise<tfl.LayersModel> {
  let model: tfl.LayersModel | null = null;
  let weights: tf.NamedTensorMap = {};
  try {
    const modelTopology = renameLayerClass(artifacts.modelTopology, 'BatchNormalization', 'FreezableBatchNorm');
    model = await tfl.models.modelFromJSON({ modelTopology } as Parameters<typeof tfl.models.modelFromJSON>[0]);
    if (artifacts.weightData && artifacts.weightSpecs) {
      weights = tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs.filter((s) => s.group !== 'optimizer'));
      model.loadWeights(weights, true);
    }
    if (artifacts.userDefinedMetadata) model.setUserDefinedMetadata(artifacts.userDefinedMetadata);
    return model;
  } catch (e) {
    model?.dispose();
    throw transferError('transfer.rebuildFailed', { detail: message(e) }, { cause: e });
  } finally {
    tf.dispose(Object.values(weights));
  }
}
