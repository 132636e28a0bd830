import { useState } from 'react';
import { normaliseClassName } from '../../data/uploads/collection';
import type { UploadTarget } from '../../engine/uploads/uploadsProtocol';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { uploadsMessages } from '../i18n/uploads';
import { ClassList } from './ClassList';
import { DamagedRecords } from './DamagedRecords';
import { DropZone } from './DropZone';
import { filesFromInput } from './pickedFiles';
import { UploadErrors } from './UploadErrors';
import { UploadWarnings } from './UploadWarnings';
import type { UploadsState } from './useUploads';
import { WebcamCapture } from './WebcamCapture';
import './uploads.css';
import { useSay } from '../i18n/say';

const PROBLEM_KEY = { empty: 'classNameEmpty', 'too-long': 'classNameTooLong', taken: 'classNameTaken' } as const;

/**
 * "Your images": add images (drop, pickers, folder, zip, webcam), manage classes, see what was refused and
 * why, and remove damaged saved records. `uploads` is the section's useUploads() state.
 */
export function UploadsPanel({ uploads }: { uploads: UploadsState }) {
  const t = useMessages(uploadsMessages);
  const { say } = useSay();
  const { snapshot, progress } = uploads;
  const classes = snapshot?.classes ?? [];
  const [targetId, setTargetId] = useState('');
  const [newName, setNewName] = useState('');
  const target: UploadTarget = { classId: classes.some((c) => c.id === targetId) ? targetId : (classes[0]?.id ?? null), fallbackName: t('defaultClassName') };
  const nameCheck = newName.trim() === '' ? null : normaliseClassName(newName, classes.map((c) => ({ ...c, createdAt: 0 })));
  const nameProblem = nameCheck && 'problem' in nameCheck ? t(PROBLEM_KEY[nameCheck.problem]) : null;
  const busy = progress !== null;
  return (
    <section className="panel uploads" aria-labelledby="uploads-heading" data-testid="uploads-panel">
      <h2 id="uploads-heading">{t('heading')}</h2>
      <p className="muted">{t('intro')}</p>
      <DropZone label={t('dropHere')} onFiles={(files) => void uploads.addFiles(files, target)}>
        <label className="file-button">
          {t('pickFiles')}
          <input type="file" multiple accept="image/*,.zip,application/zip" data-testid="upload-input" disabled={busy} onChange={(e) => {
            void uploads.addFiles(filesFromInput(e.target.files), target);
            e.target.value = '';
          }} />
        </label>
        <label className="file-button">
          {t('pickFolder')}
          <input type="file" multiple data-testid="upload-folder-input" disabled={busy} ref={(el) => el?.setAttribute('webkitdirectory', '')} onChange={(e) => {
            void uploads.addFiles(filesFromInput(e.target.files), target);
            e.target.value = '';
          }} />
        </label>
      </DropZone>
      <div className="row">
        {classes.length > 0 && (
          <label className="inline">
            {t('looseFilesGoTo')}
            <select data-testid="upload-target" value={target.classId ?? ''} onChange={(e) => setTargetId(e.target.value)}>
              {classes.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
        )}
        <form className="row" onSubmit={(e) => {
          e.preventDefault();
          if (nameCheck && 'name' in nameCheck) {
            void uploads.createClass(nameCheck.name);
            setNewName('');
          }
        }}>
          <input aria-label={t('newClassName')} placeholder={t('newClassName')} value={newName} maxLength={60} data-testid="new-class-name" onChange={(e) => setNewName(e.target.value)} />
          <button type="submit" className="secondary" data-testid="create-class" disabled={!nameCheck || nameProblem !== null}>{t('createClass')}</button>
          {nameProblem && <span className="error-text" role="alert">{nameProblem}</span>}
        </form>
      </div>
      <WebcamCapture disabled={busy} onFrame={(frame) => void uploads.addFrame(frame, target)} />
      {progress && (
        <label>
          {fill(t('adding'), progress)}
          <progress data-testid="upload-progress" value={progress.done} max={Math.max(1, progress.total)} />
        </label>
      )}
      {uploads.lastAdded !== null && <p role="status" data-testid="upload-added">{fill(t('added'), { n: uploads.lastAdded })}</p>}
      {uploads.error && <p className="error-text" role="alert" data-testid="uploads-failure">{say(uploads.error)}</p>}
      <UploadErrors rejections={uploads.rejections} onDismiss={uploads.dismissRejections} />
      {snapshot && <UploadWarnings snapshot={snapshot} />}
      {snapshot && <DamagedRecords skipped={snapshot.skipped} repaired={uploads.repaired} onRemove={() => void uploads.removeDamaged(t('recoveredClassName'))} />}
      {snapshot && <ClassList snapshot={snapshot} actions={uploads} />}
      {classes.length > 0 && <p className="muted small-text">{t('splitNote')}</p>}
    </section>
  );
}
