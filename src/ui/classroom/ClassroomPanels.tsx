import type { ExperimentState } from '../experiment';
import { OfflinePanel } from '../offline/OfflinePanel';
import { LessonList } from './LessonList';
import { SharePanel } from './SharePanel';
import { useHidden } from './useHidden';

interface Props {
  state: ExperimentState;
  update: (patch: Partial<ExperimentState>) => void;
}

/** `?teacher=1` in the page's link: the teacher switches stay reachable even when the link hides the share panel. */
const TEACHER = typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('teacher') === '1';

/**
 * The sidebar's classroom panels: the lessons, the share link with teacher mode (each hideable; a hidden
 * share panel comes back with `?teacher=1`, so hiding it cannot lock the teacher out) and offline storage.
 */
export function ClassroomPanels({ state, update }: Props) {
  const lessonsHidden = useHidden('lessons');
  const shareHidden = useHidden('share');
  return (
    <>
      {!lessonsHidden && <LessonList state={state} update={update} />}
      {(!shareHidden || TEACHER) && <SharePanel state={state} update={update} />}
      <OfflinePanel state={state} />
    </>
  );
}
