import * as tf from '@tensorflow/tfjs-core';
import { engineError, message, type UserMessage } from '../messages/index';
import type { BackendName, BackendRequest, BackendStatus } from './protocol';

/** What we learn of the machine's GPU before choosing. */
export interface GpuProbe {
  /** The adapter's name, or why there is none (a message when it is ours, the browser's words otherwise). */
  webgpu: { available: boolean; fallback: boolean; description: string | UserMessage };
  webgl: { available: boolean; software: boolean; renderer: string };
}

/** Software rasterisers: a "GPU" that is really the CPU. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  device?: string;
}
interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: AdapterInfoLike;
  features?: unknown;
}
interface GpuLike {
  requestAdapter(): Promise<AdapterLike | null>;
}

/** Asks the browser (worker scope) what GPU APIs it offers and whether they are software-emulated. */
export async function probeGpu(): Promise<GpuProbe> {
  const probe: GpuProbe = { webgpu: { available: false, fallback: false, description: message('backend.noWebgpuApi') }, webgl: { available: false, software: false, renderer: '' } };
  const gpu = (globalThis.navigator as unknown as { gpu?: GpuLike } | undefined)?.gpu;
  if (gpu) {
    try {
      const adapter = await gpu.requestAdapter();
      if (adapter) {
        const info = adapter.info ?? {};
        const text = [info.vendor, info.architecture, info.description, info.device].filter(Boolean).join(' ');
        const fallback = Boolean(adapter.isFallbackAdapter) || SOFTWARE_RENDERER.test(text);
        probe.webgpu = { available: true, fallback, description: text || message('backend.unnamedAdapter') };
      } else probe.webgpu.description = message('backend.noAdapter');
    } catch (e) {
      probe.webgpu.description = e instanceof Error ? e.message : String(e);
    }
  }
  try {
    if (typeof OffscreenCanvas !== 'undefined') {
      const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
      if (gl) {
        const ext = gl.getExtension('WEBGL_debug_renderer_info');
        const renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
        probe.webgl = { available: true, software: SOFTWARE_RENDERER.test(renderer), renderer };
        gl.getExtension('WEBGL_lose_context')?.loseContext();
      }
    }
  } catch {
    // No WebGL2 in this scope.
  }
  return probe;
}

/**
 * The automatic order. On a real GPU: WebGPU, then WebGL, then WASM, then CPU. When the only GPU is a
 * software emulation (SwiftShader, llvmpipe, WebGPU's fallback adapter), WASM trains faster: prefer it.
 * `wasmTrains` says whether our WASM training kernels are registered.
 */
export function backendOrder(probe: GpuProbe, wasmTrains: boolean): { order: BackendName[]; reason: UserMessage } {
  const realWebgpu = probe.webgpu.available && !probe.webgpu.fallback;
  const realWebgl = probe.webgl.available && !probe.webgl.software;
  const order: BackendName[] = [];
  const webgpu = probe.webgpu.fallback || probe.webgpu.available ? message('backend.webgpuFallbackOnly') : message('backend.webgpuUnavailable', { detail: probe.webgpu.description });
  let reason: UserMessage;
  if (realWebgpu) {
    order.push('webgpu');
    reason = message('backend.webgpu', { adapter: probe.webgpu.description });
  } else if (realWebgl) {
    reason = message('backend.webgl', { webgpu, renderer: probe.webgl.renderer });
  } else if (wasmTrains) {
    const webgl = probe.webgl.available ? message('backend.webglSoftware', { renderer: probe.webgl.renderer }) : message('backend.webglNone');
    reason = message('backend.wasm', { webgpu, webgl });
  } else {
    reason = message('backend.cpuOnly', { detail: probe.webgpu.description });
  }
  if (realWebgl) order.push('webgl');
  if (wasmTrains) order.push('wasm');
  if (probe.webgpu.available && !order.includes('webgpu')) order.push('webgpu');
  if (probe.webgl.available && !order.includes('webgl')) order.push('webgl');
  order.push('cpu');
  return { order, reason };
}

/** How the wasm backend starts (threads) and describes itself; the worker supplies it, Node scripts need none. */
export interface WasmStarter {
  /** Runs `start` (tf.setBackend('wasm')) under the worker's thread plan. */
  start<T>(start: () => Promise<T>): Promise<T>;
  /** Threads in use, data-parallel workers (1: none) and a note on them: appended to the reason. */
  describe(): { threads: number; workers?: number; note: UserMessage };
}

/**
 * Activates the requested backend (or the first that works in `order`), checking tf.getBackend()
 * because tf.setBackend can fall back silently.
 * @throws UserError `backend.noneStarted` when none starts.
 */
export async function activateBackend(request: BackendRequest, probe: GpuProbe, wasmTrains: boolean, wasm?: WasmStarter): Promise<BackendStatus> {
  const { order, reason } = backendOrder(probe, wasmTrains);
  const available = order.filter((b) => b !== 'wasm' || wasmTrains);
  const candidates = request === 'auto' ? order : [request, ...order.filter((b) => b !== request)];
  const failures: UserMessage[] = [];
  for (const name of candidates) {
    try {
      const activate = async (): Promise<boolean> => {
        const ok = await tf.setBackend(name);
        await tf.ready();
        return ok;
      };
      const ok = name === 'wasm' && wasm ? await wasm.start(activate) : await activate();
      if (ok && tf.getBackend() === name) {
        const why =
          request === 'auto'
            ? failures.length ? message('backend.withFailures', { reason, failures }) : reason
            : name === request ? message('backend.chosen') : message('backend.fallback', { request, failures, name });
        if (name === 'wasm' && wasm) {
          const { threads, workers, note } = wasm.describe();
          return { name, reason: message('backend.withThreads', { reason: why, threads: note }), available, threads, ...(workers !== undefined && workers > 1 ? { workers } : {}) };
        }
        return { name, reason: why, available };
      }
      failures.push(message('backend.didNotStart', { name }));
    } catch (e) {
      failures.push(message('backend.failedWith', { name, detail: e instanceof Error ? e.message : String(e) }));
    }
  }
  throw engineError('backend.noneStarted', { failures });
}

/** The training-memory budget we allow per backend, in bytes (browsers cap GPU and WASM memory). */
export function memoryBudget(backend: BackendName): number {
  const GiB = 2 ** 30;
  return backend === 'wasm' ? 1.5 * GiB : backend === 'cpu' ? 1.5 * GiB : 2 * GiB;
}
