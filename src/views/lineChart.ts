import { extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

/** One polyline of a chart: (x, y) points, in data units. */
export interface Series {
  id: string;
  points: readonly (readonly [number, number])[];
}

export interface ChartLayout {
  paths: { id: string; d: string }[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  inner: { left: number; top: number; width: number; height: number };
  /** Data → pixel, for point marks. */
  xAt: (x: number) => number;
  yAt: (y: number) => number;
}

/**
 * D3 maths for a line chart (scales, ticks, path strings); React draws the SVG. Series share the axes;
 * `yDomain` pins the y range (e.g. [0, 1] for accuracy).
 */
export function lineChartLayout(series: readonly Series[], width: number, height: number, yDomain?: readonly [number, number]): ChartLayout {
  const margin = { left: 40, right: 8, top: 8, bottom: 20 };
  const inner = { left: margin.left, top: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom };
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1])).filter(Number.isFinite);
  const [x0, x1] = extent(xs) as [number | undefined, number | undefined];
  const [y0, y1] = yDomain ?? (extent(ys) as [number | undefined, number | undefined]);
  const x = scaleLinear().domain([x0 ?? 0, x1 !== undefined && x1 > (x0 ?? 0) ? x1 : (x0 ?? 0) + 1]).range([inner.left, inner.left + inner.width]);
  const y = scaleLinear()
    .domain([Math.min(0, y0 ?? 0), y1 !== undefined && y1 > (y0 ?? 0) ? y1 : (y0 ?? 0) + 1])
    .nice()
    .range([inner.top + inner.height, inner.top]);
  const path = line<readonly [number, number]>()
    .defined((p) => Number.isFinite(p[1]))
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  return {
    paths: series.map((s) => ({ id: s.id, d: path(s.points) ?? '' })),
    xTicks: x.ticks(5).map((t) => ({ x: x(t), label: String(t) })),
    yTicks: y.ticks(4).map((t) => ({ y: y(t), label: y.tickFormat(4)(t) })),
    inner,
    xAt: (v) => x(v),
    yAt: (v) => y(v),
  };
}

/** Exponential moving average, for a readable per-batch loss curve. */
export function smooth(values: readonly number[], alpha = 0.1): number[] {
  const out: number[] = [];
  let s = values[0] ?? 0;
  for (const v of values) {
    s = Number.isFinite(v) ? alpha * v + (1 - alpha) * s : s;
    out.push(s);
  }
  return out;
}
