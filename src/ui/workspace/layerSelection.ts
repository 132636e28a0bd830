import { useSyncExternalStore } from 'react';

/**
 * The layer selected in the architecture graph, shared by the graph and the layer inspector. A tiny
 * external store read through `useSyncExternalStore`: selecting a layer re-renders only the components
 * that read the selection, not the page.
 */
let selected: string | null = null;
const listeners = new Set<() => void>();

/** Selects `layer` (an arch layer name), or clears the selection with null. */
export function selectLayer(layer: string | null): void {
  if (layer === selected) return;
  selected = layer;
  for (const l of listeners) l();
}

/** The selected layer's name, or null. */
export function selectedLayer(): string | null {
  return selected;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Hook: the selected layer's name (re-renders when it changes). */
export function useSelectedLayer(): string | null {
  return useSyncExternalStore(subscribe, selectedLayer, selectedLayer);
}

/** The layer shown before any is selected: the first convolution, else none. */
export function defaultLayer(layers: readonly { name: string; kind: string }[]): string | null {
  return layers.find((l) => l.kind === 'conv2d' || l.kind === 'tableConv2d')?.name ?? null;
}
