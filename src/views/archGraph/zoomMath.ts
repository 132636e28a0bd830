import type { Box } from './types';

/** Graph → screen: screen = graph · k + (x, y). */
export interface ZoomTransform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

export const ZOOM = {
  min: 0.04,
  max: 6,
  /**
   * Fit never shrinks below this. Labels keep their size on screen at every zoom and long networks wrap
   * into rows, so Fit shows every zoo network whole (ResNet-152 at ≈ 0.13 in the 1280×800 workspace); a
   * graph longer still opens at its input end, to be panned.
   */
  minReadable: 0.1,
  maxFit: 1.5,
  /** Screen pixels of the graph that must stay in view while panning. */
  keep: 48,
} as const;

export const IDENTITY: ZoomTransform = { k: 1, x: 0, y: 0 };

export function clampScale(k: number): number {
  return Math.min(ZOOM.max, Math.max(ZOOM.min, k));
}

/** Scales by `factor` about the screen point (px, py), which stays put. */
export function zoomAt(t: ZoomTransform, factor: number, px: number, py: number): ZoomTransform {
  const k = clampScale(t.k * factor);
  const f = k / t.k;
  return { k, x: px - (px - t.x) * f, y: py - (py - t.y) * f };
}

export function panBy(t: ZoomTransform, dx: number, dy: number): ZoomTransform {
  return { k: t.k, x: t.x + dx, y: t.y + dy };
}

/**
 * The opening view of a graph in a view of `width` × `height` screen pixels: the whole graph when it fits
 * at a readable scale, else the readable scale with the graph's left end (the input) in view.
 */
export function fitTransform(bounds: Box, width: number, height: number, maxFit: number = ZOOM.maxFit): ZoomTransform {
  const fitW = width / Math.max(1, bounds.width);
  const fitH = height / Math.max(1, bounds.height);
  const fitAll = Math.min(fitW, fitH, maxFit);
  const k = clampScale(Math.max(fitAll, Math.min(fitH, ZOOM.minReadable)));
  const contentW = bounds.width * k;
  const x = contentW <= width ? (width - contentW) / 2 - bounds.x * k : -bounds.x * k;
  const y = (height - bounds.height * k) / 2 - bounds.y * k;
  return { k, x, y };
}

/** Keeps at least `ZOOM.keep` pixels of the graph on screen, so a fling never loses it. */
export function clampPan(t: ZoomTransform, bounds: Box, width: number, height: number): ZoomTransform {
  const keepX = Math.min(ZOOM.keep, (bounds.width * t.k) / 2);
  const keepY = Math.min(ZOOM.keep, (bounds.height * t.k) / 2);
  const minX = keepX - (bounds.x + bounds.width) * t.k;
  const maxX = width - keepX - bounds.x * t.k;
  const minY = keepY - (bounds.y + bounds.height) * t.k;
  const maxY = height - keepY - bounds.y * t.k;
  return { k: t.k, x: Math.min(maxX, Math.max(minX, t.x)), y: Math.min(maxY, Math.max(minY, t.y)) };
}

/** The smallest pan that brings `box` (graph units) fully into view, with `pad` screen pixels around it. */
export function revealBox(t: ZoomTransform, box: Box, width: number, height: number, pad = 24): ZoomTransform {
  const shift = (lo: number, hi: number, size: number): number => {
    if (hi - lo > size - 2 * pad) return size / 2 - (lo + hi) / 2;
    if (lo < pad) return pad - lo;
    if (hi > size - pad) return size - pad - hi;
    return 0;
  };
  const x0 = box.x * t.k + t.x;
  const y0 = box.y * t.k + t.y;
  const dx = shift(x0, x0 + box.width * t.k, width);
  const dy = shift(y0, y0 + box.height * t.k, height);
  return dx === 0 && dy === 0 ? t : panBy(t, dx, dy);
}

/**
 * Brings `box` into view, zooming out first (about the box's centre) if it is larger than the view:
 * an inception module just expanded into four lanes is shown whole.
 */
export function frameBox(t: ZoomTransform, box: Box, width: number, height: number, pad = 24): ZoomTransform {
  const fit = Math.min((width - 2 * pad) / Math.max(1, box.width), (height - 2 * pad) / Math.max(1, box.height));
  const k = clampScale(Math.min(t.k, fit));
  const cx = (box.x + box.width / 2) * t.k + t.x;
  const cy = (box.y + box.height / 2) * t.k + t.y;
  return revealBox(k === t.k ? t : zoomAt(t, k / t.k, cx, cy), box, width, height, pad);
}

/** The SVG `transform` attribute of a transform. */
export function transformAttr(t: ZoomTransform): string {
  return `translate(${t.x.toFixed(2)},${t.y.toFixed(2)}) scale(${t.k.toFixed(4)})`;
}
