import type { ExperimentState } from '../experiment';
import { classroomMessages } from '../i18n/classroom';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { lessonMessages } from '../i18n/lessons';
import { LESSON_IDS, lessonExperiment, lessonHref, type LessonId } from './lessons';

interface Props {
  state: ExperimentState;
  /** Replaces the whole experiment (a lesson is a complete preset). */
  update: (patch: Partial<ExperimentState>) => void;
}

/**
 * The course's lessons as links. A click opens the lesson in place (no reload, the worker keeps
 * running); the href is the same lesson as a link, for a new tab or to send to students.
 */
export function LessonList({ state, update }: Props) {
  const c = useMessages(classroomMessages);
  const l = useMessages(lessonMessages);
  const open = (id: LessonId) => (e: React.MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // let the browser open a tab
    e.preventDefault();
    update(lessonExperiment(id, state.lang));
  };
  return (
    <nav className="panel lesson-list" aria-labelledby="lessons-heading" data-testid="lesson-list">
      <h2 id="lessons-heading">{c('lessons')}</h2>
      <p className="hint">{c('lessonsIntro')}</p>
      <ol>
        {LESSON_IDS.map((id, i) => (
          <li key={id}>
            <a
              href={lessonHref(id, state.lang)}
              data-testid={`lesson-link-${id}`}
              aria-current={state.lesson === id ? 'page' : undefined}
              aria-label={`${fill(c('lesson'), { n: i + 1 })}: ${l(`${id}:title`)}`}
              onClick={open(id)}
            >
              {l(`${id}:title`)}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
