import { useState } from 'react';
import { MAX_CLASS_NAME, normaliseClassName } from '../../data/uploads/collection';
import type { UploadClassInfo, UploadImageInfo } from '../../engine/uploads/uploadsProtocol';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { uploadsMessages } from '../i18n/uploads';
import { ThumbnailGrid } from './ThumbnailGrid';

interface Props {
  cls: UploadClassInfo;
  classes: readonly UploadClassInfo[];
  images: readonly UploadImageInfo[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  onRename: (id: string, name: string) => void;
  onDelete: (id: string) => void;
  onMoveImage: (imageId: string, classId: string) => void;
  onDeleteImage: (imageId: string) => void;
}

const PROBLEM_KEY = { empty: 'classNameEmpty', 'too-long': 'classNameTooLong', taken: 'classNameTaken' } as const;

/** One class: name (renamable), counts, delete (confirmed inline), thumbnails, and the selected image's actions. */
export function ClassRow({ cls, classes, images, selectedId, onSelect, onRename, onDelete, onMoveImage, onDeleteImage }: Props) {
  const t = useMessages(uploadsMessages);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const checked = editing === null ? null : normaliseClassName(editing, classes.map((c) => ({ ...c, createdAt: 0 })), cls.id);
  const problem = checked && 'problem' in checked ? t(PROBLEM_KEY[checked.problem]) : null;
  const selected = images.find((i) => i.id === selectedId) ?? null;
  return (
    <li className="class-row" data-testid="class-row" data-class-name={cls.name}>
      <div className="row">
        {editing === null ? (
          <b className="class-name" title={cls.name}>{cls.name}</b>
        ) : (
          <form className="row" onSubmit={(e) => {
            e.preventDefault();
            if (checked && 'name' in checked) {
              onRename(cls.id, checked.name);
              setEditing(null);
            }
          }}>
            <input aria-label={t('rename')} value={editing} maxLength={MAX_CLASS_NAME} onChange={(e) => setEditing(e.target.value)} autoFocus />
            <button type="submit" disabled={problem !== null}>{t('save')}</button>
            <button type="button" className="secondary" onClick={() => setEditing(null)}>{t('cancel')}</button>
            {problem && <span className="error-text" role="alert">{problem}</span>}
          </form>
        )}
        <span className="muted">
          <span data-testid="class-count" data-count={cls.count}>{fill(t('images'), { n: cls.count })}</span> · {fill(t('trainVal'), { train: cls.trainCount, val: cls.valCount })}
        </span>
        {editing === null && <button type="button" className="secondary small" onClick={() => setEditing(cls.name)}>{t('rename')}</button>}
        {confirming ? (
          <span className="row" role="alert">
            {fill(t('confirmDeleteClass'), { name: cls.name, n: cls.count })}
            <button type="button" className="danger small" onClick={() => onDelete(cls.id)}>{t('deleteClass')}</button>
            <button type="button" className="secondary small" onClick={() => setConfirming(false)}>{t('cancel')}</button>
          </span>
        ) : (
          <button type="button" className="secondary small" onClick={() => setConfirming(true)}>{t('deleteClass')}</button>
        )}
      </div>
      <ThumbnailGrid images={images} selectedId={selectedId} onSelect={(id) => onSelect(id === selectedId ? null : id)} />
      {selected && (
        <div className="row selected-image" data-testid="selected-image">
          {fill(t('selected'), { name: selected.name, width: selected.width, height: selected.height })}
          <label className="inline">
            {t('moveTo')}
            <select value={cls.id} onChange={(e) => onMoveImage(selected.id, e.target.value)}>
              {classes.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
          <button type="button" className="danger small" onClick={() => onDeleteImage(selected.id)}>{t('deleteImage')}</button>
        </div>
      )}
    </li>
  );
}
