import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { buildArch, withTrainingOptions } from '../arch/index';
import type { ExperimentState } from './experiment';
import { trainingArchOptions } from './recipeState';
import { archOptionsOf } from './useArchInfo';
import { useTrainingEngine, type TrainingStore, type TrainingView } from './useTrainingEngine';

type Training = ReturnType<typeof useTrainingEngine>;
/** The page's training actions (train, pause, resume, stop, evaluate, cancelEvaluation, predict, pickSample, adoptModel). */
export type TrainingActions = Training['actions'];

const TrainingContext = createContext<Training | null>(null);

/**
 * Holds the training workflow for the whole page, so every panel (curves, feature maps, transfer, …)
 * sees the same model state. The context carries the store and the actions, never the state itself:
 * a component re-renders when the fields it selects change ({@link useTrainingView}), so a batch
 * re-renders the progress and the curves, not the graph or the summary. Must sit inside an EngineProvider.
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
  const { store, actions } = useTrainingEngine(state, graphFor, graphKey);
  const value = useMemo(() => ({ store, actions }), [store, actions]);
  return <TrainingContext.Provider value={value}>{children}</TrainingContext.Provider>;
}

function useTrainingContext(): Training {
  const training = useContext(TrainingContext);
  if (!training) throw new Error('useTraining must be used inside a TrainingProvider.');
  return training;
}

/**
 * The part of the training view `select` picks, compared shallowly: the component re-renders only when
 * a picked field changes. Pick one field (`(v) => v.phase`) or a few (`(v) => ({ build: v.build, phase: v.phase })`);
 * derive in the selector what can be derived (`(v) => v.epochHistory.length > 0`).
 */
export function useTrainingView<T>(select: (view: TrainingView) => T): T {
  return useStore(useTrainingContext().store, useShallow(select));
}

/** The training actions; they change only when the experiment settings do. */
export function useTrainingActions(): TrainingActions {
  return useTrainingContext().actions;
}

/** The store itself, for code that reads the view when it acts rather than when it renders (`store.getState()`). */
export function useTrainingStore(): TrainingStore {
  return useTrainingContext().store;
}
