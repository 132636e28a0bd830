import { describe, expect, it } from 'vitest';
import { lineChartLayout, smooth } from './lineChart';

describe('lineChartLayout', () => {
  it('maps points into the inner box and makes one path per series', () => {
    const layout = lineChartLayout([{ id: 'a', points: [[0, 1], [10, 0]] }, { id: 'b', points: [[0, 0.5], [10, 0.25]] }], 200, 100);
    expect(layout.paths.map((p) => p.id)).toEqual(['a', 'b']);
    expect(layout.paths[0].d).toMatch(/^M40,8L192,80$/);
    expect(layout.xTicks.length).toBeGreaterThan(1);
  });
  it('smooths with an EMA and skips non-finite values', () => {
    expect(smooth([1, 1, NaN, 1])).toEqual([1, 1, 1, 1]);
  });
});
