/**
 * `npm run check:keras`: the Keras bridge checked with the real Keras 3 (on JAX, CPU) in a virtual
 * environment under the repository:
 *   1. every zoo network (defaults, option cases, recipes' initialisers and batch-norm momentum) built
 *      from the generated code has our parameter counts (total and trainable), layer output shapes and
 *      layer order;
 *   2. LeNet-5, the 1998 LeNet-5 (its custom layers), ResNet-20 (batch norm, cosine schedule) and a
 *      grouped AlexNet with LRN, trained in headless Chromium (production build) and exported as .keras,
 *      load with keras.saving.load_model and predict the playground's probabilities on 32 test images to 1e-4;
 *   3. the generated LeNet-5 / MNIST notebook runs top to bottom offline and its loss falls;
 *   4. the generated ResNet-20 script gives the playground's learning rate at every step, its precise BN
 *      gives the exported batch-norm statistics, and it runs offline to the end;
 *   5. a .keras file saved by Keras is imported into the app and predicts there as in Keras, to 1e-4.
 * The Keras steps run in the background as soon as their files exist, beside the browser and each other.
 * CHECK_KERAS_APP=<folder>: serve that production build (CI: npm test's dist/) instead of building again.
 * `--install-only`: create the venv and install the packages, nothing else (CI does it during npm test).
 * Exit code 0: all passed; 1: a check failed; 3: skipped because pip could not install the packages
 * (one line says why). Writes bench-results/check-keras.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { seededPermutation } from '../src/data/random';
import { scheduledRate } from '../src/engine/optimizers';
import { serveStatic } from './bench/staticServer';
import { browserSteps, type BrowserCase } from './keras/browserSteps';
import { ensureVenv, VENV_DIR } from './keras/venv';
import { writeZooCases } from './keras/writeZooCases';

const repo = resolve(import.meta.dirname, '..');
const work = join(repo, '.cache', 'check-keras');
const log = (line: string) => process.stdout.write(`check:keras: ${line}\n`);

/** The ResNet-20 run whose script is checked (part 4): all its images are the ones precise BN used (512 ≥ 256). */
const SCRIPT_RUN = { images: 256, batch: 32, seed: 42 };

/** The models trained and exported in the browser: small enough for a CPU-only CI machine. */
const CASES: BrowserCase[] = [
  { id: 'lenet5-mnist', query: 'epochs=1&limit=3000&batch=32', withNotebook: true },
  { id: 'lenet5-1998-mnist', query: 'variant=1998&epochs=1&limit=2000&batch=32' },
  { id: 'resnet20-shapes', query: `arch=resnet20&dataset=shapes&epochs=1&limit=${SCRIPT_RUN.images}&batch=${SCRIPT_RUN.batch}&valsplit=0&schedule=cosine`, withData: true },
  { id: 'alexnet-groups2-lrn-shapes', query: 'arch=alexnet&groups=2&width=0.125&input=67,67,3&dataset=shapes&epochs=1&limit=256&batch=32&valsplit=0' },
];

function pythonEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, KERAS_BACKEND: 'jax', CHECK_KERAS_JAX_CACHE: resolve(repo, VENV_DIR, 'jax-cache'), PYTHONPATH: join(repo, 'scripts', 'keras'), ...env };
}

/**
 * Runs one Python step in the background (the steps are independent processes: on two cores the
 * browser's training and Keras' compiling overlap). Its output is printed in one piece when it ends, so
 * steps running together do not interleave their lines. Resolves to its exit code.
 */
function python(py: string, script: string, args: readonly string[], cwd = repo): Promise<number> {
  return new Promise((done) => {
    const child = spawn(py, [join(repo, 'scripts', 'keras', script), ...args], { cwd, env: pythonEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => output.push(b));
    child.stderr.on('data', (b: Buffer) => output.push(b));
    child.on('error', (e) => output.push(Buffer.from(`${String(e)}\n`)));
    child.on('close', (code) => {
      const text = Buffer.concat(output).toString('utf8').trimEnd();
      if (text) process.stdout.write(`${text}\n`);
      done(code ?? 1);
    });
  });
}

/** Times a step that runs beside others: its result and seconds go into the report when it ends. */
function timed(name: string, run: () => Promise<number>, steps: Record<string, { ok: boolean; seconds: number }>): Promise<void> {
  const from = Date.now();
  return run().then((code) => {
    steps[name] = { ok: code === 0, seconds: Math.round((Date.now() - from) / 1000) };
  });
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  const venv = ensureVenv(repo, log);
  if (!venv.ok) {
    process.stdout.write(`check:keras: SKIPPED, nothing was checked: ${venv.reason}\n`);
    return 3;
  }
  if (process.argv.includes('--install-only')) {
    log(`${venv.installed ? 'installed' : 'reusing'} ${VENV_DIR}/ (${seconds()} s); --install-only: nothing checked yet`);
    return 0;
  }
  log(`${venv.installed ? 'installed' : 'reusing'} ${VENV_DIR}/ (${seconds()} s)`);
  rmSync(work, { recursive: true, force: true });
  const steps: Record<string, { ok: boolean; seconds: number }> = {};
  const running: Promise<void>[] = [];

  // Each Keras step starts as soon as its files exist and runs beside the browser and the other steps.
  const zoo = join(work, 'zoo');
  log(`1/5 the generated code of ${writeZooCases(zoo)} zoo networks, built by Keras (in the background)`);
  running.push(timed('zoo', () => python(venv.python, 'check_zoo.py', [zoo]), steps));

  const t = Date.now();
  const files = join(work, 'files');
  mkdirSync(files, { recursive: true });
  const prebuilt = process.env.CHECK_KERAS_APP ? resolve(repo, process.env.CHECK_KERAS_APP) : null;
  const appDir = prebuilt && existsSync(join(prebuilt, 'index.html')) ? prebuilt : join(work, 'app');
  if (appDir === prebuilt) log(`2/5 and 5/5: the production build in ${process.env.CHECK_KERAS_APP}/ (CHECK_KERAS_APP); training and exporting in headless Chromium`);
  else {
    log('2/5 and 5/5: building the app; training and exporting in headless Chromium');
    await build({ configFile: join(repo, 'vite.config.ts'), root: repo, logLevel: 'error', build: { outDir: appDir, emptyOutDir: true } });
  }
  const server = await serveStatic(appDir);
  let exported;
  try {
    // LeNet-5 first: its notebook, and the Keras-made model of the round trip (trained on the
    // playground's MNIST export), start while the browser trains the other cases.
    const first = await browserSteps(server.url, CASES.slice(0, 1), '', files, log, { skipImport: true });
    const lenet = first.exported[0];
    log(`3/5 the generated notebook ${lenet.notebook} (${venv.notebookRunner ? 'nbclient' : 'cells in order'}), offline on the exported data (in the background)`);
    running.push(timed('notebook', () => python(venv.python, 'run_notebook.py', [join(files, lenet.notebook ?? ''), join(files, lenet.data ?? ''), join(files, 'notebook-result.json')], files), steps));
    const student = python(venv.python, 'make_student.py', [join(files, lenet.data ?? ''), join(files, 'student.keras')], files);
    const rest = await browserSteps(server.url, CASES.slice(1), '', files, log, { skipImport: true });
    const resnet = rest.exported.find((e) => e.id === 'resnet20-shapes');
    if (!resnet?.module || !resnet.data) throw new Error('the ResNet-20 case exported no script or data');
    log(`4/5 the generated script ${resnet.module}: schedule, precise BN and a run offline (in the background)`);
    // The steps of the browser run, and longer runs with a warm-up; precise BN's images in the order of the run's (only) epoch.
    const totals = [Math.ceil(SCRIPT_RUN.images / SCRIPT_RUN.batch), 60, 845, 5000];
    const expected = {
      rates: Object.fromEntries(totals.map((n) => [n, Array.from({ length: n }, (_, i) => scheduledRate('cosine', 1, i, n))])),
      order: Array.from(seededPermutation(SCRIPT_RUN.images, SCRIPT_RUN.seed)),
      tolerance: 1e-3,
    };
    writeFileSync(join(files, 'script-expected.json'), JSON.stringify(expected));
    running.push(timed('script', () => python(venv.python, 'check_script.py', [join(files, resnet.module ?? ''), join(files, resnet.keras), join(files, resnet.data ?? ''), join(files, 'script-expected.json'), join(files, 'script-result.json')], files), steps));
    if ((await student) !== 0) throw new Error('Keras could not train the round-trip model');
    const imported = await browserSteps(server.url, [], join(files, 'student.keras'), files, log);
    exported = { exported: [...first.exported, ...rest.exported], roundtrip: imported.roundtrip };
  } finally {
    await server.close();
  }
  steps.browser = { ok: true, seconds: Math.round((Date.now() - t) / 1000) };

  const cases = [
    ...exported.exported.map((e) => ({ id: e.id, keras: e.keras, predictions: e.predictions, module: e.module, direction: 'playground → Keras' })),
    { id: 'student-cnn (Keras-made)', keras: 'student.keras', predictions: exported.roundtrip, module: null, direction: 'Keras → playground' },
  ];
  writeFileSync(join(files, 'cases.json'), JSON.stringify(cases));
  running.push(timed('predictions', () => python(venv.python, 'check_exports.py', [files, '1e-4'], files), steps));
  await Promise.all(running);

  const report = {
    ok: Object.values(steps).every((s) => s.ok),
    seconds: seconds(),
    steps,
    exports: readJson(join(files, 'exports-result.json')),
    browser: exported.exported.map(({ id, testAccuracy, seconds: s }) => ({ id, testAccuracy, seconds: s })),
    zoo: readJson(join(zoo, 'zoo-result.json')),
    notebook: readJson(join(files, 'notebook-result.json')),
    script: readJson(join(files, 'script-result.json')),
  };
  mkdirSync(join(repo, 'bench-results'), { recursive: true });
  writeFileSync(join(repo, 'bench-results', 'check-keras.json'), `${JSON.stringify(report, null, 2)}\n`);
  const failed = Object.entries(steps).filter(([, s]) => !s.ok).map(([n]) => n);
  log(failed.length ? `FAILED: ${failed.join(', ')} (${report.seconds} s)` : `all passed in ${report.seconds} s (${Object.entries(steps).map(([n, s]) => `${n} ${s.seconds} s`).join(', ')}); bench-results/check-keras.json`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stdout.write(`check:keras: FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
