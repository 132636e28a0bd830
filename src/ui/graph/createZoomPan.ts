import {
  clampPan,
  fitTransform,
  frameBox,
  IDENTITY,
  panBy,
  revealBox,
  transformAttr,
  zoomAt,
  type Box,
  type ZoomTransform,
} from '../../views/archGraph/index';

/** Zoom and pan of one SVG graph, driven by wheel, drag and keys; the maths lives in views/archGraph/zoomMath. */
export interface ZoomPanHandle {
  /** New content bounds. `refit` re-frames the view (a new network); otherwise the view stays where it is. */
  update(bounds: Box, refit: boolean): void;
  /** Zooms about the centre of the view. */
  zoomBy(factor: number): void;
  pan(dx: number, dy: number): void;
  fit(): void;
  /** Pans just enough to show `box` (graph units): keyboard focus never lands off screen. */
  reveal(box: Box): void;
  /** Like reveal, zooming out first if `box` is larger than the view. */
  frame(box: Box): void;
  destroy(): void;
}

const KEY_PAN = 60;
const KEY_ZOOM = 1.25;
/** Pixels a pointer must travel before a press becomes a drag (so clicks on blocks still click). */
const DRAG_START = 3;

/**
 * Wires zoom/pan onto `svg`, writing the transform straight onto `viewport` (a <g>), so a drag over
 * ResNet-152's thousand marks re-renders nothing in React; `onChange` hears every new transform (the
 * on-screen labels follow it). Keys (on the svg or any block inside it):
 * + / − zoom, arrows pan, 0 fits.
 */
export function createZoomPan(
  svg: SVGSVGElement,
  viewport: SVGGElement,
  onChange?: (t: ZoomTransform, width: number, height: number) => void,
  /** The largest scale Fit uses (larger in the presentation layout); ZOOM.maxFit if absent. */
  maxFit?: () => number,
): ZoomPanHandle {
  let t: ZoomTransform = IDENTITY;
  let bounds: Box = { x: 0, y: 0, width: 1, height: 1 };
  let drag: { id: number; x: number; y: number; moved: boolean } | null = null;

  const size = () => {
    const r = svg.getBoundingClientRect();
    return { width: r.width || 1, height: r.height || 1 };
  };
  const apply = (next: ZoomTransform) => {
    const { width, height } = size();
    t = clampPan(next, bounds, width, height);
    viewport.setAttribute('transform', transformAttr(t));
    onChange?.(t, width, height);
  };
  const fit = () => {
    const { width, height } = size();
    apply(fitTransform(bounds, width, height, maxFit?.()));
  };
  const zoomBy = (factor: number, px?: number, py?: number) => {
    const { width, height } = size();
    apply(zoomAt(t, factor, px ?? width / 2, py ?? height / 2));
  };

  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const r = svg.getBoundingClientRect();
    // deltaMode 1 = lines (Firefox); normalise to pixels.
    const dy = e.deltaY * (e.deltaMode === 1 ? 16 : 1);
    zoomBy(Math.exp(-dy * 0.002), e.clientX - r.left, e.clientY - r.top);
  };
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    drag = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_START) return;
    if (!drag.moved) {
      drag.moved = true;
      svg.setPointerCapture(e.pointerId);
    }
    drag.x = e.clientX;
    drag.y = e.clientY;
    apply(panBy(t, dx, dy));
  };
  const onPointerUp = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    if (drag.moved && svg.hasPointerCapture(e.pointerId)) svg.releasePointerCapture(e.pointerId);
    drag = null;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const pans: Record<string, [number, number]> = {
      ArrowLeft: [KEY_PAN, 0],
      ArrowRight: [-KEY_PAN, 0],
      ArrowUp: [0, KEY_PAN],
      ArrowDown: [0, -KEY_PAN],
    };
    // On a block the arrows move between blocks (roving focus, ArchGraphPanel); on the svg itself they pan.
    if (pans[e.key] && e.target !== svg && !e.shiftKey) return;
    if (e.key === '+' || e.key === '=') zoomBy(KEY_ZOOM);
    else if (e.key === '-' || e.key === '_') zoomBy(1 / KEY_ZOOM);
    else if (e.key === '0') fit();
    else if (pans[e.key]) apply(panBy(t, ...pans[e.key]));
    else return;
    e.preventDefault();
  };

  svg.addEventListener('wheel', onWheel, { passive: false });
  svg.addEventListener('pointerdown', onPointerDown);
  svg.addEventListener('pointermove', onPointerMove);
  svg.addEventListener('pointerup', onPointerUp);
  svg.addEventListener('pointercancel', onPointerUp);
  svg.addEventListener('keydown', onKeyDown);

  return {
    update(next, refit) {
      bounds = next;
      if (refit) fit();
      else apply(t);
    },
    zoomBy: (factor) => zoomBy(factor),
    pan: (dx, dy) => apply(panBy(t, dx, dy)),
    fit,
    reveal(box) {
      const { width, height } = size();
      const next = revealBox(t, box, width, height);
      if (next !== t) apply(next);
    },
    frame(box) {
      const { width, height } = size();
      apply(frameBox(t, box, width, height));
    },
    destroy() {
      svg.removeEventListener('wheel', onWheel);
      svg.removeEventListener('pointerdown', onPointerDown);
      svg.removeEventListener('pointermove', onPointerMove);
      svg.removeEventListener('pointerup', onPointerUp);
      svg.removeEventListener('pointercancel', onPointerUp);
      svg.removeEventListener('keydown', onKeyDown);
    },
  };
}
