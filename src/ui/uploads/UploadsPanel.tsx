import { useState } from 'react';
import { MAX_CLASS_NAME, normaliseClassName } from '../../data/uploads/collection';
import type { UploadTarget } from '../../engine/uploads/uploadsProtocol';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { uploadsMessages } from '../i18n/uploads';
import { ClassList } from './ClassList';
import { DamagedRecords } from './DamagedRecords';
import { DropZone } from './DropZone';
import { filesFromInput } from './pickedFiles';
import { BatchOutcomeLines } from './BatchOutcomeLines';
import { StorageStatus } from './StorageStatus';
import { UploadErrors } from './UploadErrors';
import { UploadPreview } from './UploadPreview';
import { UploadWarnings } from './UploadWarnings';
import type { UploadsState } from './useUploads';
import { WebcamCapture } from './WebcamCapture';
import './uploads.css';
import { uploadsBatchMessages } from '../i18n/uploadsBatch';

const PROBLEM_KEY = { empty: 'classNameEmpty', 'too-long': 'classNameTooLong', taken: 'classNameTaken' } as const;

/**
 * "Your images": add images (drop, pickers, folder, zip, webcam) through a preview of the classes they
 * fill, manage classes, see what was refused and why, how safe the storage is, save and import the
 * whole dataset, and remove damaged saved records. `uploads` is the section's useUploads() state.
 */
export function UploadsPanel({ uploads }: { uploads: UploadsState }) {
  const t = useMessages(uploadsMessages);
  const tb = useMessages(uploadsBatchMessages);
  const { say } = tb;
  const { snapshot, batch, busy } = uploads;
  const classes = snapshot?.classes ?? [];
  const [targetId, setTargetId] = useState('');
  const [newName, setNewName] = useState('');
  const target: UploadTarget = { classId: classes.some((c) => c.id === targetId) ? targetId : (classes[0]?.id ?? null), fallbackName: t('defaultClassName') };
  const nameCheck = newName.trim() === '' ? null : normaliseClassName(newName, classes.map((c) => ({ ...c, createdAt: 0 })));
  const nameProblem = nameCheck && 'problem' in nameCheck ? t(PROBLEM_KEY[nameCheck.problem]) : null;
  const targetName = classes.find((c) => c.id === target.classId)?.name ?? target.fallbackName;
  const progressText = batch && batch.phase !== 'preview' ? fill(batch.phase === 'staging' ? tb('staging') : batch.phase === 'reading' ? tb('reading') : t('adding'), { done: batch.done, total: batch.total }) : null;
  return (
    <section className="panel uploads" aria-labelledby="uploads-heading" data-testid="uploads-panel">
      <h2 id="uploads-heading">{t('heading')}</h2>
      <p className="muted">{t('intro')}</p>
      <DropZone label={t('dropHere')} busy={busy} onFiles={(files) => uploads.addFiles(files, target)}>
        <label className="file-button">
          {t('pickFiles')}
          <input type="file" multiple accept="image/*,.zip,application/zip" data-testid="upload-input" disabled={busy} onChange={(e) => {
            uploads.addFiles(filesFromInput(e.target.files), target);
            e.target.value = '';
          }} />
        </label>
        <label className="file-button">
          {t('pickFolder')}
          <input type="file" multiple data-testid="upload-folder-input" disabled={busy} ref={(el) => el?.setAttribute('webkitdirectory', '')} onChange={(e) => {
            uploads.addFiles(filesFromInput(e.target.files), target);
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
          <input aria-label={t('newClassName')} placeholder={t('newClassName')} value={newName} maxLength={MAX_CLASS_NAME} data-testid="new-class-name" onChange={(e) => setNewName(e.target.value)} />
          <button type="submit" className="secondary" data-testid="create-class" disabled={!nameCheck || nameProblem !== null}>{t('createClass')}</button>
          {nameProblem && <span className="error-text" role="alert">{nameProblem}</span>}
        </form>
      </div>
      <WebcamCapture disabled={busy} onFrame={(frame) => void uploads.addFrame(frame, target)} />
      {uploads.busyRefused && busy && <p className="error-text" role="alert" data-testid="upload-busy">{tb('busyRefused')}</p>}
      {batch?.preview && <UploadPreview key={batch.preview.token} preview={batch.preview} targetName={targetName} onConfirm={(choice) => uploads.confirmBatch(choice, target)} onCancel={uploads.cancelBatch} />}
      {progressText && (
        <label>
          {progressText}
          <progress data-testid="upload-progress" value={batch?.done ?? 0} max={Math.max(1, batch?.total ?? 1)} />
        </label>
      )}
      {uploads.outcome && !busy && <BatchOutcomeLines outcome={uploads.outcome} />}
      {uploads.error && <p className="error-text" role="alert" data-testid="uploads-failure">{say(uploads.error)}</p>}
      <UploadErrors rejections={uploads.rejections} onDismiss={uploads.dismissRejections} />
      {snapshot && <UploadWarnings snapshot={snapshot} />}
      {snapshot && <StorageStatus storage={snapshot.storage} images={snapshot.images.length} version={snapshot.version} busy={busy} onImport={(files) => uploads.addFiles(files, target)} onStoreAgain={() => void uploads.storeAgain()} />}
      {snapshot && <DamagedRecords skipped={snapshot.skipped} repaired={uploads.repaired} onRemove={() => void uploads.removeDamaged(t('recoveredClassName'))} />}
      {snapshot && <ClassList snapshot={snapshot} actions={uploads} />}
      {classes.length > 0 && <p className="muted small-text">{t('splitNote')}</p>}
    </section>
  );
}
