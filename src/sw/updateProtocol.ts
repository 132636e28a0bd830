/**
 * How the page tells a waiting service worker (a newly deployed version) to take over: the message
 * workbox-window's `messageSkipWaiting()` posts, which vite-plugin-pwa's `registerSW` update callback
 * sends when the visitor presses "Reload" (src/ui/update/).
 */
export const SKIP_WAITING = { type: 'SKIP_WAITING' } as const;

/** Whether a message asks the waiting worker to activate now. */
export function isSkipWaiting(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === SKIP_WAITING.type;
}
