/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import { connectUpdates } from './update/updateState';

/**
 * Registers the site's service worker (src/sw/sw.ts) in production builds through vite-plugin-pwa's
 * prompt flow (a newly deployed version waits and the page offers a reload: update/), and on a first visit reloads
 * the page once when the worker takes control: from then on every response carries COOP/COEP, the page
 * is cross-origin isolated and the WASM backend gets a thread per core. The worker is ready within a
 * second or two of the first load (it precaches only the app shell); the reload is skipped when the
 * visitor has already started using the page (then the next visit is isolated) and tried once per tab,
 * so a browser that refuses isolation never loops.
 */
const RELOADED_KEY = 'cnn-playground:isolation-reload';

/** Registers the worker; call once at start-up. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  let touched = false;
  const touch = (): void => {
    touched = true;
  };
  for (const type of ['pointerdown', 'keydown'] as const) window.addEventListener(type, touch, { once: true, capture: true });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (globalThis.crossOriginIsolated || touched) return;
    try {
      if (sessionStorage.getItem(RELOADED_KEY)) return;
      sessionStorage.setItem(RELOADED_KEY, '1');
    } catch {
      return; // no storage (privacy mode): never risk a loop
    }
    window.location.reload();
  });
  // `${BASE_URL}sw.js` with scope BASE_URL, as vite-plugin-pwa's configuration says (vite.config.ts).
  void connectUpdates(registerSW);
}
