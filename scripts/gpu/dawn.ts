/**
 * WebGPU in Node: Dawn (Chrome's WebGPU implementation) from the npm package `webgpu`, installed as
 * `navigator.gpu` with the WebGPU globals tfjs-backend-webgpu expects. No tfjs here.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** What the harness reports about the adapter (the GPU, or a software Vulkan such as SwiftShader). */
export interface AdapterReport {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallbackAdapter: boolean;
  /** Software Vulkan (SwiftShader, llvmpipe/lavapipe): figures say nothing about a real GPU. */
  software: boolean;
  features: string[];
  limits: Record<string, number>;
}

interface DawnModule {
  create(flags: string[]): GPU;
  globals: Record<string, unknown>;
}

/** Where dawn.node is: `DAWN_NODE`, else next to the `webgpu` package's entry for this platform. */
export function dawnNodePath(): string {
  if (process.env.DAWN_NODE) return process.env.DAWN_NODE;
  const entry = createRequire(import.meta.url).resolve('webgpu');
  const arch = process.platform === 'darwin' ? 'universal' : process.arch;
  return join(dirname(entry), 'dist', `${process.platform}-${arch}`, 'dawn.node');
}

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|software/i;

/** Every numeric limit the adapter reports (enumerable or not). */
function limitsOf(limits: GPUSupportedLimits): Record<string, number> {
  const out: Record<string, number> = {};
  const keys = new Set<string>();
  for (let o: object | null = limits; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) for (const k of Object.getOwnPropertyNames(o)) keys.add(k);
  for (const k of [...keys].sort()) {
    const v = (limits as unknown as Record<string, unknown>)[k];
    if (typeof v === 'number') out[k] = v;
  }
  return out;
}

/**
 * Loads dawn.node, puts `navigator.gpu` and the WebGPU globals in place, and asks for the
 * high-performance adapter (the one tfjs-backend-webgpu will take).
 * @throws Error saying what is missing (dawn.node, a Vulkan loader or driver)
 */
export async function installDawn(flags: readonly string[] = (process.env.DAWN_FLAGS ?? '').split(',').filter(Boolean)): Promise<AdapterReport> {
  const path = dawnNodePath();
  if (!existsSync(path)) throw new Error(`dawn.node not found at ${path} (npm ci installs the webgpu package; DAWN_NODE overrides the path)`);
  const dawn = createRequire(import.meta.url)(path) as DawnModule;
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create([...flags]);
  const g = globalThis as unknown as { navigator?: Record<string, unknown> };
  if (g.navigator) Object.defineProperty(g.navigator, 'gpu', { value: gpu, configurable: true });
  else g.navigator = { gpu, userAgent: `Node.js ${process.version}` };
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) {
    throw new Error('Dawn found no WebGPU adapter: no usable Vulkan driver. Check `vulkaninfo --summary`; on NVIDIA the driver\'s Vulkan ICD (nvidia_icd.json) must be installed.');
  }
  const info = adapter.info;
  const text = [info.vendor, info.architecture, info.device, info.description].join(' ');
  return {
    vendor: info.vendor, architecture: info.architecture, device: info.device, description: info.description,
    isFallbackAdapter: Boolean((info as unknown as { isFallbackAdapter?: boolean }).isFallbackAdapter),
    software: SOFTWARE.test(text),
    features: [...adapter.features].map(String).sort(),
    limits: limitsOf(adapter.limits),
  };
}
