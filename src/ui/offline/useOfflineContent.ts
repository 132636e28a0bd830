import { useCallback, useEffect, useState } from 'react';
import type { ContentEntry, ContentStatusReply, ContentStatusRequest } from '../../sw/offlineProtocol';

/** Where the page stands with on-demand content. */
export type OfflineState =
  | { kind: 'unavailable' }
  | { kind: 'checking' }
  | { kind: 'ready'; entries: ContentEntry[] }
  | { kind: 'downloading'; entries: ContentEntry[]; doneBytes: number; totalBytes: number }
  | { kind: 'failed'; entries: ContentEntry[]; detail: string };

/** Asks the controlling service worker for its on-demand list; null when no worker controls the page. */
async function askServiceWorker(): Promise<ContentEntry[] | null> {
  const controller = typeof navigator !== 'undefined' ? navigator.serviceWorker?.controller : null;
  if (!controller) return null;
  const channel = new MessageChannel();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the service worker did not answer')), 10_000);
    channel.port1.onmessage = (e: MessageEvent<ContentStatusReply>) => {
      clearTimeout(timer);
      resolve(e.data.entries);
    };
    const request: ContentStatusRequest = { type: 'cnn-content-status' };
    controller.postMessage(request, [channel.port2]);
  });
}

/** Fetches `path` through the service worker (which stores it), reporting bytes as they arrive. */
async function fetchThrough(path: string, onBytes: (n: number) => void): Promise<void> {
  const response = await fetch(new URL(`${import.meta.env.BASE_URL}${path}`, window.location.href));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const reader = response.body?.getReader();
  if (!reader) {
    onBytes((await response.arrayBuffer()).byteLength);
    return;
  }
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    onBytes(value.length);
  }
}

/**
 * The service worker's on-demand files and an action that downloads a set of them (each once: the
 * worker stores what passes through it), with byte progress.
 */
export function useOfflineContent(): { state: OfflineState; download: (files: readonly ContentEntry[]) => Promise<void> } {
  const [state, setState] = useState<OfflineState>({ kind: 'checking' });
  const refresh = useCallback(
    (): Promise<ContentEntry[] | null> =>
      askServiceWorker().then(
        (entries) => {
          setState(entries ? { kind: 'ready', entries } : { kind: 'unavailable' });
          return entries;
        },
        () => {
          setState({ kind: 'unavailable' });
          return null;
        },
      ),
    [],
  );

  useEffect(() => {
    const sw = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
    const onChange = (): void => void refresh();
    // The first answer arrives in a callback, like the later ones (a worker taking control).
    const timer = setTimeout(onChange, 0);
    sw?.addEventListener('controllerchange', onChange);
    return () => {
      clearTimeout(timer);
      sw?.removeEventListener('controllerchange', onChange);
    };
  }, [refresh]);

  const download = useCallback(async (files: readonly ContentEntry[]) => {
    const entries = state.kind === 'ready' || state.kind === 'failed' ? state.entries : [];
    const totalBytes = files.reduce((s, f) => s + f.bytes, 0);
    let doneBytes = 0;
    let shown = 0;
    setState({ kind: 'downloading', entries, doneBytes, totalBytes });
    try {
      for (const file of files) {
        await fetchThrough(file.path, (n) => {
          doneBytes += n;
          // A re-render per 64 KiB is plenty for a progress bar.
          if (doneBytes - shown >= 65_536 || doneBytes >= totalBytes) {
            shown = doneBytes;
            setState({ kind: 'downloading', entries, doneBytes: Math.min(doneBytes, totalBytes), totalBytes });
          }
        });
      }
      // The worker stores each response in the background: ask again until it says they are cached.
      for (let attempt = 0; attempt < 20; attempt++) {
        const now = await refresh();
        if (!now || files.every((f) => now.find((e) => e.path === f.path)?.cached)) return;
        await new Promise((r) => setTimeout(r, 250));
      }
    } catch (error) {
      setState({ kind: 'failed', entries, detail: error instanceof Error ? error.message : String(error) });
    }
  }, [state, refresh]);

  return { state, download };
}
