import { extent } from 'd3-array';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { lineChartLayout, type ChartLayout } from '../lineChart';

/** One curve of a chart with its points already in pixels, for the dots and their labels. */
export interface PlacedSeries {
  id: string;
  d: string;
  points: { x: number; y: number; value: number; at: number }[];
}

export interface DepthChart {
  layout: ChartLayout;
  series: PlacedSeries[];
  /** One x tick per depth trained. */
  xTicks: { x: number; label: string }[];
}

/**
 * Final training error (y, 0–1) against depth (x), one curve per family: D3 scales and paths, drawn by
 * React. `curves` maps a series id (e.g. `plain`) to its (depth, error) points.
 */
export function depthErrorChart(curves: readonly { id: string; points: readonly (readonly [number, number])[] }[], width: number, height: number): DepthChart {
  const layout = lineChartLayout(curves, width, height, [0, 1]);
  const depths = [...new Set(curves.flatMap((c) => c.points.map((p) => p[0])))].sort((a, b) => a - b);
  return {
    layout,
    series: curves.map((c, i) => ({
      id: c.id,
      d: layout.paths[i].d,
      points: c.points.map(([depth, error]) => ({ x: layout.xAt(depth), y: layout.yAt(error), value: error, at: depth })),
    })),
    xTicks: depths.map((d) => ({ x: layout.xAt(d), label: String(d) })),
  };
}

export interface LogChart {
  series: PlacedSeries[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  inner: { left: number; top: number; width: number; height: number };
}

/**
 * Per-layer gradient norms on a log y axis (x = conv layer 1…L, input side first). Non-positive or
 * non-finite norms are left out of the path (a log scale cannot place them).
 */
export function gradientNormsChart(curves: readonly { id: string; norms: readonly number[] }[], width: number, height: number): LogChart {
  const margin = { left: 48, right: 8, top: 8, bottom: 22 };
  const inner = { left: margin.left, top: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom };
  const layers = Math.max(1, ...curves.map((c) => c.norms.length));
  const positive = curves.flatMap((c) => c.norms).filter((v) => Number.isFinite(v) && v > 0);
  const [lo, hi] = extent(positive) as [number | undefined, number | undefined];
  // A little room around the data, no nice(): nice() would round out to whole decades and squash the curves.
  const low = lo ?? 1e-3;
  const high = hi !== undefined && hi > low ? hi : low * 10;
  const y = scaleLog().domain([low / 1.25, high * 1.25]).range([inner.top + inner.height, inner.top]);
  const x = scaleLinear().domain([1, Math.max(2, layers)]).range([inner.left, inner.left + inner.width]);
  const ok = (v: number) => Number.isFinite(v) && v > 0;
  const path = line<number>()
    .defined(ok)
    .x((_, i) => x(i + 1))
    .y((v) => y(v));
  const format = (v: number) => (v >= 0.01 && v < 1000 ? String(+v.toPrecision(2)) : v.toExponential(0));
  return {
    series: curves.map((c) => ({
      id: c.id,
      d: path([...c.norms]) ?? '',
      points: c.norms.flatMap((v, i) => (ok(v) ? [{ x: x(i + 1), y: y(v), value: v, at: i + 1 }] : [])),
    })),
    xTicks: x.ticks(Math.min(layers, 10)).filter(Number.isInteger).map((t) => ({ x: x(t), label: String(t) })),
    yTicks: logTicks(y.domain() as [number, number]).map((t) => ({ y: y(t), label: format(t) })),
    inner,
  };
}

/** Powers of ten inside [lo, hi]; with fewer than three, the 2× and 5× steps too (a narrow range still gets labels). */
export function logTicks([lo, hi]: readonly [number, number]): number[] {
  const decades: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) decades.push(10 ** e);
  const inside = (ticks: number[]) => ticks.filter((t) => t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9));
  const powers = inside(decades);
  return powers.length >= 3 ? powers : inside(decades.flatMap((d) => [d, 2 * d, 5 * d])).sort((a, b) => a - b);
}
