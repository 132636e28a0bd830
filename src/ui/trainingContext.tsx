import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { buildArch, withTrainingOptions } from '../arch/index';
import type { ExperimentState } from './experiment';
import { trainingArchOptions } from './recipeState';
import { archOptionsOf } from './useArchInfo';
import { useTrainingEngine } from './useTrainingEngine';

type Training = ReturnType<typeof useTrainingEngine>;

const TrainingContext = createContext<Training | null>(null);

/**
 * Holds the training workflow for the whole page, so every panel (curves, feature maps, transfer, …)
 * sees the same model state. Must sit inside an EngineProvider.
 */
export function TrainingProvider({ state, children }: { state: ExperimentState; children: ReactNode }) {
  const { options } = trainingArchOptions(state, archOptionsOf(state));
  // The trained model is meaningless once the network (or the size it trains at) changes.
  const graphKey = `${state.arch}|${JSON.stringify(options)}`;
  const trainingKey = `${graphKey}|${state.initializer}|${state.bnMomentum}`;
  const graphFor = useCallback(
    (classes: number) => {
      try {
        // The recipe's initialiser and batch-norm momentum change how the layers start, not their shapes.
        return withTrainingOptions(buildArch(state.arch, { ...options, classes }), { initializer: state.initializer, bnMomentum: state.bnMomentum });
      } catch {
        return null;
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [trainingKey],
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
