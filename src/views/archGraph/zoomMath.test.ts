import { describe, expect, it } from 'vitest';
import { clampPan, fitTransform, frameBox, IDENTITY, panBy, revealBox, ZOOM, zoomAt } from './zoomMath';

const toScreen = (t: { k: number; x: number; y: number }, gx: number, gy: number) => [gx * t.k + t.x, gy * t.k + t.y];

describe('zoom and pan maths', () => {
  it('zooming about a point keeps that point still, and clamps the scale', () => {
    const t = zoomAt({ k: 1, x: 10, y: 20 }, 2, 300, 100);
    const graphPoint = [(300 - 10) / 1, (100 - 20) / 1];
    expect(toScreen(t, graphPoint[0], graphPoint[1])).toEqual([300, 100]);
    expect(zoomAt(IDENTITY, 1e6, 0, 0).k).toBe(ZOOM.max);
    expect(zoomAt(IDENTITY, 1e-6, 0, 0).k).toBe(ZOOM.min);
  });

  it('fits a small graph whole and centred', () => {
    const bounds = { x: -20, y: -100, width: 400, height: 200 };
    const t = fitTransform(bounds, 800, 400);
    expect(t.k).toBe(ZOOM.maxFit);
    const [x0] = toScreen(t, bounds.x, bounds.y);
    const [x1] = toScreen(t, bounds.x + bounds.width, 0);
    expect(x0).toBeCloseTo(800 - x1, 6);
  });

  it('opens a very long graph (ResNet-152) readable at its input end', () => {
    const bounds = { x: -24, y: -150, width: 12_600, height: 300 };
    const t = fitTransform(bounds, 900, 380);
    expect(t.k).toBe(ZOOM.minReadable);
    expect(toScreen(t, bounds.x, 0)[0]).toBeCloseTo(0, 6);
  });

  it('panning keeps part of the graph in view', () => {
    const bounds = { x: 0, y: 0, width: 1000, height: 100 };
    const t = clampPan(panBy(IDENTITY, -1e6, 1e6), bounds, 500, 300);
    const [right] = toScreen(t, 1000, 0);
    const [, top] = toScreen(t, 0, 0);
    expect(right).toBeGreaterThanOrEqual(ZOOM.keep - 1e-9);
    expect(top).toBeLessThanOrEqual(300 - ZOOM.keep + 1e-9);
  });

  it('reveals a block that is off screen with the smallest pan', () => {
    const t = revealBox(IDENTITY, { x: 2000, y: 50, width: 40, height: 40 }, 800, 400, 20);
    expect(t.x).toBe(800 - 20 - 2040);
    expect(t.y).toBe(0);
    expect(revealBox(IDENTITY, { x: 100, y: 100, width: 10, height: 10 }, 800, 400)).toBe(IDENTITY);
  });

  it('frames a box taller than the view by zooming out until it fits', () => {
    const box = { x: 100, y: -200, width: 300, height: 400 };
    const t = frameBox(IDENTITY, box, 800, 300, 20);
    expect(t.k).toBeCloseTo((300 - 40) / 400, 9);
    const [x0, y0] = toScreen(t, box.x, box.y);
    const [x1, y1] = toScreen(t, box.x + box.width, box.y + box.height);
    expect(x0).toBeGreaterThanOrEqual(20 - 1e-9);
    expect(x1).toBeLessThanOrEqual(780 + 1e-9);
    expect(y0).toBeGreaterThanOrEqual(20 - 1e-9);
    expect(y1).toBeLessThanOrEqual(280 + 1e-9);
  });
});
