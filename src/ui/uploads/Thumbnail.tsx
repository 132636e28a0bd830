import { memo, useCallback, type CSSProperties } from 'react';
import type { UploadImageInfo } from '../../engine/uploads/uploadsProtocol';
import { useWorker } from '../engineContext';

interface Props {
  image: UploadImageInfo;
  selected: boolean;
  onSelect: (id: string) => void;
  style: CSSProperties;
}

/**
 * One preview (original aspect ratio, letterboxed in its cell), asked of the worker when it comes into
 * view. The Blob's object URL lives exactly as long as the <img> is mounted: virtualisation unmounts
 * off-screen thumbnails, freeing their URLs.
 */
export const Thumbnail = memo(function Thumbnail({ image, selected, onSelect, style }: Props) {
  const worker = useWorker();
  const attach = useCallback((img: HTMLImageElement | null) => {
    if (!img || !worker) return;
    let live = true;
    let url: string | null = null;
    void worker.uploads.previewOf(image.id).then((blob) => {
      if (!live || !blob) return;
      url = URL.createObjectURL(blob);
      img.src = url;
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [worker, image.id]);
  return (
    <button type="button" className={`thumb${selected ? ' selected' : ''}`} style={style} aria-pressed={selected} title={`${image.name} (${image.width}×${image.height})`} onClick={() => onSelect(image.id)}>
      <img ref={attach} alt={image.name} data-testid="upload-thumb" />
    </button>
  );
});
