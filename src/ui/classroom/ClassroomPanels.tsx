import type { ExperimentState } from '../experiment';
import { OfflinePanel } from '../offline/OfflinePanel';
import { LessonList } from './LessonList';
import { SharePanel } from './SharePanel';
import { useHidden } from './useHidden';

interface Props {
  state: ExperimentState;
  update: (patch: Partial<ExperimentState>) => void;
}

/** The sidebar's classroom panels: the lessons, the share link with teacher mode (each hideable) and offline storage. */
export function ClassroomPanels({ state, update }: Props) {
  const lessonsHidden = useHidden('lessons');
  const shareHidden = useHidden('share');
  return (
    <>
      {!lessonsHidden && <LessonList state={state} update={update} />}
      {!shareHidden && <SharePanel state={state} update={update} />}
      <OfflinePanel state={state} />
    </>
  );
}
