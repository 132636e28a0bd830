import { useEffect } from 'react';

/**
 * Committed renders per component, counted only when the page was opened with `?rendercount=1` (the
 * e2e test of the training store reads `window.__renderCounts`). Without it the hook is one branch on
 * a constant: nothing is counted or kept.
 */
declare global {
  interface Window {
    __renderCounts?: Record<string, number>;
  }
}

const counting = typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('rendercount') === '1';
if (counting) window.__renderCounts = {};

/** Counts each committed render of the calling component under `name` (see the module comment). */
export function useRenderCount(name: string): void {
  useEffect(() => {
    if (!counting) return;
    const counts = window.__renderCounts ?? (window.__renderCounts = {});
    counts[name] = (counts[name] ?? 0) + 1;
  });
}
