/**
 * The bench page: puts {@link BenchPageApi} on `window.cnnBench` for the Node driver. Every case gets
 * fresh workers, terminated after it, so backends never share a worker.
 */
import * as Comlink from 'comlink';
import { BENCH_MODELS, type AugmentOutcome, type AugmentSpec, type BenchPageApi, type CaseOutcome, type CaseSpec, type KernelProfileOutcome, type KernelProfileSpec, type PeakOutcome, type PeakSpec, type ThreadsOutcome, type ThreadsSpec } from '../schema';
import type { BenchWorkerApi } from './bench.worker';
import { loadBenchData } from './benchData';
import type { ConvnetWorkerApi } from './convnet.worker';
import { trainConvnetLenet } from './convnetLenet';
import { runEngineAugment, runEngineCase, runEngineThreads } from './engineCase';
import { MainThreadMonitor, yieldToEventLoop } from './timing';

declare global {
  interface Window {
    /** Set once this module has run. */
    cnnBench?: BenchPageApi;
  }
}

/** The app build sits next to this page (bench-results/site/app/), data shards included. */
const dataBaseUrl = new URL('../app/data', window.location.href).href;

function log(line: string): void {
  const pre = document.getElementById('log');
  if (pre) pre.textContent += `${line}\n`;
}

/** Calls `job` with a fresh worker from `make`, always terminating the worker afterwards. */
async function withWorker<T, R>(make: () => Worker, job: (api: Comlink.Remote<T>) => Promise<R>): Promise<R> {
  const worker = make();
  try {
    return await job(Comlink.wrap<T>(worker));
  } finally {
    worker.terminate();
  }
}

const benchWorker = (): Worker => new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module', name: 'bench-tfjs' });
const convnetWorker = (): Worker => new Worker(new URL('./convnet.worker.ts', import.meta.url), { type: 'module', name: 'bench-convnetjs' });

async function runCase(spec: CaseSpec): Promise<CaseOutcome> {
  log(`${spec.model} ${spec.trainer} ${spec.backend}`);
  switch (spec.trainer) {
    case 'engine':
      return runEngineCase(spec, dataBaseUrl);
    case 'tfjs-bare':
      return withWorker<BenchWorkerApi, CaseOutcome>(benchWorker, (api) => api.bare(spec, dataBaseUrl));
    case 'convnetjs-worker': {
      const out = await withWorker<ConvnetWorkerApi, Omit<CaseOutcome, 'mainThread'>>(convnetWorker, (api) => api.train(spec, dataBaseUrl));
      return { ...out, mainThread: null };
    }
    case 'convnetjs-main': {
      const data = await loadBenchData(BENCH_MODELS.lenet5, dataBaseUrl);
      const monitor = new MainThreadMonitor();
      monitor.start();
      const out = await trainConvnetLenet(data, spec, yieldToEventLoop);
      return { ...out, mainThread: monitor.stop() };
    }
  }
}

async function runAugment(spec: AugmentSpec): Promise<AugmentOutcome> {
  log(`${spec.model} augmentation ${spec.recipe} ${spec.backend}`);
  return runEngineAugment(spec, dataBaseUrl);
}

async function runThreads(spec: ThreadsSpec): Promise<ThreadsOutcome> {
  log(`${spec.model} wasm threads vs one thread`);
  return runEngineThreads(spec, dataBaseUrl);
}

async function runPeak(spec: PeakSpec): Promise<PeakOutcome> {
  log(`matmul peak ${spec.backend}${spec.threads === false ? ' (one thread)' : ''}`);
  return withWorker<BenchWorkerApi, PeakOutcome>(benchWorker, (api) => api.peak(spec));
}

async function runProfile(spec: KernelProfileSpec): Promise<KernelProfileOutcome> {
  log(`kernel profile ${spec.model}${spec.threads ? '' : ' (one thread)'}`);
  return withWorker<BenchWorkerApi, KernelProfileOutcome>(benchWorker, (api) => api.profile(spec));
}

async function environment(): Promise<Awaited<ReturnType<BenchPageApi['environment']>>> {
  let webglRenderer = 'none';
  const gl = document.createElement('canvas').getContext('webgl2');
  if (gl) {
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    webglRenderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
  let webgpuAdapter = 'navigator.gpu missing';
  if ('gpu' in navigator) {
    try {
      const adapter = await navigator.gpu.requestAdapter();
      webgpuAdapter = adapter
        ? [adapter.info.vendor, adapter.info.architecture, adapter.info.description, adapter.info.isFallbackAdapter ? '(fallback adapter)' : ''].filter(Boolean).join(' ') || 'unnamed adapter'
        : 'no adapter';
    } catch (error) {
      webgpuAdapter = error instanceof Error ? error.message : String(error);
    }
  }
  return { userAgent: navigator.userAgent, hardwareConcurrency: navigator.hardwareConcurrency, webglRenderer, webgpuAdapter };
}

window.cnnBench = { runCase, runAugment, runThreads, runPeak, runProfile, environment };
log('ready');
