import { describe, expect, it } from 'vitest';
import { parseGpuArgs } from './args';
import { compareWithTorch } from './report';
import type { GpuRun } from './schema';
import { vulkanEnvironment } from './vulkanEnv';

const d = { dataDir: 'public/data', out: 'bench-results/gpu.json' };

describe('parseGpuArgs', () => {
  it('defaults to the three networks at batch 64 and 256', () => {
    const a = parseGpuArgs([], d);
    expect(a.models).toEqual(['lenet5', 'resnet20', 'vgg11-w0.25']);
    expect(a.batches).toEqual([64, 256]);
    expect([a.quick, a.chosen, a.pack]).toEqual([false, false, null]);
  });

  it('--quick is LeNet-5 at batch 64 (the CI run); explicit choices win', () => {
    expect(parseGpuArgs(['--quick'], d)).toMatchObject({ models: ['lenet5'], batches: [64], steps: 3 });
    expect(parseGpuArgs(['--quick', '--batches', '256', '--steps', '4'], d)).toMatchObject({ models: ['lenet5'], batches: [256], steps: 4, chosen: true });
    expect(parseGpuArgs(['--pack', '/tmp/p', '--compare', 't.json'], d)).toMatchObject({ pack: '/tmp/p', compare: 't.json' });
  });

  it('names what is wrong', () => {
    expect(() => parseGpuArgs(['--models', 'alexnet'], d)).toThrow(/unknown model alexnet/);
    expect(() => parseGpuArgs(['--steps', '-1'], d)).toThrow(/positive/);
    expect(() => parseGpuArgs(['--out'], d)).toThrow(/needs a value/);
    expect(() => parseGpuArgs(['--fast'], d)).toThrow(/unknown option --fast/);
  });
});

describe('compareWithTorch', () => {
  it('divides the pipelined tfjs rate by PyTorch\'s for the pairs both measured', () => {
    const run = { model: 'lenet5', batch: 64, status: 'ok', pipelined: { examplesPerSec: 5000 } } as unknown as GpuRun;
    const c = compareWithTorch([run], { device: 'NVIDIA H200', runs: [{ model: 'lenet5', batch: 64, examplesPerSec: 100000 }, { model: 'resnet20', batch: 64, examplesPerSec: 9 }] });
    expect(c).toEqual({ device: 'NVIDIA H200', ratios: { 'lenet5/64': 0.05 } });
  });
});

describe('vulkanEnvironment', () => {
  it('adds nothing the caller chose, and a runtime dir when missing', () => {
    const v = vulkanEnvironment({ VK_ICD_FILENAMES: '/x/nvidia_icd.json', XDG_RUNTIME_DIR: '/run/user/0' });
    expect(v.driver).toBe('system');
    expect(v.env.VK_ICD_FILENAMES).toBeUndefined();
    expect(vulkanEnvironment({}).env.XDG_RUNTIME_DIR).toBeTruthy();
  });
});
