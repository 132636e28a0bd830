import type { InitOptions } from '../engine/protocol';

/**
 * `?cores=workers|threads|one`: how the WASM backend uses the cores (InitOptions.wasmCores) — a machine
 * setting, not part of the experiment, so share links do not carry it. Default: data-parallel workers.
 * Lets a teacher show one thread beside every core, and the e2e tests reach the threaded build.
 */
export function coresOption(search: string): InitOptions {
  const v = new URLSearchParams(search).get('cores');
  return v === 'workers' || v === 'threads' || v === 'one' ? { wasmCores: v } : {};
}
