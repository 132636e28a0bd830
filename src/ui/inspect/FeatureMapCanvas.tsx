import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { FeatureMaps } from '../../engine/inspect/inspectProtocol';
import { VIRIDIS_LUT } from '../../views/inspect/colorRamp';
import { cellAt, gridLayout, moveCell, paintFeatureGrid } from '../../views/inspect/featureGrid';
import { fill, useLocaleFormat } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { inspectMessages } from '../i18n/inspect';
import { ColorLegend } from './ColorLegend';

/** Largest number of channels drawn (VGG's 512-channel layers would be a wall of tiles). */
const MAX_TILES = 64;

/**
 * One layer's feature maps for one image: a canvas grid, one tile per channel, painted via ImageData
 * with viridis over the layer's [min, max], and the legend. The canvas carries its geometry in data
 * attributes (tiles, columns, tile size, gap) so a test can read each tile back.
 */
export function FeatureMapCanvas({ maps, maxWidth = 600, testId = 'feature-maps', onCell }: {
  maps: FeatureMaps;
  /** Widest the grid may be, in canvas pixels. */
  maxWidth?: number;
  testId?: string;
  /** Called with the clicked cell (row y, column x, channel c of the layer's output). */
  onCell?: (cell: { y: number; x: number; c: number }) => void;
}) {
  const t = useMessages(inspectMessages);
  const f = useLocaleFormat();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [h, w, c] = maps.shape;
  const layout = useMemo(() => gridLayout(c, h, w, { targetTile: 56, maxWidth, gap: 4, maxTiles: MAX_TILES }), [c, h, w, maxWidth]);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || layout.width < 1 || layout.height < 1) return;
    const rgba = paintFeatureGrid(maps.values, maps.shape, layout, VIRIDIS_LUT, maps.min, maps.max);
    ctx.putImageData(new ImageData(rgba, layout.width, layout.height), 0, 0);
  }, [maps, layout]);

  // The keyboard's cell (arrows, Page Up/Down for the channel, Enter to explain): the centre of map 0 at first.
  const [cursor, setCursor] = useState({ y: Math.floor(h / 2), x: Math.floor(w / 2), c: 0 });
  const [focused, setFocused] = useState(false);
  const at = cursor.y < h && cursor.x < w && cursor.c < layout.tiles ? cursor : { y: 0, x: 0, c: 0 };
  const hintId = useId();
  const click = (e: MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    // The canvas may be drawn smaller than its pixel size (max-width: 100%).
    const cell = cellAt(layout, h, w, ((e.clientX - r.left) * layout.width) / r.width, ((e.clientY - r.top) * layout.height) / r.height);
    if (cell && onCell) {
      setCursor(cell);
      onCell(cell);
    }
  };
  const key = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (!onCell) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onCell(at);
      return;
    }
    const next = moveCell(at, e.key, h, w, layout.tiles);
    if (next) {
      e.preventDefault();
      setCursor(next);
    }
  };
  // The cursor's box on the canvas, in percent of its size (the canvas may be scaled down).
  const tileX = (at.c % layout.columns) * (layout.tileWidth + layout.gap) + at.x * layout.scale;
  const tileY = Math.floor(at.c / layout.columns) * (layout.tileHeight + layout.gap) + at.y * layout.scale;
  const label = fill(t('tilesLabel'), { layer: maps.layer, channels: c, h, w });
  return (
    <figure className="inspect-figure">
      <div className="feature-map-frame">
      <canvas
        ref={canvas}
        width={layout.width}
        height={layout.height}
        data-testid={testId}
        onClick={onCell ? click : undefined}
        onKeyDown={onCell ? key : undefined}
        onFocus={onCell ? () => setFocused(true) : undefined}
        onBlur={onCell ? () => setFocused(false) : undefined}
        tabIndex={onCell ? 0 : undefined}
        aria-describedby={onCell ? hintId : undefined}
        data-cursor={onCell ? `${at.y},${at.x},${at.c}` : undefined}
        style={onCell ? { cursor: 'crosshair' } : undefined}
        data-layer={maps.layer}
        data-tiles={layout.tiles}
        data-columns={layout.columns}
        data-tile-width={layout.tileWidth}
        data-tile-height={layout.tileHeight}
        data-tile-gap={layout.gap}
        data-min={maps.min}
        data-max={maps.max}
        role={onCell ? 'application' : 'img'}
        aria-roledescription={onCell ? t('tilesRole') : undefined}
        aria-label={onCell ? `${label}. ${fill(t('cellCursor'), at)}` : label}
      />
      {onCell && focused && (
        <span
          className="cell-cursor"
          aria-hidden="true"
          style={{ left: `${(100 * tileX) / layout.width}%`, top: `${(100 * tileY) / layout.height}%`, width: `${(100 * layout.scale) / layout.width}%`, height: `${(100 * layout.scale) / layout.height}%` }}
        />
      )}
      </div>
      {onCell && <p id={hintId} className="visually-hidden">{t('cellKeys')}</p>}
      {onCell && focused && <p className="visually-hidden" aria-live="polite">{fill(t('cellCursor'), at)}</p>}
      <figcaption>
        {label}. {c > layout.tiles && fill(t('showing'), { shown: layout.tiles, total: c })}
        <ColorLegend min={f.fixed(maps.min, 3)} max={f.fixed(maps.max, 3)} label={t('legend')} testId={`${testId}-legend`} />
      </figcaption>
    </figure>
  );
}
