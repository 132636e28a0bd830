import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

/** What the page knows about a newer deployment. */
export interface UpdateState {
  /** A new version is installed and waiting: the page offers a reload. */
  available: boolean;
  /** The visitor pressed Reload: the new version is taking over and the page reloads. */
  reloading: boolean;
  /** Hands the page over to the waiting version (it reloads once that version controls the page). */
  reload: () => void;
}

/** vite-plugin-pwa's `registerSW` (from `virtual:pwa-register`), or a fake of it in tests. */
export type RegisterSW = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

/** How often an open page asks whether a new version was deployed (as well as on every navigation). */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** The page's one update state (UpdateBanner.tsx reads it). */
export const updateStore: StoreApi<UpdateState> = createStore<UpdateState>()(() => ({ available: false, reloading: false, reload: () => undefined }));

/**
 * Registers the service worker through vite-plugin-pwa's prompt flow and keeps `store` in step: a new
 * version found (the browser checks on each navigation, and this every `checkEveryMs` while the page
 * is open) waits instead of taking over the open page, `available` turns true, and `reload()` asks the
 * waiting worker to take over; `registerSW` reloads the page once it controls it.
 * @returns the registration, once the browser has it (undefined where service workers are refused)
 */
export function connectUpdates(
  register: RegisterSW,
  store: StoreApi<UpdateState> = updateStore,
  checkEveryMs = UPDATE_CHECK_MS,
): Promise<ServiceWorkerRegistration | undefined> {
  return new Promise((resolve) => {
    const updateServiceWorker = register({
      // As before the prompt flow: register at once, so a first visit reaches isolation soonest.
      immediate: true,
      onNeedRefresh: () => store.setState({ available: true }),
      onRegisteredSW: (_url, registration) => {
        if (registration && checkEveryMs > 0) setInterval(() => void registration.update().catch(() => undefined), checkEveryMs);
        resolve(registration);
      },
      onRegisterError: (error: unknown) => {
        console.warn('Service worker not registered: offline use, updates and WASM threads are unavailable', error);
        resolve(undefined);
      },
    });
    store.setState({
      reload: () => {
        store.setState({ reloading: true });
        void updateServiceWorker(true);
      },
    });
  });
}
