import { useState, type ReactNode } from 'react';
import type { UploadFileInput } from '../../engine/uploads/uploadsProtocol';
import { filesFromDrop } from './pickedFiles';

interface Props {
  label: string;
  /** While a batch is in flight a drop is still handed on: the batch owner refuses it and says so. */
  busy: boolean;
  onFiles: (files: UploadFileInput[]) => void;
  children: ReactNode;
}

/** Accepts dropped files and folders (walked recursively); its children are the equivalent pickers. */
export function DropZone({ label, busy, onFiles, children }: Props) {
  const [over, setOver] = useState(false);
  return (
    <div
      className={`drop-zone${over ? ' over' : ''}${busy ? ' busy' : ''}`}
      data-testid="upload-drop-zone"
      aria-busy={busy}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void filesFromDrop(e.dataTransfer).then(onFiles);
      }}
    >
      <p>{label}</p>
      <div className="row">{children}</div>
    </div>
  );
}
