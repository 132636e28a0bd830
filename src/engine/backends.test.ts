import { describe, expect, it } from 'vitest';
import { sayMessage } from '../messages/index';
import { backendOrder, type GpuProbe } from './backends';

const probe = (p: Partial<{ webgpu: Partial<GpuProbe['webgpu']>; webgl: Partial<GpuProbe['webgl']> }>): GpuProbe => ({
  webgpu: { available: false, fallback: false, description: 'navigator.gpu missing', ...p.webgpu },
  webgl: { available: false, software: false, renderer: '', ...p.webgl },
});

describe('backendOrder', () => {
  it('prefers WebGPU then WebGL on a real GPU', () => {
    const r = backendOrder(probe({ webgpu: { available: true, description: 'nvidia ampere' }, webgl: { available: true, renderer: 'NVIDIA RTX' } }), true);
    expect(r.order).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(sayMessage(r.reason, 'en')).toContain('nvidia');
  });

  it('prefers WASM when the GPU is software-emulated (SwiftShader, fallback adapter), and says why', () => {
    const r = backendOrder(probe({ webgpu: { available: true, fallback: true, description: 'swiftshader' }, webgl: { available: true, software: true, renderer: 'ANGLE (SwiftShader Device)' } }), true);
    expect(r.order[0]).toBe('wasm');
    expect(r.order).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
    expect(sayMessage(r.reason, 'en')).toMatch(/No hardware GPU.*fallback adapter.*SwiftShader.*WASM/);
    expect(sayMessage(r.reason, 'ja')).toMatch(/ハードウェア GPU がありません.*SwiftShader.*WASM/);
  });

  it('falls back to WebGL when only WebGL is real, and to CPU when WASM cannot train', () => {
    expect(backendOrder(probe({ webgl: { available: true, renderer: 'Intel Iris' } }), true).order).toEqual(['webgl', 'wasm', 'cpu']);
    const noWasm = backendOrder(probe({ webgl: { available: true, software: true, renderer: 'llvmpipe' } }), false);
    expect(noWasm.order).toEqual(['webgl', 'cpu']);
    expect(noWasm.order).not.toContain('wasm');
  });
});
