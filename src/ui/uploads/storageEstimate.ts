/**
 * The browser's storage for this site, as the page sees it: usage and quota (`navigator.storage.estimate`),
 * whether it is persistent, and the request to make it so. Read on the page, where the quota belongs.
 */
import { useCallback, useEffect, useState } from 'react';

/** Usage, quota and persistence, each null when the browser does not tell. */
export interface StorageEstimate {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

const manager = (): StorageManager | null => (typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null);

/** Bytes free for this site (quota − usage), or null when unknown. */
export async function storageFree(): Promise<number | null> {
  try {
    const e = await manager()?.estimate();
    return e && typeof e.quota === 'number' && typeof e.usage === 'number' ? e.quota - e.usage : null;
  } catch {
    return null;
  }
}

/** Asks the browser to keep this site's data (no prompt in Chromium; it decides by engagement). */
export async function requestPersistence(): Promise<boolean | null> {
  try {
    return (await manager()?.persist?.()) ?? null;
  } catch {
    return null;
  }
}

/** The estimate, refreshed whenever `version` changes; `persist()` asks for persistent storage. */
export function useStorageEstimate(version: number): { estimate: StorageEstimate; persist: () => Promise<boolean | null> } {
  const [estimate, setEstimate] = useState<StorageEstimate>({ usage: null, quota: null, persisted: null });
  const refresh = useCallback(async () => {
    const m = manager();
    if (!m) return;
    const [e, persisted] = await Promise.all([m.estimate().catch(() => null), m.persisted?.().catch(() => null) ?? Promise.resolve(null)]);
    setEstimate({ usage: e?.usage ?? null, quota: e?.quota ?? null, persisted: persisted ?? null });
  }, []);
  useEffect(() => {
    // The estimate arrives asynchronously: the state is set in its callback, not in the effect body.
    let live = true;
    const m = manager();
    if (m) void Promise.all([m.estimate().catch(() => null), m.persisted?.().catch(() => null) ?? Promise.resolve(null)]).then(([e, persisted]) => {
      if (live) setEstimate({ usage: e?.usage ?? null, quota: e?.quota ?? null, persisted: persisted ?? null });
    });
    return () => {
      live = false;
    };
  }, [version]);
  const persist = useCallback(async () => {
    const granted = await requestPersistence();
    await refresh();
    return granted;
  }, [refresh]);
  return { estimate, persist };
}
