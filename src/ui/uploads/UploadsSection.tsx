import type { ReactNode } from 'react';
import { ErrorBoundary } from '../ErrorBoundary';
import type { ExperimentState } from '../experiment';
import { AugmentExperiment } from './AugmentExperiment';
import { AugmentPanel } from './AugmentPanel';
import { UploadsPanel } from './UploadsPanel';
import { useUploads } from './useUploads';
import { useRenderCount } from '../renderCount';

interface Props {
  state: ExperimentState;
  update: (patch: Partial<ExperimentState>) => void;
  /** What a broken panel shows instead (App's panel error). */
  panelError: (message: string) => ReactNode;
}

/**
 * The uploads feature's panels: your images, data augmentation, and the with/without experiment. The
 * images' state lives here so the augmentation preview redraws when they change.
 */
export function UploadsSection({ state, update, panelError }: Props) {
  useRenderCount('UploadsSection');
  const uploads = useUploads();
  return (
    <>
      <ErrorBoundary fallback={panelError}>
        <UploadsPanel uploads={uploads} />
      </ErrorBoundary>
      <ErrorBoundary fallback={panelError}>
        <AugmentPanel state={state} update={update} uploadsVersion={uploads.snapshot?.version ?? 0} />
      </ErrorBoundary>
      <ErrorBoundary fallback={panelError}>
        <AugmentExperiment state={state} />
      </ErrorBoundary>
    </>
  );
}
