/**
 * `npm run bench:gpu`: our model builder and training step on tfjs-backend-webgpu over Dawn, in Node
 * (scripts/gpu/), writing bench-results/gpu.json; `-- --pack DIR` instead writes a self-contained folder
 * for an x86-64 Linux machine with a GPU and no package registry (scripts/gpu/pack.ts).
 *
 * Dawn needs Vulkan: when this machine has no Vulkan driver the harness re-runs itself with chromium's
 * Vulkan loader and SwiftShader ICD in its environment (scripts/gpu/vulkanEnv.ts), as CI does.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGpuArgs } from './gpu/args';
import { vulkanEnvironment } from './gpu/vulkanEnv';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const version = (pkg: string): string => (JSON.parse(readFileSync(join(repo, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

async function main(): Promise<number> {
  let pack: string | null = null;
  let swiftshader = false;
  try {
    ({ pack, swiftshader } = parseGpuArgs(argv, { dataDir: '', out: '' }));
  } catch {
    // runHarness reports it
  }
  if (pack) {
    const { buildPack } = await import('./gpu/pack');
    return buildPack(resolve(pack), repo);
  }
  const vk = vulkanEnvironment(process.env, swiftshader);
  const needed = Object.entries(vk.env).some(([k, v]) => process.env[k] !== v);
  if (needed && !process.env.CNN_BENCH_GPU_CHILD) {
    // The dynamic loader reads LD_LIBRARY_PATH at start-up: run again with it set.
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...argv], {
      stdio: 'inherit', env: { ...process.env, ...vk.env, CNN_BENCH_GPU_CHILD: '1', CNN_BENCH_GPU_NOTES: vk.notes.join('\n') },
    });
    return child.status ?? 1;
  }
  const notes = process.env.CNN_BENCH_GPU_NOTES?.split('\n').filter(Boolean) ?? vk.notes;
  const { runHarness } = await import('./gpu/main');
  return runHarness(argv, { dataDir: join(repo, 'public', 'data'), out: join(repo, 'bench-results', 'gpu.json') }, { tfjs: version('@tensorflow/tfjs-core'), dawn: `webgpu ${version('webgpu')}` }, notes);
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
