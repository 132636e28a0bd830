import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { connectUpdates, type UpdateState } from './updateState';

function freshStore() {
  return createStore<UpdateState>()(() => ({ available: false, reloading: false, reload: () => undefined }));
}

/** A fake of vite-plugin-pwa's registerSW that keeps the options it was given and counts update calls. */
function fakeRegister() {
  const calls: { options: RegisterSWOptions | null; updates: boolean[] } = { options: null, updates: [] };
  const register = (options: RegisterSWOptions) => {
    calls.options = options;
    return async (reloadPage?: boolean) => {
      calls.updates.push(reloadPage ?? false);
    };
  };
  return { register, calls };
}

describe('connectUpdates (the prompt flow)', () => {
  it('registers at once; a waiting version sets `available`; Reload asks it to take over', async () => {
    const store = freshStore();
    const { register, calls } = fakeRegister();
    const registered = connectUpdates(register, store, 0);
    expect(calls.options?.immediate).toBe(true);
    expect(store.getState().available).toBe(false);

    calls.options?.onNeedRefresh?.();
    expect(store.getState().available).toBe(true);
    expect(calls.updates).toEqual([]);

    store.getState().reload();
    expect(store.getState().reloading).toBe(true);
    expect(calls.updates).toEqual([true]);

    const registration = { update: vi.fn(async () => undefined) } as unknown as ServiceWorkerRegistration;
    calls.options?.onRegisteredSW?.('./sw.js', registration);
    await expect(registered).resolves.toBe(registration);
  });

  it('asks for a new version every interval while the page is open', async () => {
    vi.useFakeTimers();
    try {
      const { register, calls } = fakeRegister();
      const update = vi.fn(async () => undefined);
      const registered = connectUpdates(register, freshStore(), 1000);
      calls.options?.onRegisteredSW?.('./sw.js', { update } as unknown as ServiceWorkerRegistration);
      await registered;
      vi.advanceTimersByTime(3500);
      expect(update).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a refused registration says why and leaves no prompt', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const store = freshStore();
      const { register, calls } = fakeRegister();
      const registered = connectUpdates(register, store, 0);
      calls.options?.onRegisterError?.(new Error('blocked'));
      await expect(registered).resolves.toBeUndefined();
      expect(warn).toHaveBeenCalledOnce();
      expect(store.getState().available).toBe(false);
    } finally {
      warn.mockRestore();
    }
  });
});
