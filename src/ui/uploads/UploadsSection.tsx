import type { ReactNode } from 'react';
import { ErrorBoundary } from '../ErrorBoundary';
import type { ExperimentState } from '../experiment';
import { AugmentExperiment } from './AugmentExperiment';
import { AugmentPanel } from './AugmentPanel';
import { UploadsPanel } from './UploadsPanel';

interface Props {
  state: ExperimentState;
  update: (patch: Partial<ExperimentState>) => void;
  /** What a broken panel shows instead (App's panel error). */
  panelError: (message: string) => ReactNode;
}

/** The uploads feature's panels: your images, data augmentation, and the with/without experiment. */
export function UploadsSection({ state, update, panelError }: Props) {
  return (
    <>
      <ErrorBoundary fallback={panelError}>
        <UploadsPanel />
      </ErrorBoundary>
      <ErrorBoundary fallback={panelError}>
        <AugmentPanel state={state} update={update} />
      </ErrorBoundary>
      <ErrorBoundary fallback={panelError}>
        <AugmentExperiment state={state} />
      </ErrorBoundary>
    </>
  );
}
