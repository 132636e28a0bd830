import { useRef, useState } from 'react';
import type { ExperimentState } from '../experiment';
import { classroomMessages } from '../i18n/classroom';
import { useMessages } from '../i18n/index';
import { shareLink } from './shareLink';
import { TeacherOptions } from './TeacherOptions';
import { useHiddenSet } from './useHidden';

interface Props {
  state: ExperimentState;
  update: (patch: Partial<ExperimentState>) => void;
}

/** Copies a link that reproduces the page, shows it as text, and holds the teacher-mode switches. */
export function SharePanel({ state, update }: Props) {
  const c = useMessages(classroomMessages);
  const hidden = useHiddenSet();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const link = shareLink(window.location.href, state, hidden);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // No clipboard permission (or an insecure context): select the text so Ctrl+C copies it.
      field.current?.select();
      setCopied('failed');
    }
  }

  return (
    <section className="panel share-panel" aria-labelledby="share-heading" data-testid="share-panel">
      <h2 id="share-heading">{c('share')}</h2>
      <label>
        {c('link')}
        <input ref={field} type="text" readOnly value={link} data-testid="share-url" onFocus={(e) => e.target.select()} />
      </label>
      <div className="row">
        <button type="button" data-testid="share-link" onClick={() => void copy()}>
          {c('copyLink')}
        </button>
        <span role="status" data-testid="share-status" className={copied === 'failed' ? 'error-text' : 'hint'}>
          {copied === 'yes' ? c('copied') : copied === 'failed' ? c('copyFailed') : ''}
        </span>
      </div>
      <label className="check">
        <input type="checkbox" data-testid="present-toggle" checked={state.present} onChange={(e) => update({ present: e.target.checked })} />
        {c('present')}
      </label>
      <TeacherOptions />
    </section>
  );
}
