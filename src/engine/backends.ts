import * as tf from '@tensorflow/tfjs-core';
import type { BackendName, BackendRequest, BackendStatus } from './protocol';

/** What we learn of the machine's GPU before choosing. */
export interface GpuProbe {
  webgpu: { available: boolean; fallback: boolean; description: string };
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
  const probe: GpuProbe = { webgpu: { available: false, fallback: false, description: 'navigator.gpu missing' }, webgl: { available: false, software: false, renderer: '' } };
  const gpu = (globalThis.navigator as unknown as { gpu?: GpuLike } | undefined)?.gpu;
  if (gpu) {
    try {
      const adapter = await gpu.requestAdapter();
      if (adapter) {
        const info = adapter.info ?? {};
        const text = [info.vendor, info.architecture, info.description, info.device].filter(Boolean).join(' ');
        const fallback = Boolean(adapter.isFallbackAdapter) || SOFTWARE_RENDERER.test(text);
        probe.webgpu = { available: true, fallback, description: text || 'unnamed adapter' };
      } else probe.webgpu.description = 'no adapter';
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
export function backendOrder(probe: GpuProbe, wasmTrains: boolean): { order: BackendName[]; reason: string } {
  const realWebgpu = probe.webgpu.available && !probe.webgpu.fallback;
  const realWebgl = probe.webgl.available && !probe.webgl.software;
  const order: BackendName[] = [];
  let reason: string;
  if (realWebgpu) {
    order.push('webgpu');
    reason = `WebGPU adapter: ${probe.webgpu.description}`;
  } else if (realWebgl) {
    reason = `WebGPU unavailable (${probe.webgpu.fallback ? 'only a software fallback adapter' : probe.webgpu.description}); WebGL on ${probe.webgl.renderer}`;
  } else if (wasmTrains) {
    const why = probe.webgl.available ? `WebGL renders in software (${probe.webgl.renderer})` : 'no WebGL';
    const gpu = probe.webgpu.available ? 'WebGPU has only a software fallback adapter' : `WebGPU unavailable: ${probe.webgpu.description}`;
    reason = `No hardware GPU: ${gpu}; ${why}. WASM (CPU, SIMD) trains faster here`;
  } else {
    reason = `WebGPU unavailable: ${probe.webgpu.description}`;
  }
  if (realWebgl) order.push('webgl');
  if (wasmTrains) order.push('wasm');
  if (probe.webgpu.available && !order.includes('webgpu')) order.push('webgpu');
  if (probe.webgl.available && !order.includes('webgl')) order.push('webgl');
  order.push('cpu');
  return { order, reason };
}

/**
 * Activates the requested backend (or the first that works in `order`), checking tf.getBackend()
 * because tf.setBackend can fall back silently.
 */
export async function activateBackend(request: BackendRequest, probe: GpuProbe, wasmTrains: boolean): Promise<BackendStatus> {
  const { order, reason } = backendOrder(probe, wasmTrains);
  const available = order.filter((b) => b !== 'wasm' || wasmTrains);
  const candidates = request === 'auto' ? order : [request, ...order.filter((b) => b !== request)];
  const failures: string[] = [];
  for (const name of candidates) {
    try {
      const ok = await tf.setBackend(name);
      await tf.ready();
      if (ok && tf.getBackend() === name) {
        const why =
          request === 'auto'
            ? failures.length ? `${reason}; ${failures.join('; ')}` : reason
            : name === request ? `chosen by you` : `${request} failed (${failures.join('; ')}); using ${name}`;
        return { name, reason: why, available };
      }
      failures.push(`${name} did not initialise`);
    } catch (e) {
      failures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw new Error(`No tfjs backend could start: ${failures.join('; ')}`);
}

/** The training-memory budget we allow per backend, in bytes (browsers cap GPU and WASM memory). */
export function memoryBudget(backend: BackendName): number {
  const GiB = 2 ** 30;
  return backend === 'wasm' ? 1.5 * GiB : backend === 'cpu' ? 1.5 * GiB : 2 * GiB;
}
