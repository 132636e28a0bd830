/**
 * Training throughput of LeNet-5 on tfjs' wasm backend (with our training kernels) versus the cpu
 * backend, in Node.
 *
 *   npx tsx scripts/benchWasmNode.ts [--backends wasm,cpu] [--examples 2048] [--batch 64]
 *                                    [--repeats 3] [--cpu-examples 256] [--profile] [--stock-speed]
 *
 * LeNet-5: conv 6@5×5 valid relu → maxpool 2 → conv 16@5×5 relu → maxpool 2 → flatten →
 * dense 120 → 84 → 10 softmax on random 32×32×1 inputs, Adam, categorical cross-entropy.
 * Each repeat is one `model.fit` epoch over `--examples` examples after a two-batch warm-up;
 * the best and median rates are printed. `--profile` adds a per-kernel self-time table (last
 * repeat). `--stock-speed` keeps only the kernels wasm needs to train at all (missing or wrong
 * ones) and puts back tfjs' own Conv2DBackpropInput, BatchMatMul and GatherV2, to show what the
 * speed-only replacements buy.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import { getThreadsCount, type BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from '../src/engine/wasm/registerWasmTrainingKernels';
import { profileKernels } from './benchWasmProfile';

const SPEED_ONLY = ['Conv2DBackpropInput', 'BatchMatMul', 'GatherV2'];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

function lenet5(): tfl.LayersModel {
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [32, 32, 1], filters: 6, kernelSize: 5, activation: 'relu' }),
      tfl.layers.maxPooling2d({ poolSize: 2 }),
      tfl.layers.conv2d({ filters: 16, kernelSize: 5, activation: 'relu' }),
      tfl.layers.maxPooling2d({ poolSize: 2 }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 120, activation: 'relu' }),
      tfl.layers.dense({ units: 84, activation: 'relu' }),
      tfl.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  return model;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface BenchOptions {
  examples: number;
  batch: number;
  repeats: number;
  profile: boolean;
}

async function bench(backend: string, o: BenchOptions): Promise<void> {
  await tf.setBackend(backend);
  await tf.ready();
  const model = lenet5();
  const xs = tf.randomUniform([o.examples, 32, 32, 1]);
  const ys = tf.tidy(() => tf.oneHot(tf.randomUniform([o.examples], 0, 10, 'int32') as tf.Tensor1D, 10));
  const wx = tf.slice(xs, 0, 2 * o.batch);
  const wy = tf.slice(ys, 0, 2 * o.batch);
  // Warm-up: first-call costs (module setup, XNNPACK operators, optimizer slots).
  await model.fit(wx, wy, { batchSize: o.batch, epochs: 1, verbose: 0 });
  const rates: number[] = [];
  let loss = Number.NaN;
  for (let r = 0; r < o.repeats; r++) {
    const profiler = o.profile && r === o.repeats - 1 ? profileKernels(backend) : null;
    const t0 = performance.now();
    const h = await model.fit(xs, ys, { batchSize: o.batch, epochs: 1, verbose: 0, shuffle: false });
    const ms = performance.now() - t0;
    rates.push(o.examples / (ms / 1000));
    loss = Number(h.history.loss[0]);
    if (profiler !== null) {
      const rows = profiler.report();
      const total = rows.reduce((s, row) => s + row.ms, 0);
      console.log(`  profile: kernels ${total.toFixed(0)} ms of ${ms.toFixed(0)} ms wall (rest: engine, tape, layers)`);
      for (const row of rows.slice(0, 20)) {
        console.log(`  ${row.name.padEnd(24)} ${row.ms.toFixed(1).padStart(8)} ms ${String(row.calls).padStart(6)} calls`);
      }
      profiler.stop();
    }
  }
  console.log(
    `${backend}: ${o.examples} examples × ${o.repeats}, batch ${o.batch}: best ${Math.max(...rates).toFixed(0)}, ` +
    `median ${median(rates).toFixed(0)} examples/s (last epoch loss ${loss.toFixed(4)})`,
  );
  tf.dispose([xs, ys, wx, wy]);
  model.dispose();
}

/** Puts tfjs' own versions of our speed-only replacements back (and binds their C functions). */
async function restoreStockSpeedKernels(stock: tf.KernelConfig[]): Promise<void> {
  await tf.setBackend('wasm');
  for (const config of stock) {
    tf.unregisterKernel(config.kernelName, 'wasm');
    tf.registerKernel(config);
    config.setupFunc?.(tf.backend() as BackendWasm);
  }
}

async function main(): Promise<void> {
  const backends = arg('backends', 'wasm,cpu').split(',');
  const options: BenchOptions = {
    examples: Number(arg('examples', '2048')),
    batch: Number(arg('batch', '64')),
    repeats: Number(arg('repeats', '3')),
    profile: process.argv.includes('--profile'),
  };
  const stock = SPEED_ONLY.map((name) => tf.getKernel(name, 'wasm')).filter((k) => k !== undefined);
  registerWasmTrainingKernels();
  if (process.argv.includes('--stock-speed')) await restoreStockSpeedKernels(stock);
  if (backends.includes('wasm')) {
    await tf.setBackend('wasm');
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    console.log(`wasm: SIMD ${String(simd)}, threads ${getThreadsCount()}`);
  }
  // The cpu backend runs LeNet at a few dozen examples/s: time it on fewer examples by default.
  const cpuOptions = { ...options, repeats: 1, examples: Number(arg('cpu-examples', '256')) };
  for (const b of backends) await bench(b, b === 'cpu' ? cpuOptions : options);
}

void main();
