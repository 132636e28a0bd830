import type { LayoutNode } from './types';

/** One cell of a connection table drawn on its block, in graph units (top-left corner and side). */
export interface MatrixCell {
  /** Output map (row) and input map (column). */
  readonly row: number;
  readonly col: number;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly connected: boolean;
}

/** Margin between the block's edge and the matrix, in graph units. */
const INSET = 1.5;

/**
 * Lays a table convolution's connection table out as square cells filling its block (rows = output
 * maps, columns = input maps), centred, with a small inset; [] for a block without a table or too
 * small to draw one (cells under 1 unit).
 */
export function matrixCells(node: Pick<LayoutNode, 'x' | 'y' | 'width' | 'height' | 'connectionTable'>): MatrixCell[] {
  const table = node.connectionTable;
  const rows = table?.length ?? 0;
  const cols = table?.[0]?.length ?? 0;
  if (!table || rows === 0 || cols === 0) return [];
  const size = Math.min((node.width - 2 * INSET) / cols, (node.height - 2 * INSET) / rows);
  if (!(size >= 1)) return [];
  const x0 = node.x - (cols * size) / 2;
  const y0 = node.y - (rows * size) / 2;
  return table.flatMap((row, r) => row.map((connected, c) => ({ row: r, col: c, x: x0 + c * size, y: y0 + r * size, size, connected })));
}
