/** A chart's inner box and tick positions, as the D3 layouts in src/views compute them. */
interface Props {
  inner: { left: number; width: number };
  xTicks: readonly { x: number; label: string }[];
  yTicks: readonly { y: number; label: string }[];
  /** Baseline of the x tick labels (the plot's bottom edge). */
  height: number;
}

/** Horizontal grid lines with y labels, and x labels along the bottom: the SVG under every line chart. */
export function ChartTicks({ inner, xTicks, yTicks, height }: Props) {
  return (
    <>
      {yTicks.map((t) => (
        <g key={`y${t.y}`}>
          <line x1={inner.left} x2={inner.left + inner.width} y1={t.y} y2={t.y} stroke="#eceef1" />
          <text x={inner.left - 4} y={t.y + 3} textAnchor="end">
            {t.label}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <text key={`x${t.x}`} x={t.x} y={height - 5} textAnchor="middle">
          {t.label}
        </text>
      ))}
    </>
  );
}
