/** The command line of the GPU harness (`npm run bench:gpu -- …` and the pack's run.sh). Pure. */
import { BENCH_MODELS, type BenchModelId } from '../bench/schema';

export interface GpuArgs {
  models: BenchModelId[];
  batches: number[];
  steps: number;
  timeBoxSec: number;
  readEveryMs: number;
  quick: boolean;
  /** Folder holding `mnist/` (public/data here; the pack's data/). */
  dataDir: string;
  out: string;
  /** A torch_bench.py JSON to compare with. */
  compare: string | null;
  /** Build the self-contained folder instead of running (only `npm run bench:gpu`). */
  pack: string | null;
  /** Use SwiftShader even where a system Vulkan driver exists. */
  swiftshader: boolean;
  help: boolean;
  /** True when --models or --batches chose the runs (then a software adapter runs them all too). */
  chosen: boolean;
}

export const GPU_USAGE = `npm run bench:gpu -- [--quick] [--models lenet5,resnet20,vgg11-w0.25] [--batches 64,256]
                      [--steps N] [--time-box SEC] [--read-every MS] [--data DIR] [--out FILE]
                      [--compare torch.json] [--swiftshader] [--pack DIR]
  --quick        LeNet-5 at batch 64 only, 3 steps per mode (the CI run)
  --pack DIR     write a self-contained folder for an x86-64 Linux machine with a GPU (see DIR/README.txt)`;

/** Parses `argv` (without node and script). @throws Error naming a bad option */
export function parseGpuArgs(argv: readonly string[], defaults: { dataDir: string; out: string }): GpuArgs {
  const a: GpuArgs = {
    models: ['lenet5', 'resnet20', 'vgg11-w0.25'], batches: [64, 256], steps: 20, timeBoxSec: 30, readEveryMs: 100,
    quick: false, dataDir: defaults.dataDir, out: defaults.out, compare: null, pack: null, swiftshader: false, help: false, chosen: false,
  };
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
    return v;
  };
  const positive = (v: string, name: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not ${JSON.stringify(v)}`);
    return n;
  };
  let stepsSet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--quick': a.quick = true; break;
      case '--swiftshader': a.swiftshader = true; break;
      case '--help': case '-h': a.help = true; break;
      case '--models': {
        const ids = value(i++, arg).split(',');
        const bad = ids.filter((id) => !(id in BENCH_MODELS));
        if (bad.length) throw new Error(`unknown model ${bad.join(', ')} (known: ${Object.keys(BENCH_MODELS).join(', ')})`);
        a.models = ids as BenchModelId[];
        break;
      }
      case '--batches': a.batches = value(i++, arg).split(',').map((b) => Math.round(positive(b, arg))); break;
      case '--steps': a.steps = Math.max(2, Math.round(positive(value(i++, arg), arg))); stepsSet = true; break;
      case '--time-box': a.timeBoxSec = positive(value(i++, arg), arg); break;
      case '--read-every': a.readEveryMs = positive(value(i++, arg), arg); break;
      case '--data': a.dataDir = value(i++, arg); break;
      case '--out': a.out = value(i++, arg); break;
      case '--compare': a.compare = value(i++, arg); break;
      case '--pack': a.pack = value(i++, arg); break;
      default: throw new Error(`unknown option ${arg}\n${GPU_USAGE}`);
    }
  }
  a.chosen = argv.includes('--models') || argv.includes('--batches');
  if (a.quick) {
    a.models = argv.includes('--models') ? a.models : ['lenet5'];
    a.batches = argv.includes('--batches') ? a.batches : [64];
    if (!stepsSet) a.steps = 3;
    a.timeBoxSec = Math.min(a.timeBoxSec, 20);
  }
  return a;
}

/** Runs a software Vulkan (SwiftShader) leaves out by default, with the reason (measured on the 2-core machine). */
export const SOFTWARE_SKIPS: Readonly<Record<string, string>> = {
  'resnet20/64': 'software Vulkan: ~0.25 examples/s here (a step of 64 takes ~4 min); --models resnet20 runs it anyway',
  'resnet20/256': 'software Vulkan: a step of 256 takes ~15 min here',
  'vgg11-w0.25/256': 'software Vulkan: ~1 example/s here (a step of 256 takes ~4 min)',
};
