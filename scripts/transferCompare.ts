/**
 * The comparison run of the transfer-learning panel, in Node: a shipped base with a new head versus the
 * same architecture from random weights, on a few images per class, same optimizer and budget. Prints
 * the figures recorded in docs/transfer.md.
 *
 *   npx tsx scripts/transferCompare.ts [--base lenet5-mnist] [--dataset fashion-mnist] [--per-class 20]
 *     [--epochs 20] [--batch 16] [--lr 0.003] [--mode head|all|last:2] [--seeds 1,2,3]
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadBundledDataset } from '../src/data/loadBundled';
import { Engine } from '../src/engine/engine';
import type { EngineDatasetId } from '../src/engine/protocol';
import { TransferFeature } from '../src/engine/transfer/transferApi';
import type { FreezeMode } from '../src/engine/transfer/transferProtocol';
import { registerWasmTrainingKernels } from '../src/engine/wasm/registerWasmTrainingKernels';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

/** Reads `public/...` paths from disk, for both the model files and the dataset shards. */
async function diskFetch(input: string | URL | Request): Promise<Response> {
  const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
  const bytes = await readFile(path);
  return new Response(bytes, { headers: { 'content-type': path.endsWith('.json') ? 'application/json' : 'application/octet-stream' } });
}

function mode(text: string): FreezeMode {
  if (text === 'all') return { kind: 'all' };
  const last = /^last:(\d+)$/.exec(text);
  return last ? { kind: 'last', k: Number(last[1]) } : { kind: 'head' };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  registerWasmTrainingKernels();
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  const core = new Engine(() => true);
  await core.init('wasm');
  const dataset = arg('dataset', 'fashion-mnist') as EngineDatasetId;
  if (dataset === 'mnist' || dataset === 'fashion-mnist') core.session.installDataset(dataset, await loadBundledDataset(dataset, resolve('public/data'), undefined, { fetch: diskFetch }));
  const transfer = new TransferFeature(core, diskFetch as typeof fetch);
  const base = await transfer.loadBase({ kind: 'shipped', id: arg('base', 'lenet5-mnist'), modelsUrl: resolve(arg('models', 'public/models')) });
  const perClass = Number(arg('per-class', '20'));
  const compile = { optimizer: 'adam' as const, learningRate: Number(arg('lr', '0.003')), momentum: 0.9, loss: 'categoricalCrossentropy' as const };
  const fit = { epochs: Number(arg('epochs', '20')), batchSize: Number(arg('batch', '16')), validationSplit: 0, shuffle: true, trainLimit: 0 };
  console.log(`${base.title} → ${dataset}, ${perClass} images per class, head on ${arg('cut', base.defaultCut)} (${arg('pooling', base.defaultPooling)}), ${fit.epochs} epochs, batch ${fit.batchSize}, Adam ${compile.learningRate}, freeze ${arg('mode', 'head')}`);
  for (const seed of arg('seeds', '1,2,3').split(',').map(Number)) {
    const state = await transfer.applyHead({
      subset: { datasetId: dataset, dataUrl: resolve('public/data'), classes: arg('classes', '') ? arg('classes', '').split(',').map(Number) : [], perClass, testPerClass: 0, seed },
      cutAt: arg('cut', base.defaultCut), pooling: arg('pooling', base.defaultPooling) === 'flatten' ? 'flatten' : 'avg', seed, mode: mode(arg('mode', 'head')), plan: { batchSize: fit.batchSize, optimizer: 'adam' },
    });
    const t0 = performance.now();
    const r = await transfer.compare(compile, { ...fit, seed }, () => undefined);
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      `seed ${seed}: ${r.trainImages} training images, ${r.scratch.testCount} test images (${state.dataset.name}) — ` +
        `from scratch ${pct(r.scratch.testAccuracy)} (${r.scratch.trainableParams} trainable), ` +
        `transfer ${pct(r.transfer.testAccuracy)} (${r.transfer.trainableParams} trainable${r.transfer.cached ? ', feature cache' : ''}); ${secs} s`,
    );
    const curve = (arm: typeof r.scratch) => arm.epochs.filter((_, i) => i % 5 === 4 || i === 0).map((p) => `${p.epoch}:${pct(p.valAccuracy ?? NaN)}`).join(' ');
    console.log(`  test accuracy after epoch — scratch ${curve(r.scratch)} | transfer ${curve(r.transfer)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
