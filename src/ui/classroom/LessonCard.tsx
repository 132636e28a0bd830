import type { ExperimentState } from '../experiment';
import { classroomMessages } from '../i18n/classroom';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { lessonMessages } from '../i18n/lessons';
import { LESSON_IDS } from './lessons';

/** The open lesson: its title, a short explanation and the question to ask the class. */
export function LessonCard({ state, update }: { state: ExperimentState; update: (patch: Partial<ExperimentState>) => void }) {
  const c = useMessages(classroomMessages);
  const l = useMessages(lessonMessages);
  const id = state.lesson;
  if (!id) return null;
  return (
    <section className="panel lesson-card" aria-labelledby="lesson-heading" data-testid="lesson-card" data-lesson={id}>
      <div className="lesson-card-head">
        <p className="eyebrow">{fill(c('lesson'), { n: LESSON_IDS.indexOf(id) + 1 })}</p>
        <button type="button" className="secondary close" aria-label={c('closeLesson')} title={c('closeLesson')} onClick={() => update({ lesson: '' })}>
          ×
        </button>
      </div>
      <h2 id="lesson-heading" data-testid="lesson-heading">
        {l(`${id}:title`)}
      </h2>
      <p>{l(`${id}:text`)}</p>
      <div className="lesson-question" role="note" aria-labelledby="lesson-question-heading">
        <h3 id="lesson-question-heading">{c('question')}</h3>
        <p data-testid="lesson-question">{l(`${id}:question`)}</p>
      </div>
    </section>
  );
}
