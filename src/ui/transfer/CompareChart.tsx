import type { ComparePoint } from '../../engine/transfer/transferProtocol';
import { lineChartLayout, type Series } from '../../views/lineChart';
import { ChartTicks } from '../ChartTicks';

/** From scratch in orange, transfer in blue (both ≥ 4.5:1 on white: the caption uses them as text colours). */
export const ARM_COLORS = { scratch: '#c2410c', transfer: '#1f6feb' } as const;

interface Props {
  title: string;
  metric: 'accuracy' | 'loss';
  scratch: readonly ComparePoint[];
  transfer: readonly ComparePoint[];
  labels: { scratch: string; transfer: string };
}

/** Test accuracy or loss of both arms after each epoch, on shared axes. D3 maths (views/lineChart), React SVG. */
export function CompareChart({ title, metric, scratch, transfer, labels }: Props) {
  const width = 340;
  const height = 170;
  const key = metric === 'accuracy' ? 'valAccuracy' : 'valLoss';
  const value = (p: ComparePoint) => p[key] ?? NaN;
  const series: Series[] = [
    { id: 'scratch', points: scratch.map((p) => [p.epoch, value(p)] as const) },
    { id: 'transfer', points: transfer.map((p) => [p.epoch, value(p)] as const) },
  ];
  const layout = lineChartLayout(series, width, height, metric === 'accuracy' ? [0, 1] : undefined);
  const last = (s: readonly ComparePoint[]) => (s.length ? value(s[s.length - 1]).toFixed(3) : '–');
  const summary = `${title}: ${labels.scratch} ${last(scratch)}, ${labels.transfer} ${last(transfer)}`;
  return (
    <figure className="chart" data-testid={`transfer-compare-chart-${metric}`}>
      <svg width={width} height={height} role="img" aria-label={summary}>
        <ChartTicks inner={layout.inner} xTicks={layout.xTicks} yTicks={layout.yTicks} height={height} />
        {layout.paths.map((p) => (
          <path key={p.id} d={p.d} fill="none" stroke={ARM_COLORS[p.id as 'scratch' | 'transfer']} strokeWidth={2} data-series={p.id} />
        ))}
      </svg>
      <figcaption>
        {title} — <span style={{ color: ARM_COLORS.scratch }}>{labels.scratch}</span> / <span style={{ color: ARM_COLORS.transfer }}>{labels.transfer}</span>
      </figcaption>
    </figure>
  );
}
