/**
 * The GPU harness's run: Dawn up, the CPU-agreement check, every model × batch, the JSON and the table.
 * Shared by `npm run bench:gpu` (scripts/benchGpu.ts) and the packed harness (scripts/gpu/packEntry.ts).
 * @returns the process exit code: 0 pass, 1 a failed check or run, 2 a bad command line or no adapter
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { BENCH_MODELS } from '../bench/schema';
import { GPU_USAGE, parseGpuArgs, SOFTWARE_SKIPS } from './args';
import { installDawn, type AdapterReport } from './dawn';
import { loadHarnessData } from './gpuData';
import { agreementCheck, requireGradients, runModel, type HarnessOptions } from './harness';
import { compareWithTorch, formatGpuReport, type TorchReport } from './report';
import { GPU_SCHEMA, type GpuReport, type GpuRun } from './schema';

/** Versions baked in by whoever calls (package.json here, the pack's manifest there). */
export interface HarnessVersions {
  tfjs: string;
  dawn: string;
}

export async function runHarness(argv: readonly string[], defaults: { dataDir: string; out: string }, versions: HarnessVersions, vulkanNotes: readonly string[] = []): Promise<number> {
  let args;
  try {
    args = parseGpuArgs(argv, defaults);
  } catch (e) {
    console.error(`bench:gpu: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  if (args.help) {
    console.log(GPU_USAGE);
    return 0;
  }
  const startedAt = new Date();
  const loadStart = loadavg()[0];
  for (const note of vulkanNotes) console.log(note);
  let adapter: AdapterReport;
  try {
    adapter = await installDawn();
  } catch (e) {
    console.error(`bench:gpu: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  console.log(`adapter: ${adapter.vendor} ${adapter.architecture} ${adapter.description}${adapter.software ? ' (software Vulkan)' : ''}`);
  await import('@tensorflow/tfjs-backend-webgpu'); // registers 'webgpu' now that navigator.gpu exists
  requireGradients();
  const o: HarnessOptions = { learningRate: 1e-3, seed: 1, steps: args.steps, timeBoxSec: args.timeBoxSec, readEveryMs: args.readEveryMs };
  const mnist = await loadHarnessData(BENCH_MODELS.lenet5, args.dataDir);
  process.stdout.write('check: LeNet-5 on tfjs-cpu and on WebGPU, same weights and batches… ');
  const tCheck = performance.now();
  const check = await agreementCheck(mnist, o);
  console.log(check.pass ? `pass (max |Δloss| ${check.maxAbsDiff.toExponential(2)}, ${((performance.now() - tCheck) / 1000).toFixed(0)} s)` : `FAIL (cpu ${check.cpuLosses.map((l) => l.toFixed(4)).join(' ')}; gpu ${check.gpuLosses.map((l) => l.toFixed(4)).join(' ')})`);
  const runs: GpuRun[] = [];
  for (const model of args.models) {
    const data = BENCH_MODELS[model].dataset === 'mnist' ? mnist : await loadHarnessData(BENCH_MODELS[model], args.dataDir);
    for (const batch of args.batches) {
      const skip = adapter.software && !args.chosen ? SOFTWARE_SKIPS[`${model}/${batch}`] : undefined;
      if (skip) {
        runs.push({ model, batch, status: 'skipped', error: skip, warmupSteps: 0, sync: null, pipelined: null, lossFirst: null, lossAfter: null, stepsTrained: 0, tensorsLeaked: 0, trainFlops: null });
        console.log(`${model} batch ${batch}: skipped (${skip})`);
        continue;
      }
      process.stdout.write(`${model} batch ${batch}… `);
      const run = await runModel(data, model, batch, o);
      runs.push(run);
      console.log(run.status === 'ok' ? `${run.pipelined?.examplesPerSec.toFixed(1)} ex/s pipelined, ${run.sync?.examplesPerSec.toFixed(1)} sync` : `error: ${run.error}`);
    }
  }
  let torch = null;
  if (args.compare) torch = compareWithTorch(runs, JSON.parse(await readFile(args.compare, 'utf8')) as TorchReport);
  const report: GpuReport = {
    schema: GPU_SCHEMA,
    startedAt: startedAt.toISOString(),
    durationSec: (Date.now() - startedAt.getTime()) / 1000,
    environment: {
      node: process.version, platform: `${process.platform}-${process.arch}`, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length,
      loadAverage: { start: loadStart, end: loadavg()[0] }, tfjs: versions.tfjs, dawn: versions.dawn, vulkan: [...vulkanNotes],
    },
    adapter,
    settings: { optimizer: 'Adam (tfjs), categorical cross-entropy', learningRate: o.learningRate, seed: o.seed, steps: o.steps, timeBoxSec: o.timeBoxSec, readEveryMs: o.readEveryMs, quick: args.quick },
    check, runs, torch,
    pass: check.pass && runs.every((r) => r.status === 'skipped' || (r.status === 'ok' && r.tensorsLeaked === 0)),
  };
  await mkdir(dirname(args.out), { recursive: true });
  await writeFile(args.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${formatGpuReport(report)}\nwrote ${args.out}`);
  tf.disposeVariables();
  return report.pass ? 0 : 1;
}
