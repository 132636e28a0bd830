/**
 * Per-kernel timing for a tfjs backend whose kernels run synchronously (cpu, wasm): wraps every
 * kernel registered for the backend with a timer that charges each call its self time
 * (nested kernel calls, e.g. our kernels calling Transpose, are charged to the inner kernel).
 */
import { getKernelsForBackend, registerKernel, unregisterKernel, util, type KernelConfig, type KernelFunc } from '@tensorflow/tfjs-core';

/** Accumulated self time and call count of one kernel. */
export interface KernelTiming {
  name: string;
  ms: number;
  calls: number;
}

/** A live profiler; `stop()` restores the original kernels. */
export interface KernelProfiler {
  reset(): void;
  report(): KernelTiming[];
  stop(): void;
}

/**
 * Wraps every kernel of `backendName` with a self-time timer. With `byShape` each kernel is split by its
 * inputs' shapes and attributes ("Sum [64,32,32,16] axis=0,1,2").
 */
export function profileKernels(backendName: string, byShape = false): KernelProfiler {
  const originals: KernelConfig[] = getKernelsForBackend(backendName);
  const totals = new Map<string, KernelTiming>();
  const childMs: number[] = [];
  for (const config of originals) {
    const inner = config.kernelFunc;
    const timed: KernelFunc = (args) => {
      childMs.push(0);
      const t0 = util.now();
      const out = inner(args);
      const total = util.now() - t0;
      const children = childMs.pop() ?? 0;
      if (childMs.length > 0) childMs[childMs.length - 1] += total;
      const key = byShape ? describeCall(config.kernelName, args) : config.kernelName;
      const entry = totals.get(key) ?? { name: key, ms: 0, calls: 0 };
      entry.ms += total - children;
      entry.calls += 1;
      totals.set(key, entry);
      return out;
    };
    unregisterKernel(config.kernelName, backendName);
    registerKernel({ ...config, kernelFunc: timed });
  }
  return {
    reset: () => totals.clear(),
    report: () => [...totals.values()].sort((a, b) => b.ms - a.ms),
    stop: () => {
      for (const config of originals) {
        unregisterKernel(config.kernelName, backendName);
        registerKernel(config);
      }
    },
  };
}

/** "Name [shape] [shape] attr=value …" for one kernel call. */
function describeCall(name: string, args: Parameters<KernelFunc>[0]): string {
  const shapes = Object.values(args.inputs).map((t) => `[${(t?.shape ?? []).join(',')}]`).join(' ');
  const attrs = Object.entries(args.attrs ?? {})
    .filter(([, v]) => typeof v !== 'object' || Array.isArray(v))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
  return `${name} ${shapes} ${attrs}`.trim();
}
