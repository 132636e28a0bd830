import { createContext, useContext, useState, type ReactNode } from 'react';
import { startEngine, type WorkerClient } from '../engine/client';

const EngineContext = createContext<WorkerClient | null>(null);

let shared: WorkerClient | null = null;

/** The page's one training worker, started on first use and kept for the page's lifetime. */
function sharedWorker(): WorkerClient {
  shared ??= startEngine().worker;
  return shared;
}

/** Gives the page's training worker to every panel (`useWorker()`). */
export function EngineProvider({ children }: { children: ReactNode }) {
  const [worker] = useState(sharedWorker);
  return <EngineContext.Provider value={worker}>{children}</EngineContext.Provider>;
}

/** The worker's remote API (`.core` and one entry per feature). */
export function useWorker(): WorkerClient | null {
  return useContext(EngineContext);
}
