import { lutIndex } from './colorRamp';

/** Where each channel's tile sits on the canvas, in canvas pixels. */
export interface GridLayout {
  /** Channels drawn (at most `maxTiles`). */
  tiles: number;
  columns: number;
  rows: number;
  /** Pixels per feature-map cell (nearest-neighbour magnification). */
  scale: number;
  tileWidth: number;
  tileHeight: number;
  gap: number;
  width: number;
  height: number;
}

/**
 * Lays out `channels` tiles of h×w maps: each cell magnified to about `targetTile` pixels per tile side
 * (integer factor, so cells stay crisp), as many columns as fit in `maxWidth`.
 */
export function gridLayout(channels: number, h: number, w: number, o: { targetTile?: number; maxWidth?: number; gap?: number; maxTiles?: number } = {}): GridLayout {
  const gap = o.gap ?? 4;
  const tiles = Math.max(0, Math.min(channels, o.maxTiles ?? 64));
  const scale = Math.max(1, Math.floor((o.targetTile ?? 56) / Math.max(h, w)));
  const tileWidth = w * scale;
  const tileHeight = h * scale;
  const fit = Math.max(1, Math.floor(((o.maxWidth ?? 640) + gap) / (tileWidth + gap)));
  const columns = Math.max(1, Math.min(tiles, fit));
  const rows = Math.ceil(tiles / columns);
  return { tiles, columns, rows, scale, tileWidth, tileHeight, gap, width: columns * (tileWidth + gap) - gap, height: Math.max(0, rows * (tileHeight + gap) - gap) };
}

/** Top-left corner of tile `i`. */
export function tileOrigin(layout: GridLayout, i: number): { x: number; y: number } {
  return { x: (i % layout.columns) * (layout.tileWidth + layout.gap), y: Math.floor(i / layout.columns) * (layout.tileHeight + layout.gap) };
}

/**
 * The feature-map cell under canvas pixel (px, py) of a grid of h×w tiles: row y, column x, channel c;
 * null in a gap or outside the drawn tiles.
 */
export function cellAt(layout: GridLayout, h: number, w: number, px: number, py: number): { y: number; x: number; c: number } | null {
  const col = Math.floor(px / (layout.tileWidth + layout.gap));
  const row = Math.floor(py / (layout.tileHeight + layout.gap));
  const c = row * layout.columns + col;
  if (px < 0 || py < 0 || col >= layout.columns || c >= layout.tiles) return null;
  const x = Math.floor((px - col * (layout.tileWidth + layout.gap)) / layout.scale);
  const y = Math.floor((py - row * (layout.tileHeight + layout.gap)) / layout.scale);
  return x < w && y < h ? { y, x, c } : null;
}

/**
 * The cell a key moves to in a grid of `tiles` maps of h × w: arrows move within the map (stopping at its
 * edges), Page Up / Page Down go to the previous / next map at the same position, Home / End to the first
 * / last cell of the map. Null for any other key.
 */
export function moveCell(cell: { y: number; x: number; c: number }, key: string, h: number, w: number, tiles: number): { y: number; x: number; c: number } | null {
  const clamp = (v: number, hi: number) => Math.max(0, Math.min(hi, v));
  switch (key) {
    case 'ArrowUp': return { ...cell, y: clamp(cell.y - 1, h - 1) };
    case 'ArrowDown': return { ...cell, y: clamp(cell.y + 1, h - 1) };
    case 'ArrowLeft': return { ...cell, x: clamp(cell.x - 1, w - 1) };
    case 'ArrowRight': return { ...cell, x: clamp(cell.x + 1, w - 1) };
    case 'PageUp': return { ...cell, c: clamp(cell.c - 1, tiles - 1) };
    case 'PageDown': return { ...cell, c: clamp(cell.c + 1, tiles - 1) };
    case 'Home': return { ...cell, y: 0, x: 0 };
    case 'End': return { ...cell, y: h - 1, x: w - 1 };
    default: return null;
  }
}

function fillBlock(rgba: Uint8ClampedArray, width: number, x0: number, y0: number, size: number, r: number, g: number, b: number): void {
  for (let dy = 0; dy < size; dy++) {
    let p = ((y0 + dy) * width + x0) * 4;
    for (let dx = 0; dx < size; dx++, p += 4) {
      rgba[p] = r;
      rgba[p + 1] = g;
      rgba[p + 2] = b;
      rgba[p + 3] = 255;
    }
  }
}

/**
 * Paints activations [H, W, C] (channels-last) as a grid of tiles, one per channel, each cell coloured
 * by `lut` over one shared [min, max] (so channels compare). Returns RGBA for an ImageData of
 * layout.width × layout.height; gaps stay transparent.
 */
export function paintFeatureGrid(values: Float32Array, [h, w, c]: readonly [number, number, number], layout: GridLayout, lut: Uint8Array, min: number, max: number): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(layout.width * layout.height * 4);
  const index = lutIndex(min, max);
  for (let k = 0; k < layout.tiles; k++) {
    const { x, y } = tileOrigin(layout, k);
    for (let row = 0; row < h; row++) {
      for (let col = 0; col < w; col++) {
        const j = index(values[(row * w + col) * c + k]) * 3;
        fillBlock(rgba, layout.width, x + col * layout.scale, y + row * layout.scale, layout.scale, lut[j], lut[j + 1], lut[j + 2]);
      }
    }
  }
  return rgba;
}

/**
 * Paints convolution kernels [kh, kw, cin, cout] as small images, one per output channel, each
 * stretched over its own min..max (as filter pictures usually are): RGB when cin = 3, grey otherwise
 * (the mean over input channels when cin ≠ 1, 3).
 */
export function paintFilters(values: Float32Array, [kh, kw, cin, cout]: readonly [number, number, number, number], layout: GridLayout): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(layout.width * layout.height * 4);
  const planes = cin === 3 ? 3 : 1;
  const at = (y: number, x: number, i: number, o: number) => values[((y * kw + x) * cin + i) * cout + o];
  const pixel = new Float32Array(kh * kw * planes);
  for (let o = 0; o < layout.tiles; o++) {
    for (let y = 0; y < kh; y++) {
      for (let x = 0; x < kw; x++) {
        if (planes === 3) for (let i = 0; i < 3; i++) pixel[(y * kw + x) * 3 + i] = at(y, x, i, o);
        else {
          let sum = 0;
          for (let i = 0; i < cin; i++) sum += at(y, x, i, o);
          pixel[y * kw + x] = sum / cin;
        }
      }
    }
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of pixel) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const norm = (v: number) => (hi > lo ? ((v - lo) / (hi - lo)) * 255 : 128);
    const { x: ox, y: oy } = tileOrigin(layout, o);
    for (let p = 0; p < kh * kw; p++) {
      const [r, g, b] = planes === 3 ? [pixel[p * 3], pixel[p * 3 + 1], pixel[p * 3 + 2]] : [pixel[p], pixel[p], pixel[p]];
      fillBlock(rgba, layout.width, ox + (p % kw) * layout.scale, oy + Math.floor(p / kw) * layout.scale, layout.scale, norm(r), norm(g), norm(b));
    }
  }
  return rgba;
}

/** A heat map [h, w] in [0, 1] as RGBA (h × w): colour from `lut`, opacity rising with heat so cold areas show the image. */
export function heatRgba(heat: Float32Array, lut: Uint8Array, maxAlpha = 0.6): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(heat.length * 4);
  for (let i = 0; i < heat.length; i++) {
    const v = Math.min(1, Math.max(0, heat[i]));
    const j = Math.round(v * 255) * 3;
    rgba.set([lut[j], lut[j + 1], lut[j + 2], Math.round(255 * maxAlpha * Math.sqrt(v))], i * 4);
  }
  return rgba;
}
