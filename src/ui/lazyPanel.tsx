import { lazy, Suspense, type ComponentType } from 'react';

/**
 * A panel whose code loads after the first view (its own chunk), for the heavy views that are not
 * needed to pick a network and start training. Renders nothing until the chunk has arrived; a failed
 * load throws into the panel's ErrorBoundary like any other panel error.
 * @param load resolves to the component, e.g. `() => import('./graph/CostExplorer').then((m) => m.CostExplorer)`
 */
export function lazyPanel<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  function LazyPanel(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyPanel;
}
