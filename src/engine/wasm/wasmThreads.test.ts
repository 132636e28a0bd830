import { describe, expect, it } from 'vitest';
import { sayMessage } from '../../messages/index';
import { describeWasmThreads, MAX_WASM_THREADS, MAX_WASM_WORKERS, planWasmCores, planWasmThreads } from './wasmThreads';

describe('planWasmThreads', () => {
  const scope = (isolated: boolean, cores: number) => ({ crossOriginIsolated: isolated, navigator: { hardwareConcurrency: cores } });

  it('gives every logical core to an isolated page (tfjs alone would give half)', () => {
    expect(planWasmThreads(true, scope(true, 2))).toEqual({ threads: 2, why: 'isolated' });
    expect(planWasmThreads(true, scope(true, 6))).toEqual({ threads: 6, why: 'isolated' });
  });

  it('stops at the pthread workers the build pre-creates', () => {
    expect(planWasmThreads(true, scope(true, 32)).threads).toBe(MAX_WASM_THREADS);
  });

  it('one thread, with the reason, when the page is not isolated, threads are off or there is one core', () => {
    expect(planWasmThreads(true, scope(false, 8))).toEqual({ threads: 1, why: 'notIsolated' });
    expect(planWasmThreads(true, {})).toEqual({ threads: 1, why: 'notIsolated' });
    expect(planWasmThreads(false, scope(true, 8))).toEqual({ threads: 1, why: 'off' });
    expect(planWasmThreads(true, scope(true, 1))).toEqual({ threads: 1, why: 'oneCore' });
  });
});

describe('describeWasmThreads', () => {
  it('says the thread count, or why there is one thread, in both languages', () => {
    expect(sayMessage(describeWasmThreads({ threads: 2, why: 'isolated' }, 2), 'en')).toBe('2 threads');
    expect(sayMessage(describeWasmThreads({ threads: 1, why: 'notIsolated' }, 1), 'en')).toMatch(/^one thread: this page is not cross-origin isolated/);
    expect(sayMessage(describeWasmThreads({ threads: 1, why: 'notIsolated' }, 1), 'ja')).toMatch(/^1 スレッド: .*クロスオリジン分離/);
    // Planned threads that the browser did not give.
    expect(sayMessage(describeWasmThreads({ threads: 2, why: 'isolated' }, 1), 'en')).toBe('one thread: the browser refused WebAssembly threads');
  });
});

describe('planWasmCores', () => {
  const scope = (isolated: boolean, cores: number) => ({ crossOriginIsolated: isolated, navigator: { hardwareConcurrency: cores }, Worker: class {} });

  it('trains data-parallel on a worker per core (one thread each) where threads would run', () => {
    expect(planWasmCores('workers', scope(true, 2))).toEqual({ plan: { threads: 1, why: 'workers' }, workers: 2 });
    expect(planWasmCores('workers', scope(true, 16))).toEqual({ plan: { threads: 1, why: 'workers' }, workers: MAX_WASM_WORKERS });
    expect(sayMessage(describeWasmThreads({ threads: 1, why: 'workers' }, 1, 2), 'en')).toMatch(/^2 workers, one thread each: a larger network trains data-parallel/);
  });

  it('falls back as threads do: not isolated, one core, no Worker, or asked for threads or one thread', () => {
    expect(planWasmCores('workers', scope(false, 4))).toEqual({ plan: { threads: 1, why: 'notIsolated' }, workers: 1 });
    expect(planWasmCores('workers', scope(true, 1))).toEqual({ plan: { threads: 1, why: 'oneCore' }, workers: 1 });
    expect(planWasmCores('workers', { crossOriginIsolated: true, navigator: { hardwareConcurrency: 4 } })).toEqual({ plan: { threads: 4, why: 'isolated' }, workers: 1 });
    expect(planWasmCores('threads', scope(true, 2))).toEqual({ plan: { threads: 2, why: 'isolated' }, workers: 1 });
    expect(planWasmCores('one', scope(true, 2))).toEqual({ plan: { threads: 1, why: 'off' }, workers: 1 });
  });
});
