import { forwardRef, memo, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { LABEL_FONT, labelSize, placeLabels, type LayoutLabel, type ZoomTransform } from '../../views/archGraph/index';
import { INK, MUTED } from './graphColors';

/** The graph's font (ArchGraphPanel's svg sets it). */
export const GRAPH_FONT = "system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Noto Sans JP', sans-serif";

/** Each label's text box in the graph's font, measured on a canvas (no layout); estimated without one. */
function measureLabels(labels: readonly LayoutLabel[], scale: number): { width: number; height: number }[] {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  return labels.map((l) => {
    const estimate = labelSize(l);
    if (!ctx) return { width: estimate.width * scale, height: estimate.height * scale };
    ctx.font = `${LABEL_FONT.name * scale}px ${GRAPH_FONT}`;
    const name = ctx.measureText(l.text).width;
    ctx.font = `${LABEL_FONT.detail * scale}px ${GRAPH_FONT}`;
    const detail = l.detail ? ctx.measureText(l.detail).width : 0;
    return { width: Math.ceil(Math.max(name, detail)) + 2, height: estimate.height * scale };
  });
}

export interface ScreenLabelsHandle {
  /** Shows the labels that have room at zoom/pan `t` in a `width` × `height` view, and moves them there. */
  update(t: ZoomTransform, width: number, height: number): void;
}

interface Props {
  labels: readonly LayoutLabel[];
  /** Type size relative to 16 px (the page's root size: 1.35 in the presentation layout). */
  scale?: number;
}

/**
 * The graph's labels (name; layer kind and output shape) in screen pixels over the zoomed marks: 11 and
 * 10 px at every zoom, so they read at Fit even for ResNet-152; those without room are hidden (each block's
 * tooltip and the details line still name it). Rendered once per layout, moved imperatively on zoom/pan.
 */
export const ScreenLabels = memo(
  forwardRef<ScreenLabelsHandle, Props>(function ScreenLabels({ labels, scale = 1 }, ref) {
    const groupRef = useRef<SVGGElement>(null);
    const labelsRef = useRef(labels);
    const sizes = useMemo(() => measureLabels(labels, scale), [labels, scale]);
    const sizesRef = useRef(sizes);
    // A child's effects run before its parent's: the graph's framing effect then places these labels.
    useEffect(() => {
      labelsRef.current = labels;
      sizesRef.current = sizes;
    }, [labels, sizes]);
    useImperativeHandle(ref, () => ({
      update(t, width, height) {
        const group = groupRef.current;
        if (!group) return;
        const texts = group.querySelectorAll<SVGTextElement>('[data-testid="graph-label"]');
        const placed = placeLabels(labelsRef.current, t, width, height, sizesRef.current);
        const shown = new Map(placed.map((p) => [p.index, p]));
        texts.forEach((el, i) => {
          const p = shown.get(i);
          if (p) {
            el.setAttribute('transform', `translate(${p.x.toFixed(1)},${p.top.toFixed(1)})`);
            el.removeAttribute('display');
            el.setAttribute('data-shown', 'true');
          } else {
            el.setAttribute('display', 'none');
            el.removeAttribute('data-shown');
          }
        });
      },
    }));
    return (
      <g ref={groupRef} data-screen-labels aria-hidden="true" pointerEvents="none">
        {labels.map((l, i) => (
          <text key={`${l.text}${i}`} data-testid="graph-label" display="none" textAnchor="middle" paintOrder="stroke" stroke="#ffffff" strokeWidth={3} strokeLinejoin="round">
            <tspan x={0} y={(LABEL_FONT.name - 2) * scale} fontSize={LABEL_FONT.name * scale} fill={INK}>
              {l.text}
            </tspan>
            {l.detail ? (
              <tspan x={0} y={(LABEL_FONT.name + LABEL_FONT.detail) * scale} fontSize={LABEL_FONT.detail * scale} fill={MUTED}>
                {l.detail}
              </tspan>
            ) : null}
          </text>
        ))}
      </g>
    );
  }),
);
