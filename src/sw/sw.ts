/// <reference lib="webworker" />
/**
 * The site's service worker (built by vite-plugin-pwa's injectManifest from this file):
 * - precaches the app shell only (HTML, JS, CSS, WebAssembly, icons), so a first visit downloads no dataset;
 * - caches datasets and pretrained models on first use, cache-first by revision (contentCache.ts), so
 *   each byte crosses the network once, and the "make available offline" action can fill the cache;
 * - adds COOP/COEP to every same-origin response (isolation.ts), which makes the page cross-origin
 *   isolated on hosts that cannot send headers, so the WASM backend gets threads.
 */
import { PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { NavigationRoute, Route, Router } from 'workbox-routing';
import { CONTENT_CACHE, contentFirst, contentKey, contentStatus, pruneContent, type OnDemandFile } from './contentCache';
import { withIsolationHeaders } from './isolation';
import { isContentStatusRequest, isOnDemand, type ContentStatusReply } from './offlineProtocol';
import { isSkipWaiting } from './updateProtocol';

declare const self: ServiceWorkerGlobalScope & {
  /** Injected by the build: every file with its revision; on-demand ones also with their size. */
  __WB_MANIFEST: Array<{ url: string; revision: string | null; bytes?: number }>;
};

const root = new URL('./', self.location.href).href;
const manifest = self.__WB_MANIFEST;
const onDemand = new Map<string, OnDemandFile>();
const shell: Array<{ url: string; revision: string | null }> = [];
for (const entry of manifest) {
  if (isOnDemand(entry.url)) onDemand.set(contentKey(new URL(entry.url, root).href), { revision: entry.revision ?? '', bytes: entry.bytes ?? 0 });
  else shell.push({ url: entry.url, revision: entry.revision });
}

const precache = new PrecacheController();
precache.precache(shell); // install/activate listeners: fetch the shell, drop outdated entries

const router = new Router();
router.registerRoute(new NavigationRoute(precache.createHandlerBoundToURL('index.html')));
router.registerRoute(new PrecacheRoute(precache));
router.registerRoute(new Route(
  ({ url }) => onDemand.has(contentKey(url.href)),
  async ({ request, event }) => {
    const req = typeof request === 'string' ? new Request(request) : request;
    const file = onDemand.get(contentKey(req.url)) ?? { revision: '', bytes: 0 };
    const cache = await caches.open(CONTENT_CACHE);
    const keep = (p: Promise<unknown>): void => (event as ExtendableEvent | undefined)?.waitUntil(p);
    return contentFirst(req, file, cache, (r) => fetch(r), keep);
  },
));

// A new version waits until the page's "Reload" asks it to take over (the prompt flow of vite-plugin-pwa:
// src/ui/update/): the open page keeps the shell it started with. A first visit has no worker to wait
// for, so it activates at once and claims the page (which then reloads into cross-origin isolation).
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    await self.clients.claim();
    await pruneContent(await caches.open(CONTENT_CACHE), onDemand);
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // Other origins (the opt-in online model) go to the network untouched; a Chrome quirk sends
  // only-if-cached requests that fetch() would reject.
  if (url.origin !== self.location.origin || (request.cache === 'only-if-cached' && request.mode !== 'same-origin')) return;
  const handled = router.handleRequest({ request, event });
  event.respondWith(Promise.resolve(handled ?? fetch(request)).then(withIsolationHeaders));
});

self.addEventListener('message', (event) => {
  if (isSkipWaiting(event.data)) {
    event.waitUntil(self.skipWaiting());
    return;
  }
  if (!isContentStatusRequest(event.data)) return;
  const port = event.ports[0];
  event.waitUntil((async () => {
    const reply: ContentStatusReply = { type: 'cnn-content-status', entries: await contentStatus(await caches.open(CONTENT_CACHE), onDemand, root) };
    port?.postMessage(reply);
  })());
});
