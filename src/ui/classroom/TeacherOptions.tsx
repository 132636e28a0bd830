import { useState } from 'react';
import { classroomMessages } from '../i18n/classroom';
import { useMessages, APP_MESSAGES } from '../i18n/index';
import { trainingMessages } from '../i18n/training';
import { HIDEABLE, type HideableControl } from './hiddenControls';
import { setHidden, useHiddenSet } from './useHidden';

/** Teacher mode: one checkbox per control; a ticked control is hidden here and in the share link. */
export function TeacherOptions() {
  const t = useMessages(APP_MESSAGES);
  const tr = useMessages(trainingMessages);
  const c = useMessages(classroomMessages);
  const hidden = useHiddenSet();
  // Open at first when the link already hides something (the teacher is editing a prepared link); a
  // constant prop afterwards, so React never fights the user's own opening and closing.
  const [openAtFirst] = useState(hidden.size > 0);
  const label: Record<HideableControl, string> = {
    arch: t('architecture'), variant: t('variant'), input: t('inputShape'), classes: t('classes'), width: t('widthMultiplier'),
    groups: t('groups'), notop: t('noTop'), convbias: t('convBias'), aux: t('aux'),
    dataset: tr('dataset'), backend: tr('backend'), optimizer: tr('optimizer'), lr: tr('learningRate'), momentum: tr('momentum'),
    loss: tr('lossFunction'), epochs: tr('epochs'), batch: tr('batchSize'), valsplit: tr('validationSplit'), limit: tr('trainLimit'),
    seed: tr('seed'), shuffle: tr('shuffle'), lang: t('language'), lessons: c('hideLessons'), share: c('hideShare'),
  };
  return (
    <details className="teacher-options" data-testid="teacher-options" open={openAtFirst}>
      <summary>{c('teacher')}</summary>
      <p className="hint">{c('teacherIntro')}</p>
      <fieldset>
        <legend className="visually-hidden">{c('teacher')}</legend>
        {HIDEABLE.map((key) => (
          <label key={key} className="check">
            <input type="checkbox" data-testid={`hide-${key}`} checked={hidden.has(key)} onChange={(e) => setHidden(key, e.target.checked)} />
            {label[key]}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
