/**
 * Which cells of a scrolling thumbnail grid are on screen, so only those are rendered (2,000 images
 * cost as much as the 30 in view). Pure maths: the component supplies sizes and the scroll offset.
 */

export interface GridWindow {
  /** Cells per row (at least 1). */
  columns: number;
  /** Height of the whole grid, for the scroll area's inner spacer. */
  totalHeight: number;
  /** First rendered item index (inclusive) and last (exclusive). */
  start: number;
  end: number;
}

/**
 * @param count items in the grid
 * @param width, height the viewport (scroll box) size in px
 * @param scrollTop the scroll box's scrollTop
 * @param cell square cell size in px
 * @param overscan extra rows above and below, so fast scrolling shows no gaps
 */
export function virtualGridWindow(count: number, width: number, height: number, scrollTop: number, cell: number, overscan = 1): GridWindow {
  const columns = Math.max(1, Math.floor(width / cell));
  const rows = Math.ceil(count / columns);
  const firstRow = Math.max(0, Math.floor(scrollTop / cell) - overscan);
  const lastRow = Math.min(rows, Math.ceil((scrollTop + height) / cell) + overscan);
  return { columns, totalHeight: rows * cell, start: Math.min(count, firstRow * columns), end: Math.min(count, lastRow * columns) };
}

/** Top-left position of item `index` in px. */
export function cellPosition(index: number, columns: number, cell: number): { left: number; top: number } {
  return { left: (index % columns) * cell, top: Math.floor(index / columns) * cell };
}
