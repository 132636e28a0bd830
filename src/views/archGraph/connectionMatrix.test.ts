import { describe, expect, it } from 'vitest';
import { buildArch, inferGraph, LENET_C3_TABLE } from '../../arch/index';
import { matrixCells } from './connectionMatrix';
import { layoutArchGraph } from './layoutGraph';

describe('C3\'s connection table on its block', () => {
  const graph = buildArch('lenet5', { variant: '1998' });
  const layout = layoutArchGraph(graph, inferGraph(graph));
  const c3 = layout.nodes.find((n) => n.id === 'c3_conv');

  it('the layout carries Table I as [C3 map][S2 map] on the table convolution only', () => {
    expect(c3?.connectionTable).toHaveLength(16);
    expect(c3?.connectionTable?.[0]).toEqual([true, true, true, false, false, false]);
    expect(c3?.connectionTable?.[15]).toEqual([true, true, true, true, true, true]);
    expect(c3?.connectionTable?.flat().filter(Boolean)).toHaveLength(60);
    expect(layout.nodes.filter((n) => n.connectionTable)).toHaveLength(1);
  });

  it('draws 16 × 6 square cells inside the block, 60 of them connected, as the table says', () => {
    if (!c3) throw new Error('no c3 block');
    const cells = matrixCells(c3);
    expect(cells).toHaveLength(96);
    expect(cells.filter((c) => c.connected)).toHaveLength(60);
    for (const c of cells) {
      expect(c.x).toBeGreaterThanOrEqual(c3.x - c3.width / 2);
      expect(c.x + c.size).toBeLessThanOrEqual(c3.x + c3.width / 2);
      expect(c.y).toBeGreaterThanOrEqual(c3.y - c3.height / 2);
      expect(c.y + c.size).toBeLessThanOrEqual(c3.y + c3.height / 2);
      expect(c.connected).toBe(LENET_C3_TABLE[c.row].includes(c.col));
    }
    expect(cells[0].size).toBeGreaterThanOrEqual(2);
  });

  it('draws nothing for a block without a table or one too small', () => {
    expect(matrixCells({ x: 0, y: 0, width: 30, height: 30 })).toEqual([]);
    expect(matrixCells({ x: 0, y: 0, width: 4, height: 4, connectionTable: c3?.connectionTable })).toEqual([]);
  });
});
