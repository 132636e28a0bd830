import { lineChartLayout, smooth, type Series } from '../views/lineChart';
import { fill, useLocaleFormat } from './i18n/format';
import { useMessages } from './i18n/index';
import { trainingMessages } from './i18n/training';
import type { BatchPoint, EpochPoint } from './useTrainingEngine';
import { ChartTicks } from './ChartTicks';

// Both reach 4.5:1 on white, as the legend text in the caption uses them too.
const COLORS: Record<string, string> = { train: '#1f6feb', 'train-smooth': '#1f6feb', val: '#c2410c' };

interface Props {
  title: string;
  metric: 'loss' | 'accuracy';
  batches: readonly BatchPoint[];
  epochs: readonly EpochPoint[];
  batchesPerEpoch: number;
}

/** Training (per batch, smoothed) and validation (per epoch) curves, x in epochs. D3 maths, React SVG. */
export function CurvesChart({ title, metric, batches, epochs, batchesPerEpoch }: Props) {
  const t = useMessages(trainingMessages);
  const f = useLocaleFormat();
  const width = 360;
  const height = 170;
  const per = Math.max(1, batchesPerEpoch);
  const values = smooth(batches.map((b) => b[metric]), 0.15);
  const series: Series[] = [
    { id: 'train-smooth', points: values.map((v, i) => [(batches[i].step) / per, v] as const) },
    { id: 'val', points: epochs.filter((e) => (metric === 'loss' ? e.valLoss : e.valAccuracy) !== null).map((e) => [e.epoch, (metric === 'loss' ? e.valLoss : e.valAccuracy) as number] as const) },
  ];
  const layout = lineChartLayout(series, width, height, metric === 'accuracy' ? [0, 1] : undefined);
  const last = values.at(-1);
  const lastVal = series[1].points.at(-1)?.[1];
  const summary = fill(t('chartSummary'), { title, train: last !== undefined ? f.fixed(last, 4) : '–', val: lastVal !== undefined ? f.fixed(lastVal, 4) : '–' });
  return (
    <figure className="chart" data-testid={`chart-${metric}`}>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={summary}>
        <ChartTicks inner={layout.inner} xTicks={layout.xTicks} yTicks={layout.yTicks} height={height} />
        {layout.paths.map((p) => (
          <path key={p.id} d={p.d} fill="none" stroke={COLORS[p.id]} strokeWidth={p.id === 'val' ? 2 : 1.5} data-series={p.id} />
        ))}
        {series[1].points.map(([x, y]) => (
          <circle key={x} r={3} fill={COLORS.val} cx={layout.xAt(x)} cy={layout.yAt(y)} />
        ))}
      </svg>
      <figcaption>
        {title} — <span style={{ color: COLORS.train }}>{t('training')}</span> / <span style={{ color: COLORS.val }}>{t('validation')}</span>. {summary}
      </figcaption>
    </figure>
  );
}
