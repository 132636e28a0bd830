import { useMemo, useState } from 'react';
import type { UploadImageInfo, UploadsSnapshot } from '../../engine/uploads/uploadsProtocol';
import { useMessages } from '../i18n/index';
import { uploadsMessages } from '../i18n/uploads';
import { ClassRow } from './ClassRow';
import type { UploadsState } from './useUploads';

/** Every class with its counts and (virtualised) thumbnails; one image can be selected to move or delete. */
export function ClassList({ snapshot, actions }: { snapshot: UploadsSnapshot; actions: UploadsState }) {
  const t = useMessages(uploadsMessages);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const byClass = useMemo(() => {
    const map = new Map<string, UploadImageInfo[]>();
    for (const image of snapshot.images) {
      const list = map.get(image.classId) ?? [];
      list.push(image);
      map.set(image.classId, list);
    }
    return map;
  }, [snapshot.images]);
  if (snapshot.classes.length === 0) return <p className="muted" data-testid="class-list">{t('noClasses')}</p>;
  return (
    <ul className="class-list" data-testid="class-list">
      {snapshot.classes.map((c) => (
        <ClassRow
          key={c.id}
          cls={c}
          classes={snapshot.classes}
          images={byClass.get(c.id) ?? []}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onRename={(id, name) => void actions.renameClass(id, name)}
          onDelete={(id) => void actions.deleteClass(id)}
          onMoveImage={(imageId, classId) => void actions.moveImage(imageId, classId)}
          onDeleteImage={(imageId) => {
            setSelectedId(null);
            void actions.deleteImage(imageId);
          }}
        />
      ))}
    </ul>
  );
}
