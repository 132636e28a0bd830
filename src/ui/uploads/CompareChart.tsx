import { lineChartLayout } from '../../views/lineChart';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { uploadsMessages } from '../i18n/uploads';

/** One epoch's accuracies of a comparison run. */
export interface ComparePoint {
  epoch: number;
  accuracy: number;
  valAccuracy: number | null;
}

const COLORS = { train: '#1f6feb', val: '#d9480f' } as const;

/** Training and validation accuracy per epoch of one run, on a fixed [0, 1] × [0, epochs] frame so two charts compare. */
export function CompareChart({ title, points, epochs, testId }: { title: string; points: readonly ComparePoint[]; epochs: number; testId: string }) {
  const t = useMessages(uploadsMessages);
  const width = 340;
  const height = 180;
  const train = points.map((p) => [p.epoch, p.accuracy] as const);
  const val = points.filter((p) => p.valAccuracy !== null).map((p) => [p.epoch, p.valAccuracy as number] as const);
  // An invisible frame series pins the x axis to 0..epochs, so both runs' charts share their scales.
  const layout = lineChartLayout([{ id: 'frame', points: [[0, 0], [Math.max(1, epochs), 0]] }, { id: 'train', points: train }, { id: 'val', points: val }], width, height, [0, 1]);
  const last = points.at(-1);
  const summary = fill(t('chartSummary'), { run: title, train: last ? last.accuracy.toFixed(3) : '–', val: last?.valAccuracy != null ? last.valAccuracy.toFixed(3) : '–' });
  return (
    <figure className="chart" data-testid={testId}>
      <svg width={width} height={height} role="img" aria-label={summary}>
        {layout.yTicks.map((tick) => (
          <g key={`y${tick.y}`}>
            <line x1={layout.inner.left} x2={layout.inner.left + layout.inner.width} y1={tick.y} y2={tick.y} stroke="#eceef1" />
            <text x={layout.inner.left - 4} y={tick.y + 3} textAnchor="end">{tick.label}</text>
          </g>
        ))}
        {layout.xTicks.map((tick) => <text key={`x${tick.x}`} x={tick.x} y={height - 5} textAnchor="middle">{tick.label}</text>)}
        {layout.paths.filter((p) => p.id !== 'frame').map((p) => (
          <path key={p.id} d={p.d} fill="none" stroke={COLORS[p.id as 'train' | 'val']} strokeWidth={2} data-series={p.id} />
        ))}
        {val.map(([x, y]) => <circle key={x} r={3} fill={COLORS.val} cx={layout.xAt(x)} cy={layout.yAt(y)} />)}
      </svg>
      <figcaption>
        <b>{title}</b> — <span style={{ color: COLORS.train }}>{t('trainAcc')}</span> / <span style={{ color: COLORS.val }}>{t('valAcc')}</span>
      </figcaption>
    </figure>
  );
}
