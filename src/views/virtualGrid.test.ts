import { describe, expect, it } from 'vitest';
import { cellPosition, virtualGridWindow } from './virtualGrid';

describe('virtualGridWindow', () => {
  it('renders only the visible rows (plus one of overscan) of 2,000 items', () => {
    const w = virtualGridWindow(2000, 560, 120, 0, 56);
    expect(w.columns).toBe(10);
    expect(w.totalHeight).toBe(200 * 56);
    expect([w.start, w.end]).toEqual([0, 40]); // rows 0–2 visible + 1 overscan
    const mid = virtualGridWindow(2000, 560, 120, 56 * 100, 56);
    expect([mid.start, mid.end]).toEqual([990, 1040]);
    expect(mid.end - mid.start).toBeLessThan(60);
  });

  it('clamps at the ends and handles tiny widths', () => {
    expect(virtualGridWindow(5, 560, 400, 0, 56)).toEqual({ columns: 10, totalHeight: 56, start: 0, end: 5 });
    expect(virtualGridWindow(3, 10, 100, 0, 56).columns).toBe(1);
    expect(virtualGridWindow(0, 560, 100, 0, 56)).toEqual({ columns: 10, totalHeight: 0, start: 0, end: 0 });
    expect(cellPosition(13, 10, 56)).toEqual({ left: 168, top: 56 });
  });
});
