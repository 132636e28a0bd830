/**
 * `npm run bench:gpu -- --pack DIR`: a folder that runs the GPU harness on an x86-64 Linux machine with
 * a GPU and no package registry (the GPU machines lent to some sessions): this Node binary and Dawn's
 * dawn.node (both xz-compressed), the harness bundled into one file, the MNIST shards it reads, the
 * PyTorch reference, a Vulkan loader to fall back on, and run.sh, which checks what is missing and
 * says so. Under 60 MB in all.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'vite';
import { CHROMIUM_LIB } from './vulkanEnv';
import { dawnNodePath } from './dawn';

/** The pack must stay under this (the brief's limit). */
export const PACK_LIMIT_BYTES = 60 * 2 ** 20;

/** MNIST files the harness reads (its first 3,000 training examples and the test split). */
const MNIST_FILES = ['manifest.json', 'train-images-0.u8.gz', 'train-labels.u8.gz', 'test-images-0.u8.gz', 'test-labels.u8.gz'];

const version = (repo: string, pkg: string): string => (JSON.parse(readFileSync(join(repo, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

function xz(from: string, to: string): void {
  let packed: Buffer;
  try {
    packed = execFileSync('xz', ['-6', '-T0', '-c', from], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 2 ** 30 });
  } catch (e) {
    throw new Error(`xz failed or is missing (apt-get install xz-utils): ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  writeFileSync(to, packed);
}

/** Every file under `dir` with its size. */
function listing(dir: string, prefix = ''): { path: string; bytes: number }[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(p).isDirectory() ? listing(p, rel) : [{ path: rel, bytes: statSync(p).size }];
  });
}

/** Bundles scripts/gpu/packEntry.ts (and every dependency but Node's own modules) into DIR/harness.mjs. */
async function bundleHarness(repo: string, dir: string): Promise<void> {
  await build({
    configFile: false,
    root: repo,
    publicDir: false,
    logLevel: 'warn',
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: join(repo, 'scripts', 'gpu', 'packEntry.ts'),
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'harness.mjs', codeSplitting: false } },
    },
  });
}

/**
 * Writes the pack into `dir` (emptied first).
 * @returns 0, or 1 when it exceeds {@link PACK_LIMIT_BYTES}
 */
export async function buildPack(dir: string, repo: string): Promise<number> {
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error('the pack carries this machine\'s Node binary: build it on x86-64 Linux');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'data', 'mnist'), { recursive: true });
  process.stdout.write('pack: bundling the harness… ');
  await bundleHarness(repo, dir);
  process.stdout.write('compressing dawn.node… ');
  xz(dawnNodePath(), join(dir, 'dawn.node.xz'));
  process.stdout.write(`compressing Node ${process.version}… `);
  xz(process.execPath, join(dir, 'node.xz'));
  console.log('done');
  for (const f of MNIST_FILES) copyFileSync(join(repo, 'public', 'data', 'mnist', f), join(dir, 'data', 'mnist', f));
  copyFileSync(join(repo, 'scripts', 'gpu-reference', 'torch_bench.py'), join(dir, 'torch_bench.py'));
  copyFileSync(join(repo, 'scripts', 'gpu', 'run.sh'), join(dir, 'run.sh'));
  execFileSync('chmod', ['+x', join(dir, 'run.sh')]);
  if (existsSync(join(CHROMIUM_LIB, 'libvulkan.so.1'))) {
    // The Khronos Vulkan loader (Apache-2.0), for machines that have a driver but not libvulkan1.
    mkdirSync(join(dir, 'lib'));
    copyFileSync(join(CHROMIUM_LIB, 'libvulkan.so.1'), join(dir, 'lib', 'libvulkan.so.1'));
  }
  writeFileSync(join(dir, 'README.txt'), README);
  const files = listing(dir);
  const sha256 = Object.fromEntries(files.map((f) => [f.path, createHash('sha256').update(readFileSync(join(dir, f.path))).digest('hex')]));
  writeFileSync(join(dir, 'pack.json'), `${JSON.stringify({
    format: 'cnn-playground/gpu-pack@1', builtAt: new Date().toISOString(), node: process.version,
    versions: { tfjs: version(repo, '@tensorflow/tfjs-core'), dawn: `webgpu ${version(repo, 'webgpu')}` }, files: sha256,
  }, null, 2)}\n`);
  const total = listing(dir).reduce((s, f) => s + f.bytes, 0);
  for (const f of listing(dir).sort((a, b) => b.bytes - a.bytes)) console.log(`  ${f.path.padEnd(32)} ${(f.bytes / 2 ** 20).toFixed(2).padStart(7)} MiB`);
  console.log(`pack: ${basename(dir)} is ${(total / 2 ** 20).toFixed(1)} MiB (limit ${PACK_LIMIT_BYTES / 2 ** 20} MiB); run it with ${join(dir, 'run.sh')} --with-torch`);
  return total < PACK_LIMIT_BYTES ? 0 : 1;
}

const README = `CNN Playground — GPU harness, self-contained (built by \`npm run bench:gpu -- --pack DIR\`)

  ./run.sh                 every model (LeNet-5/MNIST, ResNet-20, VGG-11 x0.25 on colour shapes), batch 64 and 256
  ./run.sh --with-torch    the same nets in PyTorch on the same GPU first (torch_bench.py), then the ratio
  ./run.sh --quick         LeNet-5 at batch 64 only
  ./run.sh --swiftshader   software Vulkan (Debian's chromium), to test the pack on a machine without a GPU
  ./run.sh --help          the harness's options

Needs x86-64 Linux, a Vulkan driver (NVIDIA: nvidia_icd.json, part of the driver) and a Vulkan loader
(libvulkan.so.1; lib/ holds a copy). No network. Writes gpu.json (torch.json) into the current directory.
run.sh says what is missing. node.xz and dawn.node.xz unpack into .unpacked/ on the first run.
`;
