import { useEffect, useRef } from 'react';
import type { FeatureMaps } from '../../engine/inspect/inspectProtocol';
import { useWorker } from '../engineContext';
import { fill, useLocaleFormat } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { workspaceMessages } from '../i18n/workspace';
import { paintNetworkInput } from '../inspect/networkInput';
import { useThrottledFetch } from '../inspect/useThrottledFetch';

const SIZE = 160;
const DIGITS = 6;

interface Props {
  layer: string;
  cell: { y: number; x: number; c: number };
  testIndex: number;
  /** The feature maps the cell was clicked on (their value at the cell is what the sum must give). */
  maps: FeatureMaps;
  /** Changes when the weights change (training): the arithmetic is fetched again. */
  refresh: string;
}

/**
 * CNN Explainer's lesson on the user's own network: one feature-map cell's receptive field on the input,
 * and its arithmetic — Σ kernel × patch, + bias, then the activation (or a pool's max/mean) — with the
 * live weights, computed in the worker.
 */
export function CellArithmeticView({ layer, cell, testIndex, maps, refresh }: Props) {
  const t = useMessages(workspaceMessages);
  const f = useLocaleFormat();
  const { say } = t;
  const inspect = useWorker()?.inspect ?? null;
  const key = inspect ? `${refresh}|${layer}|${cell.y},${cell.x},${cell.c}` : null;
  const fetched = useThrottledFetch(key, () => (inspect ? inspect.cellArithmetic({ layer, image: { testIndex }, ...cell }) : Promise.reject(new Error('no worker'))), 500);
  const a = fetched.data && fetched.data.layer === layer && fetched.data.cell.y === cell.y && fetched.data.cell.x === cell.x && fetched.data.cell.c === cell.c ? fetched.data : null;
  const [, w, c] = maps.shape;
  const shownValue = maps.values[(cell.y * w + cell.x) * c + cell.c];
  const canvas = useRef<HTMLCanvasElement>(null);
  const image = maps.image;
  useEffect(() => {
    if (!a || !image || !canvas.current) return;
    const el = canvas.current;
    paintNetworkInput(el, image.pixels, image.shape, a.inputShape, SIZE);
    const ctx = el.getContext('2d');
    if (!ctx) return;
    const sx = SIZE / a.inputShape[1];
    const sy = SIZE / a.inputShape[0];
    const r = a.receptiveField;
    ctx.strokeStyle = '#ff9f1c';
    ctx.lineWidth = 2;
    ctx.strokeRect(r.x0 * sx + 1, r.y0 * sy + 1, (r.x1 - r.x0 + 1) * sx - 2, (r.y1 - r.y0 + 1) * sy - 2);
  }, [a, image]);
  const n = (v: number) => f.fixed(v, DIGITS);
  return (
    <div className="cell-explain">
      <h3>{fill(t('cellHeading'), { layer, y: cell.y, x: cell.x, c: cell.c })}</h3>
      {fetched.error && (
        <p className="error" role="alert">
          {say(fetched.error)}
        </p>
      )}
      {a && (
        <>
          <figure className="inspect-figure" data-testid="receptive-field" data-y0={a.receptiveField.y0} data-y1={a.receptiveField.y1} data-x0={a.receptiveField.x0} data-x1={a.receptiveField.x1}>
            <canvas ref={canvas} width={SIZE} height={SIZE} className="pixelated" role="img" aria-label={fill(t('receptiveField'), a.receptiveField)} />
            <figcaption>{fill(t('receptiveField'), a.receptiveField)}</figcaption>
          </figure>
          <div className="cell-arithmetic" data-testid="cell-arithmetic" data-sum={a.sum} data-bias={a.bias} data-result={a.result} data-cell-value={shownValue}>
            {a.kind === 'conv2d' ? (
              <>
                <p>{t('cellTerms')}</p>
                <ul className="cell-terms">
                  {a.terms.map((term) => (
                    <li key={`${term.u},${term.v},${term.channel}`}>
                      w[{term.u},{term.v},{term.channel}] {n(term.weight)} × {n(term.input)} = {n(term.weight * term.input)}
                    </li>
                  ))}
                </ul>
                <p>
                  {fill(t('cellSum'), { sum: n(a.sum) })} <span className="hint">({a.count} × {a.kernel.join('×')})</span>
                </p>
                <p>{fill(t('cellBias'), { bias: n(a.bias), pre: n(a.preActivation) })}</p>
                <p>
                  <b data-testid="cell-result">{fill(t('cellActivation'), { activation: a.activation, pre: n(a.preActivation), value: n(a.result) })}</b>
                </p>
              </>
            ) : (
              <p>
                <b data-testid="cell-result">{fill(t('cellPool'), { op: t(a.kind === 'maxPool' ? 'poolMax' : 'poolMean'), n: a.count, value: n(a.result) })}</b>
              </p>
            )}
            <p data-testid="cell-value">{fill(t('cellShown'), { value: n(shownValue) })}</p>
          </div>
        </>
      )}
    </div>
  );
}
