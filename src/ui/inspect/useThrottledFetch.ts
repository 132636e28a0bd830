import { useEffect, useRef, useState } from 'react';
import { toUserMessage, type UserMessage } from '../../messages/index';

const EMPTY = { data: null, error: null, key: null } as const;

/** The latest result of a {@link useThrottledFetch}, with the key it was fetched for. */
export interface Fetched<T> {
  data: T | null;
  error: UserMessage | null;
  key: string | null;
}

/**
 * Fetches `fetcher()` whenever `key` changes, one request at a time and at most one per `intervalMs`
 * (the last key always gets fetched: a change during a request or inside the interval is fetched when
 * it ends). A null key clears the result. This keeps polling the worker during training from queueing
 * requests behind the batches: each call waits for the next batch boundary, so at most one is ever
 * outstanding.
 */
export function useThrottledFetch<T>(key: string | null, fetcher: () => Promise<T>, intervalMs: number): Fetched<T> {
  const [result, setResult] = useState<Fetched<T>>({ data: null, error: null, key: null });
  const latest = useRef({ key, fetcher, intervalMs });
  const busy = useRef(false);
  const lastStart = useRef(-Infinity);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);
  const pump = useRef<() => void>(() => undefined);

  useEffect(() => {
    latest.current = { key, fetcher, intervalMs };
  });

  useEffect(() => {
    mounted.current = true;
    pump.current = () => {
      const { key: wanted, fetcher: fetchNow, intervalMs: interval } = latest.current;
      if (busy.current || wanted === null || timer.current !== null) return;
      const wait = lastStart.current + interval - performance.now();
      if (wait > 0) {
        timer.current = setTimeout(() => {
          timer.current = null;
          pump.current();
        }, wait);
        return;
      }
      busy.current = true;
      lastStart.current = performance.now();
      fetchNow().then(
        (data) => mounted.current && latest.current.key !== null && setResult({ data, error: null, key: wanted }),
        (e: unknown) => mounted.current && setResult((r) => ({ ...r, error: toUserMessage(e), key: wanted })),
      ).finally(() => {
        busy.current = false;
        if (mounted.current && latest.current.key !== wanted) pump.current();
      });
    };
    return () => {
      mounted.current = false;
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    };
  }, []);

  useEffect(() => {
    if (key !== null) pump.current();
  }, [key]);

  // A null key (no model) shows nothing, whatever an earlier request returned.
  return key === null ? EMPTY : result;
}
