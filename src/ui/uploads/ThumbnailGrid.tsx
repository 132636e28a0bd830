import { useEffect, useRef, useState } from 'react';
import type { UploadImageInfo } from '../../engine/uploads/uploadsProtocol';
import { cellPosition, virtualGridWindow } from '../../views/virtualGrid';
import { Thumbnail } from './Thumbnail';

/** Cell size in px (64 px preview + gap). */
const CELL = 60;
/** Rows visible before the box scrolls. */
const VISIBLE_ROWS = 3;

interface Props {
  images: readonly UploadImageInfo[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** A scrolling grid of thumbnails that mounts only the rows in view (see views/virtualGrid.ts). */
export function ThumbnailGrid({ images, selectedId, onSelect }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 480, scrollTop: 0 });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setSize((s) => ({ ...s, width: el.clientWidth })));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const columns = Math.max(1, Math.floor(size.width / CELL));
  const height = Math.min(Math.ceil(images.length / columns), VISIBLE_ROWS) * CELL;
  const win = virtualGridWindow(images.length, size.width, height, size.scrollTop, CELL);
  if (images.length === 0) return null;
  return (
    <div ref={box} className="thumb-grid" style={{ height: height + 2 }} onScroll={(e) => setSize((s) => ({ ...s, scrollTop: e.currentTarget.scrollTop }))} data-rendered={win.end - win.start}>
      <div style={{ height: win.totalHeight, position: 'relative' }}>
        {images.slice(win.start, win.end).map((image, k) => {
          const { left, top } = cellPosition(win.start + k, win.columns, CELL);
          return <Thumbnail key={image.id} image={image} selected={image.id === selectedId} onSelect={onSelect} style={{ left, top, width: CELL - 4, height: CELL - 4 }} />;
        })}
      </div>
    </div>
  );
}
