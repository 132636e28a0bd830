/**
 * Trains the pretrained bases the transfer-learning panel starts from, with the app's own engine on
 * tfjs' wasm backend (our training kernels, one thread), and writes them in tfjs layers format:
 *
 *   public/models/<id>/model.json   topology + weights manifest
 *   public/models/<id>/weights.bin  float32 weights
 *   public/models/<id>/recipe.json  arch and options, dataset, seed, optimizer, epochs, test accuracy
 *   public/models/index.json        the list the app reads
 *
 *   npx tsx scripts/pretrain.ts [--only <id>] [--out public/models]
 *
 * Everything is seeded (weights, batch order, the generated shapes) and no date is written, so a rerun
 * on the same machine reproduces the files byte for byte. Takes a few minutes on one core.
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildArch } from '../src/arch/index';
import { generateColorShapes } from '../src/data/colorShapes';
import type { BundledDatasetId } from '../src/data/datasetTypes';
import { loadBundledDataset } from '../src/data/loadBundled';
import { Engine, SHAPES_SPEC } from '../src/engine/engine';
import { classSubset } from '../src/engine/transfer/datasetSubset';
import type { TrainEvent } from '../src/engine/protocol';
import { BASE_INDEX_FORMAT } from '../src/engine/transfer/baseLoader';
import { modelArtifacts, modelJsonText } from '../src/engine/transfer/modelFiles';
import type { BaseEntry } from '../src/engine/transfer/transferProtocol';
import { registerWasmTrainingKernels } from '../src/engine/wasm/registerWasmTrainingKernels';
import { RECIPES, type Recipe } from './pretrain/recipes';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

/** Serves `public/data/...` from disk to the app's dataset loader. */
async function diskFetch(url: string): Promise<Response> {
  const bytes = await readFile(url);
  return new Response(bytes, { headers: { 'content-type': url.endsWith('.json') ? 'application/json' : 'application/octet-stream' } });
}

/** JSON with a trailing newline and stable key order (as written). */
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

async function train(engine: Engine, recipe: Recipe, outDir: string): Promise<BaseEntry> {
  const t0 = performance.now();
  const full = recipe.dataset === 'shapes' ? generateColorShapes(SHAPES_SPEC) : await loadBundledDataset(recipe.dataset as BundledDatasetId, resolve('public/data'), undefined, { fetch: diskFetch });
  // A class subset is interleaved with the recipe's seed, so it is reproducible too.
  engine.session.installDataset(recipe.dataset, recipe.classes ? classSubset(full, { classes: recipe.classes, perClass: 0, testPerClass: 0, seed: recipe.seed }) : full);
  const graph = buildArch(recipe.arch, recipe.options);
  const built = await engine.build(graph, recipe.seed, { batchSize: recipe.fit.batchSize, optimizer: recipe.compile.optimizer });
  await engine.compile(recipe.compile);
  const onEvent = (e: TrainEvent) => {
    if (e.type === 'epochEnd') console.log(`  epoch ${e.epoch + 1}/${recipe.fit.epochs}: loss ${e.loss.toFixed(4)}, accuracy ${(e.accuracy * 100).toFixed(2)}%, ${e.examplesPerSec.toFixed(0)} examples/s`);
  };
  const fit = await engine.fit({ ...recipe.fit, seed: recipe.seed }, onEvent);
  if (fit.end !== 'completed') throw new Error(`${recipe.id}: training ended with ${fit.end}: ${fit.message}`);
  const test = await engine.evaluate(0);
  const seconds = (performance.now() - t0) / 1000;
  console.log(`  test accuracy ${(test.accuracy * 100).toFixed(2)}% on ${test.count} images (${seconds.toFixed(0)} s)`);
  const model = engine.session.model;
  if (!model) throw new Error('no model');
  const artifacts = await modelArtifacts(model);
  const weights = new Uint8Array(artifacts.weightData as ArrayBuffer);
  const dir = join(outDir, recipe.id);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'model.json'), modelJsonText(artifacts, 'weights.bin'));
  await writeFile(join(dir, 'weights.bin'), weights);
  const data = engine.session.data;
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  await writeFile(join(dir, 'recipe.json'), json({
    id: recipe.id, title: recipe.title, arch: recipe.arch, options: recipe.options, dataset: recipe.dataset, classes: recipe.classes ?? 'all',
    trainImages: data?.train.count, testImages: test.count, seed: recipe.seed, compile: recipe.compile, fit: { ...recipe.fit, seed: recipe.seed },
    testAccuracy: round(test.accuracy), testLoss: round(test.loss), params: built.totalParams, featureLayer: recipe.featureLayer, headPooling: recipe.headPooling,
    trainedWith: `tfjs ${tf.version_core}, ${tf.getBackend()} backend (scripts/pretrain.ts)`,
  }));
  return {
    id: recipe.id, title: recipe.title, arch: recipe.arch, options: { ...recipe.options }, dataset: recipe.dataset,
    classNames: [...(data?.classNames ?? [])], testAccuracy: round(test.accuracy), featureLayer: recipe.featureLayer, headPooling: recipe.headPooling,
    path: `${recipe.id}/model.json`, params: built.totalParams, weightBytes: weights.byteLength,
  };
}

async function main(): Promise<void> {
  const outDir = resolve(arg('out', 'public/models'));
  const only = arg('only', '');
  registerWasmTrainingKernels();
  // One thread: the same arithmetic order on every run.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  const engine = new Engine(() => true);
  const status = await engine.init('wasm');
  console.log(`backend ${status.name}`);
  const indexPath = join(outDir, 'index.json');
  const previous: BaseEntry[] = await readFile(indexPath, 'utf8').then((t) => (JSON.parse(t) as { bases: BaseEntry[] }).bases, () => []);
  const entries: BaseEntry[] = [];
  for (const recipe of RECIPES) {
    const kept = previous.find((b) => b.id === recipe.id);
    if (only && recipe.id !== only) {
      if (kept) entries.push(kept);
      continue;
    }
    console.log(`${recipe.id}: ${recipe.title}`);
    entries.push(await train(engine, recipe, outDir));
    await engine.disposeModel();
  }
  await writeFile(indexPath, json({ format: BASE_INDEX_FORMAT, note: 'Written by scripts/pretrain.ts; do not edit by hand.', bases: entries }));
  console.log(`wrote ${indexPath}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
