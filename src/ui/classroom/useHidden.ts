import { useSyncExternalStore } from 'react';
import { parseHidden, withHidden, type HideableControl } from './hiddenControls';

/**
 * The page's hidden controls, read once from the link and kept in the address bar (the experiment's
 * own URL writer, useExperiment.ts, carries `_hide` keys over). A tiny external store, so any
 * component can ask `useHidden('backend')` without a provider.
 */
let hidden: ReadonlySet<HideableControl> = typeof window === 'undefined' ? new Set() : parseHidden(window.location.search);
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => hidden;

/** Hides or shows a control on this page and in its link. */
export function setHidden(control: HideableControl, hide: boolean): void {
  const next = new Set(hidden);
  if (hide) next.add(control);
  else next.delete(control);
  hidden = next;
  const { pathname, search, hash } = window.location;
  const query = withHidden(search, next);
  window.history.replaceState(window.history.state, '', `${pathname}${query ? `?${query}` : ''}${hash}`);
  for (const listener of listeners) listener();
}

/** True when the link hides `control` (teacher mode). */
export function useHidden(control: HideableControl): boolean {
  return useSyncExternalStore(subscribe, snapshot, snapshot).has(control);
}

/** Every hidden control (for the share panel's teacher options). */
export function useHiddenSet(): ReadonlySet<HideableControl> {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
