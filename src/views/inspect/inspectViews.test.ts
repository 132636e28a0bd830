import { describe, expect, it } from 'vitest';
import { HEAT_LUT, lutIndex, VIRIDIS_LUT } from './colorRamp';
import { depthErrorChart, gradientNormsChart, logTicks } from './depthCharts';
import { gridLayout, heatRgba, paintFeatureGrid, paintFilters, tileOrigin } from './featureGrid';

describe('colour ramps', () => {
  it('run from viridis purple to yellow and clamp out-of-range values', () => {
    expect(Array.from(VIRIDIS_LUT.slice(0, 3))).toEqual([68, 1, 84]);
    expect(Array.from(VIRIDIS_LUT.slice(255 * 3))).toEqual([253, 231, 37]);
    const at = lutIndex(-1, 3);
    expect([at(-5), at(-1), at(1), at(3), at(9)]).toEqual([0, 0, 128, 255, 255]);
    expect(lutIndex(2, 2)(2)).toBe(0);
    expect(HEAT_LUT).toHaveLength(768);
  });
});

describe('feature-map grid', () => {
  it('lays 6 LeNet-5 maps of 28×28 out at 2× in rows that fit the width', () => {
    const g = gridLayout(6, 28, 28, { targetTile: 56, maxWidth: 200, gap: 4 });
    expect(g).toMatchObject({ tiles: 6, scale: 2, tileWidth: 56, columns: 3, rows: 2, width: 3 * 56 + 2 * 4, height: 2 * 56 + 4 });
    expect(tileOrigin(g, 4)).toEqual({ x: 60, y: 60 });
    expect(gridLayout(512, 7, 7, { maxTiles: 64 }).tiles).toBe(64);
  });

  it('paints each channel into its own tile with the shared colour scale', () => {
    // [2, 2, 2]: channel 0 is all min, channel 1 runs to max.
    const values = Float32Array.from([0, 0, 0, 1, 0, 2, 0, 4]);
    const g = gridLayout(2, 2, 2, { targetTile: 2, gap: 1, maxWidth: 100 });
    const rgba = paintFeatureGrid(values, [2, 2, 2], g, VIRIDIS_LUT, 0, 4);
    const px = (x: number, y: number) => Array.from(rgba.slice((y * g.width + x) * 4, (y * g.width + x) * 4 + 4));
    expect(px(0, 0)).toEqual([68, 1, 84, 255]);
    expect(px(1, 1)).toEqual([68, 1, 84, 255]);
    expect(px(2, 0)).toEqual([0, 0, 0, 0]); // the gap
    expect(px(4, 1)).toEqual([253, 231, 37, 255]); // channel 1 at (1, 1) = 4 = max
  });

  it('draws RGB filters stretched over their own range and grey ones for one input channel', () => {
    const rgb = Float32Array.from({ length: 1 * 1 * 3 * 2 }, (_, i) => i); // [1, 1, 3, 2]
    const g = gridLayout(2, 1, 1, { targetTile: 1, gap: 0 });
    const out = paintFilters(rgb, [1, 1, 3, 2], g);
    expect(Array.from(out.slice(0, 4))).toEqual([0, 128, 255, 255]); // filter 0: r=0, g=2, b=4
    const grey = paintFilters(Float32Array.from([1, -1]), [1, 2, 1, 1], gridLayout(1, 1, 2, { targetTile: 2 }));
    expect(Array.from(grey.slice(0, 8))).toEqual([255, 255, 255, 255, 0, 0, 0, 255]);
  });

  it('makes a cold heat map transparent and a hot one opaque-ish', () => {
    const rgba = heatRgba(Float32Array.from([0, 1]), HEAT_LUT, 0.6);
    expect(rgba[3]).toBe(0);
    expect(rgba[7]).toBe(153);
  });
});

describe('depth experiment charts', () => {
  it('places one point per depth on each curve, error on a 0–1 axis', () => {
    const chart = depthErrorChart(
      [
        { id: 'plain', points: [[8, 0.3], [20, 0.5], [32, 0.6]] },
        { id: 'residual', points: [[8, 0.3], [20, 0.25], [32, 0.2]] },
      ],
      300,
      200,
    );
    expect(chart.series.map((s) => s.points.length)).toEqual([3, 3]);
    expect(chart.xTicks.map((t) => t.label)).toEqual(['8', '20', '32']);
    expect(chart.series[0].d).toMatch(/^M[\d.]+,[\d.]+L/);
    // Higher error is higher on screen (smaller y).
    expect(chart.series[0].points[2].y).toBeLessThan(chart.series[1].points[2].y);
  });

  it('puts gradient norms on a log axis, one point per layer, skipping zeros', () => {
    const chart = gradientNormsChart([{ id: 'plain', norms: [1, 0.1, 0.01, 0] }, { id: 'residual', norms: [1, 0.5, 0.4, 0.3] }], 300, 200);
    const [plain, residual] = chart.series;
    expect(plain.points).toHaveLength(3);
    expect(residual.points).toHaveLength(4);
    // Equal ratios are equal distances on a log scale.
    expect(plain.points[1].y - plain.points[0].y).toBeCloseTo(plain.points[2].y - plain.points[1].y, 6);
    expect(chart.yTicks.length).toBeGreaterThanOrEqual(2);
  });

  it('labels a log axis with decades, or 1-2-5 steps when the range is narrow', () => {
    expect(logTicks([0.0004, 2])).toEqual([0.001, 0.01, 0.1, 1]);
    expect(logTicks([0.25, 3])).toEqual([0.5, 1, 2]);
  });
});
