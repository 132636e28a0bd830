import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { buildArch } from '../arch/index';
import type { ExperimentState } from './experiment';
import { archOptionsOf } from './useArchInfo';
import { useTrainingEngine } from './useTrainingEngine';

type Training = ReturnType<typeof useTrainingEngine>;

const TrainingContext = createContext<Training | null>(null);

/**
 * Holds the training workflow for the whole page, so every panel (curves, feature maps, transfer, …)
 * sees the same model state. Must sit inside an EngineProvider.
 */
export function TrainingProvider({ state, children }: { state: ExperimentState; children: ReactNode }) {
  const graphKey = `${state.arch}|${JSON.stringify(archOptionsOf(state))}`;
  const graphFor = useCallback(
    (classes: number) => {
      try {
        return buildArch(state.arch, { ...archOptionsOf(state), classes });
      } catch {
        return null;
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [graphKey],
  );
  const training = useTrainingEngine(state, graphFor, graphKey);
  return <TrainingContext.Provider value={training}>{children}</TrainingContext.Provider>;
}

/** The page's training state and actions (train, pause, resume, stop, evaluate, predict, pickSample). */
export function useTraining(): Training {
  const training = useContext(TrainingContext);
  if (!training) throw new Error('useTraining must be used inside a TrainingProvider.');
  return training;
}
