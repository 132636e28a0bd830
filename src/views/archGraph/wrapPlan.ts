import type { Box, WrapOptions } from './types';

/** Screen pixels a row's on-screen labels need below its blocks (two lines, 11 and 10 px, and air). */
export const LABEL_ROOM_PX = 30;
const MAX_ROWS = 12;

/**
 * How many rows show a network largest in a view of `view.width` × `view.height` pixels, with room for
 * its labels (which keep their size on screen at every zoom). For r rows the fitting scale is
 * k(r) = min(w·r / W, (h − r·L) / (r·H)) for an unwrapped graph of W × H units and L pixels of labels per row;
 * the r with the largest k wins. `undefined` when one row is best (LeNet-5, VGG): nothing wraps.
 */
export function planWrap(unwrapped: Box, view: { readonly width: number; readonly height: number }, labelRoomPx = LABEL_ROOM_PX): WrapOptions | undefined {
  const W = Math.max(1, unwrapped.width);
  const H = Math.max(1, unwrapped.height);
  const scaleFor = (rows: number) => Math.min((view.width * rows) / W, (view.height - rows * labelRoomPx) / (rows * H));
  let best = 1;
  for (let rows = 2; rows <= MAX_ROWS; rows++) if (scaleFor(rows) > scaleFor(best) * 1.05) best = rows;
  if (best === 1 || !(view.width > 0 && view.height > 0)) return undefined;
  return { rows: best, rowGap: labelRoomPx / Math.max(0.02, scaleFor(best)) };
}
