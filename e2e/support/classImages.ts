/**
 * Test images for the uploads specs: small seeded class pictures a network can tell apart, and the
 * class list's counts as the page shows them.
 */
import type { Page } from '@playwright/test';
import { pngBytes } from '../../src/data/uploads/testing/imageBytes';

type Rgb = [number, number, number];

/** A seeded RNG so the generated images are the same on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Class pictures a small network can tell apart: a red disc, a blue square, green stripes, a yellow leaf (ellipse). */
export const DRAW: Record<string, (r: () => number) => (x: number, y: number) => Rgb> = {
  circles: (r) => {
    const cx = 16 + r() * 16, cy = 14 + r() * 12, rad = 8 + r() * 6;
    return (x, y) => ((x - cx) ** 2 + (y - cy) ** 2 < rad * rad ? [220, 30, 30] : [245, 245, 240]);
  },
  squares: (r) => {
    const x0 = 6 + r() * 14, y0 = 4 + r() * 12, s = 14 + r() * 8;
    return (x, y) => (x >= x0 && x < x0 + s && y >= y0 && y < y0 + s ? [30, 60, 220] : [245, 245, 240]);
  },
  stripes: (r) => {
    const period = 6 + Math.floor(r() * 4), phase = Math.floor(r() * period);
    return (_x, y) => ((y + phase) % period < period / 2 ? [30, 160, 60] : [235, 250, 235]);
  },
  leaves: (r) => {
    const cx = 16 + r() * 16, cy = 16 + r() * 8;
    return (x, y) => (((x - cx) / 14) ** 2 + ((y - cy) / 7) ** 2 < 1 ? [200, 190, 20] : [90, 70, 50]);
  },
};

/** A 48×40 PNG of class `kind` (see DRAW), the same for the same seed. */
export function classPng(kind: string, seed: number): Buffer {
  const paint = DRAW[kind](rng(seed));
  return Buffer.from(pngBytes({ width: 48, height: 40, color: paint }));
}

/** Class name → image count, as the class list shows it. */
export async function classCounts(page: Page): Promise<Record<string, number>> {
  const rows = page.getByTestId('class-list').getByTestId('class-row');
  const out: Record<string, number> = {};
  for (const row of await rows.all()) out[(await row.getAttribute('data-class-name')) ?? '?'] = Number(await row.getByTestId('class-count').getAttribute('data-count'));
  return out;
}
