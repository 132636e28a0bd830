/**
 * Where a training step's time goes, kernel by kernel, on a backend whose kernels run synchronously
 * (wasm, cpu): the bare loop's step (our `buildModel`, the engine's Adam, cross-entropy) on random inputs, timed
 * with scripts/benchWasmProfile.ts' self-time wrappers. Threaded and one-thread wasm side by side
 * show which kernels do not scale.
 */
import * as tf from '@tensorflow/tfjs-core';
import { buildArch } from '../../../src/arch/index';
import { makeOptimizer } from '../../../src/engine/optimizers';
import { buildModel } from '../../../src/model/index';
import { profileKernels } from '../../benchWasmProfile';
import { BENCH_MODELS, type KernelProfileOutcome, type KernelProfileSpec } from '../schema';
import { activateBenchBackend } from './setupTfjs';

/** Profiles `spec.steps` training steps after two warm-up steps (kernel figures are per step). */
export async function runKernelProfile(spec: KernelProfileSpec): Promise<KernelProfileOutcome> {
  await activateBenchBackend('wasm', spec.threads);
  const def = BENCH_MODELS[spec.model];
  const model = buildModel(buildArch(def.arch, { input: def.input, classes: def.classes, width: def.width }), { seed: 1 });
  const optimizer = makeOptimizer({ optimizer: 'adam', learningRate: 0.001, momentum: 0 }); // the engine's Adam
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const x = tf.randomUniform([spec.batchSize, ...def.input]);
  const y = tf.oneHot(tf.randomUniform([spec.batchSize], 0, def.classes, 'int32') as tf.Tensor1D, def.classes);
  const step = async (): Promise<void> => {
    const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar, true, variables);
    await loss?.data();
    loss?.dispose();
  };
  try {
    await step();
    await step();
    const profiler = spec.timingOnly === true ? null : profileKernels('wasm', spec.byShape === true);
    const t0 = performance.now();
    for (let i = 0; i < spec.steps; i++) await step();
    const stepMs = (performance.now() - t0) / spec.steps;
    const kernels = (profiler?.report() ?? []).map((k) => ({ name: k.name, ms: k.ms / spec.steps, calls: k.calls / spec.steps }));
    profiler?.stop();
    return { stepMs, kernels };
  } finally {
    tf.dispose([x, y]);
    optimizer.dispose();
    model.dispose();
  }
}

