import { useEffect, useId, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useMessages } from './i18n/index';
import { trainingMessages } from './i18n/training';
import { penKey, startPen, type Pen } from '../views/penKeys';

/** Pad size in canvas pixels (drawn at 140 CSS px). */
export const PAD_SIZE = 192;
const SHOWN = 140;
const BRUSH = 18;

/** What the predict panel does with the pad. */
export interface DrawPadHandle {
  canvas: () => HTMLCanvasElement | null;
  clear: () => void;
}

/**
 * A black pad to draw a digit on in white: with a mouse, a finger or the keyboard (arrow keys move a
 * visible pen, Space lowers or lifts it, Delete clears), so the drawing test needs no pointer.
 */
export function DrawPad({ handle }: { handle: Ref<DrawPadHandle> }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<[number, number] | null>(null);
  const [pen, setPen] = useState<Pen>(() => startPen(PAD_SIZE));
  const [focused, setFocused] = useState(false);
  const hintId = useId();
  const t = useMessages(trainingMessages);

  const clear = () => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, PAD_SIZE, PAD_SIZE);
  };
  useImperativeHandle(handle, () => ({
    canvas: () => canvas.current,
    clear: () => {
      clear();
      setPen((p) => ({ ...p, down: false })); // as Delete does: a fresh start, pen lifted
    },
  }), []);
  useEffect(clear, []);

  /** A round-capped white stroke (a dot when both ends meet). */
  const stroke = (x0: number, y0: number, x1: number, y1: number) => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = BRUSH;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.stroke();
  };

  const padPoint = (e: React.PointerEvent<HTMLCanvasElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - r.left) / r.width) * PAD_SIZE, ((e.clientY - r.top) / r.height) * PAD_SIZE];
  };

  const scale = SHOWN / PAD_SIZE;
  return (
    <div className="draw-pad">
      <div className="draw-pad-surface" style={{ width: SHOWN, height: SHOWN }}>
        <canvas
          ref={canvas}
          width={PAD_SIZE}
          height={PAD_SIZE}
          style={{ width: SHOWN, height: SHOWN }}
          tabIndex={0}
          role="application"
          aria-label={t('drawPad')}
          aria-describedby={hintId}
          data-testid="draw-pad"
          onPointerDown={(e) => {
            const p = padPoint(e);
            last.current = p;
            stroke(p[0], p[1], p[0], p[1]);
          }}
          onPointerMove={(e) => {
            if (!last.current) return;
            const p = padPoint(e);
            stroke(last.current[0], last.current[1], p[0], p[1]);
            last.current = p;
          }}
          onPointerUp={() => (last.current = null)}
          onPointerLeave={() => (last.current = null)}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onKeyDown={(e) => {
            const action = penKey(pen, e.key, e.shiftKey, PAD_SIZE);
            if (action.kind === 'none') return;
            e.preventDefault(); // arrows and Space would scroll the page
            if (action.kind === 'clear') clear();
            if (action.kind === 'toggle' && action.pen.down) stroke(pen.x, pen.y, pen.x, pen.y);
            if (action.kind === 'move' && action.stroke) stroke(...action.stroke);
            setPen(action.pen);
          }}
        />
        {focused && (
          <span
            className={`draw-pad-pen${pen.down ? ' down' : ''}`}
            aria-hidden="true"
            data-testid="draw-pad-pen"
            style={{ left: pen.x * scale, top: pen.y * scale, width: BRUSH * scale, height: BRUSH * scale }}
          />
        )}
      </div>
      <p id={hintId} className="hint">
        {t('drawKeys')} <span role="status">{focused ? t(pen.down ? 'penDown' : 'penUp') : ''}</span>
      </p>
    </div>
  );
}
