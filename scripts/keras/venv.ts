/**
 * The Python side of `npm run check:keras`: a virtual environment under the repository
 * (`.venv-keras/`, git-ignored, reused by later runs) with Keras 3, JAX and h5py from pip, plus
 * nbclient and ipykernel to execute the notebook when the package index has them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the venv lives, relative to the repository root (or absolute, from CHECK_KERAS_VENV: a CI cache). */
export const VENV_DIR = process.env.CHECK_KERAS_VENV ?? '.venv-keras';

export type Venv = { ok: true; python: string; installed: boolean; notebookRunner: boolean } | { ok: false; reason: string };

const lastLine = (text: string) => text.trim().split('\n').filter((l) => !/WARNING: Retrying|NewConnectionError|is ignored: it is neither/.test(l)).at(-1) ?? '';

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): { ok: boolean; output: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', env, maxBuffer: 64 * 2 ** 20 });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** The venv's python, creating the venv and installing the packages when they are missing. */
export function ensureVenv(repo: string, log: (line: string) => void): Venv {
  const dir = resolve(repo, VENV_DIR);
  const python = join(dir, 'bin', 'python');
  const env = { ...process.env, KERAS_BACKEND: 'jax', PIP_DISABLE_PIP_VERSION_CHECK: '1' };
  const has = (modules: string) => existsSync(python) && run(python, ['-c', `import ${modules}`], env).ok;
  let installed = false;
  if (!has('keras, jax, h5py')) {
    if (!existsSync(python)) {
      log(`creating the virtual environment ${VENV_DIR}/ (python3 -m venv)`);
      const venv = run('python3', ['-m', 'venv', dir]);
      if (!venv.ok) return { ok: false, reason: `python3 -m venv failed: ${lastLine(venv.output) || 'no python3'}` };
    }
    log('pip install keras jax h5py (about 700 MB; a few minutes the first time)');
    // No retries: an index this machine cannot reach fails at once instead of after minutes of back-off.
    const pip = run(python, ['-m', 'pip', 'install', '--retries', '0', '--timeout', '20', '-q', 'keras', 'jax', 'h5py'], env);
    if (!pip.ok || !has('keras, jax, h5py')) return { ok: false, reason: `pip could not install keras, jax and h5py: ${lastLine(pip.output) || 'unknown error'}` };
    installed = true;
  }
  if (!has('nbclient, ipykernel, nbformat')) {
    const pip = run(python, ['-m', 'pip', 'install', '--retries', '0', '--timeout', '20', '-q', 'nbclient', 'ipykernel', 'nbformat'], env);
    if (!pip.ok) log(`nbclient/ipykernel not installable (${lastLine(pip.output)}): the notebook's cells will be run in order instead`);
  }
  return { ok: true, python, installed, notebookRunner: has('nbclient, ipykernel, nbformat') };
}
