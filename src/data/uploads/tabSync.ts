/**
 * Two tabs of the page share one database: one writer at a time (a Web Lock held around each write,
 * across tabs and workers) and a BroadcastChannel saying what each write changed, so every tab's list
 * follows the others'. Without Web Locks (old browsers) writes are serialised within the tab only.
 */

/** What one write changed, by record id; receivers read those records back from the database. */
export interface ChangeNotice {
  classes: string[];
  removedClasses: string[];
  images: string[];
  removedImages: string[];
}

/** The coordination a library needs: an exclusive section and change notices to and from other tabs. */
export interface TabSync {
  /** Runs `fn` while no other tab (or call) of this page writes the uploads. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Tells the other tabs (never this one) what changed. */
  post(notice: ChangeNotice): void;
  /** Called for every notice of another tab. */
  listen(handler: (notice: ChangeNotice) => void): void;
}

const LOCK_NAME = 'cnn-playground-uploads-write';
const CHANNEL_NAME = 'cnn-playground-uploads';

/** A promise-chain mutex: calls run one after another, in call order. */
function localMutex(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

const isNotice = (v: unknown): v is ChangeNotice =>
  typeof v === 'object' && v !== null && ['classes', 'removedClasses', 'images', 'removedImages'].every((k) => Array.isArray((v as Record<string, unknown>)[k]));

/** Web Locks + BroadcastChannel where the browser has them (every current one does, in workers too). */
export function browserTabSync(): TabSync {
  const local = localMutex();
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(CHANNEL_NAME) : null;
  return {
    exclusive: (fn) => local(() => (locks ? locks.request(LOCK_NAME, { mode: 'exclusive' }, fn) : fn())),
    post: (notice) => channel?.postMessage(notice),
    listen: (handler) => channel?.addEventListener('message', (e: MessageEvent) => isNotice(e.data) && handler(e.data)),
  };
}

/**
 * Tabs in one process for tests: `connect()` gives each simulated tab its own TabSync; they share one
 * lock, and a notice reaches every other tab asynchronously, as a BroadcastChannel message would.
 */
export function memoryTabSyncHub(): { connect: () => TabSync } {
  const shared = localMutex();
  const tabs: { handlers: ((n: ChangeNotice) => void)[] }[] = [];
  return {
    connect: () => {
      const tab = { handlers: [] as ((n: ChangeNotice) => void)[] };
      tabs.push(tab);
      return {
        exclusive: shared,
        post: (notice) => {
          const copy = structuredClone(notice);
          for (const other of tabs) if (other !== tab) setTimeout(() => other.handlers.forEach((h) => h(copy)), 0);
        },
        listen: (handler) => tab.handlers.push(handler),
      };
    },
  };
}
