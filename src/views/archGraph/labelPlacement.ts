import type { LayoutLabel } from './types';
import type { ZoomTransform } from './zoomMath';

/** On-screen label type sizes, in CSS pixels (constant at every zoom). */
export const LABEL_FONT = { name: 11, detail: 10 } as const;
/** Average advance of a character of the label font, as a share of its size (system sans, digits and ×). */
const ADVANCE = 0.6;
const LINE_GAP = 2;
/** Air kept between two labels and from the view's edge. */
const PAD = 4;

/** A label's place on screen: its centre x, the top of its text box, its size. */
export interface PlacedLabel {
  readonly index: number;
  readonly x: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The text box of a label on screen, in pixels (its width from the character count). */
export function labelSize(label: Pick<LayoutLabel, 'text' | 'detail'>): { width: number; height: number } {
  const name = label.text.length * LABEL_FONT.name * ADVANCE;
  const detail = label.detail ? label.detail.length * LABEL_FONT.detail * ADVANCE : 0;
  return {
    width: Math.max(name, detail),
    height: LABEL_FONT.name + (label.detail ? LINE_GAP + LABEL_FONT.detail : 0),
  };
}

/**
 * Which labels to show at zoom/pan `t` in a view of `width` × `height` pixels, and where: each hangs below
 * its anchor (above it for an auxiliary classifier's name), centred on its x (nudged inward at the view's
 * edges), on the first of two staggered lines where it is clear of every label shown before it, within
 * the view and the room its row leaves. Rank 0 labels (shape changes, stage openings) claim room first,
 * then left to right — as a map drops town names before cities when zoomed out.
 */
export function placeLabels(
  labels: readonly LayoutLabel[],
  t: ZoomTransform,
  width: number,
  height: number,
  /** Measured text boxes (the browser's font), index for index; estimated from the character count if absent. */
  sizes?: readonly { width: number; height: number }[],
): PlacedLabel[] {
  const order = labels
    .map((l, index) => ({ l, index }))
    .filter(({ l }) => l.anchorY !== undefined)
    .sort((a, b) => (a.l.rank ?? 0) - (b.l.rank ?? 0) || a.l.x - b.l.x);
  const shown: PlacedLabel[] = [];
  const clear = (b: PlacedLabel) =>
    !shown.some((s) => Math.abs(s.x - b.x) < (s.width + b.width) / 2 + PAD && b.top < s.top + s.height + 1 && s.top < b.top + b.height + 1);
  for (const { l, index } of order) {
    const size = sizes?.[index] ?? labelSize(l);
    const anchorX = l.x * t.k + t.x;
    if (anchorX < 0 || anchorX > width || size.width + 2 * PAD > width) continue;
    const x = Math.min(width - PAD - size.width / 2, Math.max(PAD + size.width / 2, anchorX));
    const anchor = (l.anchorY as number) * t.k + t.y;
    const limit = Math.min(height, l.room !== undefined ? anchor + l.room * t.k : Infinity);
    const tops = l.above ? [anchor - 3 - size.height] : [anchor + 3, anchor + 3 + size.height + LINE_GAP];
    for (const top of tops) {
      const box = { index, x, top, width: size.width, height: size.height };
      if (top < 0 || top + size.height > limit) continue;
      if (clear(box)) {
        shown.push(box);
        break;
      }
    }
  }
  return shown;
}
