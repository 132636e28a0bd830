import type { ArchGraph, GraphInfo } from '../arch/index';
import type { ExperimentState } from './experiment';

interface Props {
  state: ExperimentState;
  update: (patch: Partial<ExperimentState>) => void;
  graph: ArchGraph;
  info: GraphInfo;
}

/** Placeholder slot for the training workflow (build → compile → fit → evaluate → predict). */
export function TrainingSection(_props: Props) {
  return null;
}
