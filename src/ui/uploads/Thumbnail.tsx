import { memo, useCallback, type CSSProperties } from 'react';
import type { UploadImageInfo } from '../../engine/uploads/uploadsProtocol';

interface Props {
  image: UploadImageInfo;
  selected: boolean;
  onSelect: (id: string) => void;
  style: CSSProperties;
}

/**
 * One preview (original aspect ratio, letterboxed in its cell). The Blob's object URL lives exactly as
 * long as the <img> is mounted: virtualisation unmounts off-screen thumbnails, freeing their URLs.
 */
export const Thumbnail = memo(function Thumbnail({ image, selected, onSelect, style }: Props) {
  const attach = useCallback((img: HTMLImageElement | null) => {
    if (!img) return;
    const url = URL.createObjectURL(image.preview);
    img.src = url;
    return () => URL.revokeObjectURL(url);
  }, [image.preview]);
  return (
    <button type="button" className={`thumb${selected ? ' selected' : ''}`} style={style} aria-pressed={selected} title={`${image.name} (${image.width}×${image.height})`} onClick={() => onSelect(image.id)}>
      <img ref={attach} alt={image.name} data-testid="upload-thumb" />
    </button>
  );
});
